/**
 * Property tests over whole sessions. Run counts are fixed (RUNS); on failure fast-check
 * prints the seed, the path and the shrunk step list — replay with `{ seed, path }`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../errors.ts';
import { COMMAND_TYPES } from '../protocol.ts';
import type { Actor } from './actor.ts';
import { applyAll } from './apply.ts';
import { authorize, COMMAND_ROLES } from './authorize.ts';
import { decide } from './decide.ts';
import { decideJoin } from './decideRoom.ts';
import type { Decision } from './decision.ts';
import { RoomEvent } from './events.ts';
import { projectEvent, projectState } from './projection.ts';
import { KIND_RANK, queuePosition } from './queue.ts';
import { actorArbitrary, fieldArbitraries, INITIAL_PARTICIPANTS, PARTICIPANT_POOL, stepsArbitrary, type CommandOptions, type Step } from './roomArbitraries.ts';
import { emptyState, type HandKind, type QueueEntry, type RoomState } from './state.ts';
import { clone, cmd, createTestRoom, type TestRoom } from './testRoom.ts';

const RUNS = { numRuns: 200 };

/** Invariants every reachable state must satisfy; returns the broken ones. */
function violations(state: RoomState): string[] {
  const out: string[] = [];
  const { queue, speaker } = state.floor;
  const ids = queue.map((e) => e.participantId);
  if (new Set(ids).size !== ids.length) out.push(`duplicate in queue: ${ids.join(',')}`);
  for (const id of ids) {
    const status = state.participants[id]?.status;
    if (status !== 'active' && status !== 'revoked') out.push(`queued ${id} is ${status ?? 'unknown'}`);
  }
  if (speaker) {
    if (ids.includes(speaker.participantId)) out.push(`speaker ${speaker.participantId} is also queued`);
    const status = state.participants[speaker.participantId]?.status;
    if (status === undefined || status === 'removed') out.push(`speaker ${speaker.participantId} is ${status ?? 'unknown'}`);
    if (speaker.clock.elapsedMs < 0 || speaker.clock.durationMs < 0) out.push(`bad clock ${JSON.stringify(speaker.clock)}`);
  }
  const active = state.agenda.items.filter((i) => i.status === 'active');
  if (active.length > 1) out.push(`${active.length} active agenda items`);
  if ((active[0]?.id ?? null) !== state.agenda.activeId) out.push(`activeId ${state.agenda.activeId} vs ${active[0]?.id}`);
  if (new Set(state.agenda.items.map((i) => i.id)).size !== state.agenda.items.length) out.push('duplicate agenda ids');
  for (const p of Object.values(state.participants)) if (p.spokenMs < 0 || p.turns < 0 || p.raises < 0) out.push(`bad counters for ${p.id}`);
  return out;
}

/** Event-level rules: what `apply` silently assumes, checked against the state it is applied to. */
function eventViolations(state: RoomState, event: RoomEvent): string[] {
  const speaker = state.floor.speaker;
  switch (event.type) {
    case 'floor.given':
      return speaker ? [`floor.given to ${event.participantId} while ${speaker.participantId} speaks`] : [];
    case 'floor.ended':
      return speaker?.participantId === event.participantId && event.spokenMs >= 0 ? [] : [`floor.ended for ${event.participantId}, speaker ${speaker?.participantId}`];
    case 'hand.raised': {
      const limit = state.settings.queueLimit;
      const raises = state.participants[event.participantId]?.raises ?? 0;
      if (limit !== null && raises >= limit) return [`raise over the limit (${raises}/${limit})`];
      if (state.participants[event.participantId]?.status !== 'active') return [`hand.raised for inactive ${event.participantId}`];
      return placementViolations(state, event.participantId, event.kind, event.index);
    }
    case 'participant.joined':
      return state.participants[event.participantId] ? [`id ${event.participantId} reused`] : [];
    case 'participant.revoked':
      return state.participants[event.participantId]?.status === 'active' ? [] : [`revoking ${event.participantId} twice or unknown`];
    case 'participant.removed':
    case 'participant.renamed': {
      const status = state.participants[event.participantId]?.status;
      return status === undefined || status === 'removed' ? [`${event.type} for ${status ?? 'unknown'} ${event.participantId}`] : [];
    }
    default:
      return [];
  }
}

/**
 * The insertion rule, stated independently of `insertionIndex`: the new entry goes
 * directly behind the last unpinned entry that goes ahead of it by class (and, with the
 * progressive stack, by speaking time); with no such entry, at the very front.
 */
function placementViolations(state: RoomState, participantId: string, kind: HandKind, index: number): string[] {
  const progressive = state.settings.progressiveStack;
  const spoken = (id: string) => (progressive ? (state.participants[id]?.spokenMs ?? 0) : 0);
  const goesAhead = (e: QueueEntry) =>
    !e.pinned && (KIND_RANK[e.kind] < KIND_RANK[kind] || (KIND_RANK[e.kind] === KIND_RANK[kind] && spoken(e.participantId) <= spoken(participantId)));
  const ahead = state.floor.queue.map(goesAhead);
  const expected = ahead.lastIndexOf(true) + 1;
  return index === expected ? [] : [`${kind} from ${participantId} inserted at ${index}, rule says ${expected}: ${JSON.stringify(state.floor.queue)}`];
}

/** Entries present both before and after keep their relative order (only `queue.move` reorders). */
function keepsOrder(before: RoomState, after: RoomState): boolean {
  const a = before.floor.queue.map((e) => e.participantId);
  const b = after.floor.queue.map((e) => e.participantId);
  return JSON.stringify(a.filter((id) => b.includes(id))) === JSON.stringify(b.filter((id) => a.includes(id)));
}

/** Per-person statistics recounted from the log: raises, turns and speaking time. */
function statsFromLog(room: TestRoom): Array<{ id: string; raises: number; turns: number; spokenMs: number }> {
  return Object.keys(room.state.participants).map((id) => {
    const mine = room.log.filter((e) => 'participantId' in e && e.participantId === id);
    const ended = mine.flatMap((e) => (e.type === 'floor.ended' ? [e.spokenMs] : []));
    return { id, raises: mine.filter((e) => e.type === 'hand.raised').length, turns: ended.length, spokenMs: ended.reduce((a, b) => a + b, 0) };
  });
}

interface Run {
  room: TestRoom;
  /** Version of each queued person's latest `hand.raised`: their arrival. */
  arrival: Map<string, number>;
}

/** Checks one decision against the state it was made on, then appends its events one by one. */
function checkAndAppend(run: Run, decideNow: () => Decision): void {
  const { room } = run;
  const before = room.state;
  const snapshot = clone(before);
  const decision = decideNow();
  expect(room.state).toBe(before);
  expect(before).toEqual(snapshot);
  if (!decision.ok) {
    expect(Object.keys(decision).sort()).toEqual(['error', 'ok']);
    expect(Object.keys(ERROR_CODES)).toContain(decision.error.code);
    return;
  }
  expect(decision.events.length).toBeGreaterThan(0);
  const firstVersion = room.log.length;
  for (const event of decision.events) {
    expect(RoomEvent.parse(event)).toEqual(event);
    expect(event.at).toBe(room.now);
    const prev = room.state;
    expect(eventViolations(prev, event)).toEqual([]);
    room.append([event]);
    expect(violations(room.state)).toEqual([]);
    if (event.type !== 'queue.moved') expect(keepsOrder(prev, room.state)).toBe(true);
    if (event.type === 'hand.raised') run.arrival.set(event.participantId, room.log.length - 1);
  }
  expect(snapshot).toEqual(clone(before));
  expect(room.log.slice(firstVersion).map((e) => e.version)).toEqual(decision.events.map((_, i) => firstVersion + i));
}

function play(steps: readonly Step[], options: { settings?: Record<string, unknown>; afterStep?: (run: Run) => void } = {}): Run {
  const room = createTestRoom(options.settings ? { settings: options.settings } : {});
  room.joinMany(INITIAL_PARTICIPANTS);
  const run: Run = { room, arrival: new Map() };
  let joined = INITIAL_PARTICIPANTS;
  for (const step of steps) {
    if (step.kind === 'tick') room.tick(step.ms);
    else if (step.kind === 'join') checkAndAppend(run, () => decideJoin(room.state, { name: `Late ${++joined}`, language: null, tokenHash: `secret-${joined}` }, room.ctx()));
    else checkAndAppend(run, () => decide(room.state, cmd(step.type, step.fields), step.actor, room.ctx()));
    options.afterStep?.(run);
  }
  return run;
}

/** Sort key of a queue entry under the class rule, optionally with the progressive stack. */
function sortKey(run: Run, participantId: string, progressive: boolean): number[] {
  const state = run.room.state;
  const entry = state.floor.queue[queuePosition(state.floor.queue, participantId)]!;
  const spoken = progressive ? (state.participants[participantId]?.spokenMs ?? 0) : 0;
  return [KIND_RANK[entry.kind], spoken, run.arrival.get(participantId) ?? -1];
}

function expectSorted(run: Run, progressive: boolean): void {
  const keys = run.room.state.floor.queue.map((e) => sortKey(run, e.participantId, progressive));
  for (let i = 1; i < keys.length; i++) {
    const [a, b] = [keys[i - 1]!, keys[i]!];
    const cmp = a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]!;
    expect(cmp, `queue out of order at ${i}: [rank, spokenMs, arrival] = ${JSON.stringify(keys)}`).toBeLessThan(0);
  }
}

const anyCommand = fc.constantFrom(...COMMAND_TYPES).chain((type) => fc.tuple(fc.constant(type), fieldArbitraries()[type]));

describe('room invariants under random sessions', () => {
  it('hold after every event, for every actor and command, valid or not', () => {
    fc.assert(
      fc.property(stepsArbitrary(), (steps) => {
        const { room } = play(steps);
        // The log is the truth: replaying it from scratch gives the same state.
        expect(applyAll(emptyState('room-1'), room.log.map(({ version: _, ...e }) => e as RoomEvent))).toEqual(room.state);
        expect(room.log.map((e) => e.version)).toEqual(room.log.map((_, i) => i));
        expect(statsFromLog(room)).toEqual(Object.values(room.state.participants).map(({ id, raises, turns, spokenMs }) => ({ id, raises, turns, spokenMs })));
      }),
      RUNS,
    );
  });

  it('keep the queue in class-then-arrival order without moves or progressive stack', () => {
    const options: CommandOptions = { moves: false, progressive: [false] };
    fc.assert(fc.property(stepsArbitrary(options, 60), (steps) => void play(steps, { afterStep: (run) => expectSorted(run, false) })), RUNS);
  });

  it('with the progressive stack on from the start (no moves), order is class, then time spoken, then arrival', () => {
    const options: CommandOptions = { moves: false, progressive: [] };
    const settings = { progressiveStack: true };
    fc.assert(fc.property(stepsArbitrary(options, 60), (steps) => void play(steps, { settings, afterStep: (run) => expectSorted(run, true) })), RUNS);
  });

  it('decide is deterministic and projections never carry a token hash', () => {
    fc.assert(
      fc.property(stepsArbitrary(), actorArbitrary, anyCommand, (steps, actor, [type, fields]) => {
        const { room } = play(steps);
        const ctx = { now: room.now, newId: (prefix: string) => `${prefix}-fixed` };
        const command = cmd(type, fields);
        expect(decide(room.state, command, actor, ctx)).toEqual(decide(room.state, command, actor, ctx));
        for (const audience of ['moderator', 'display', 'participant'] as const) {
          const projected = JSON.stringify([projectState(room.state, audience), room.log.map((e) => projectEvent(e, audience))]);
          expect(projected).not.toContain('secret-');
          expect(projected).not.toContain('tokenHash');
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('roles, over generated commands and states', () => {
  const ROLES = ['moderator', 'display', 'participant'] as const;
  const forbidden = COMMAND_TYPES.flatMap((type) => ROLES.filter((r) => !COMMAND_ROLES[type].includes(r)).map((role) => ({ role, type })));
  const allowed = COMMAND_TYPES.flatMap((type) => COMMAND_ROLES[type].map((role) => ({ role, type })));
  const toActor = (role: (typeof ROLES)[number], participantId: string): Actor => (role === 'participant' ? { role, participantId } : { role });
  const pid = fc.constantFrom(...PARTICIPANT_POOL);
  const fields = fieldArbitraries();

  it('every (role, command) pair COMMAND_ROLES does not allow is rejected with forbidden, changing nothing', () => {
    const pair = fc.constantFrom(...forbidden).chain(({ role, type }) => fc.tuple(fc.constant(role), fc.constant(type), fields[type], pid));
    fc.assert(
      fc.property(stepsArbitrary({}, 15), pair, (steps, [role, type, f, participantId]) => {
        const { room } = play(steps);
        const before = room.state;
        const decision = decide(before, cmd(type, f), toActor(role, participantId), room.ctx());
        expect(decision).toMatchObject({ ok: false, error: { code: 'forbidden' } });
        expect(room.state).toBe(before);
      }),
      RUNS,
    );
  });

  it('a participant acting on someone else is rejected with forbidden', () => {
    const type = fc.constantFrom('hand.lower', 'participant.rename' as const);
    fc.assert(
      fc.property(stepsArbitrary({}, 15), type, pid, pid, (steps, t, me, other) => {
        fc.pre(me !== other);
        const { room } = play(steps);
        const f = t === 'hand.lower' ? { participantId: other } : { participantId: other, name: 'Mallory' };
        expect(decide(room.state, cmd(t, f), { role: 'participant', participantId: me }, room.ctx())).toMatchObject({ ok: false, error: { code: 'forbidden', reason: 'not_own' } });
      }),
      RUNS,
    );
  });

  it('an allowed role acting on itself or for others as moderator is never told forbidden', () => {
    const pair = fc.constantFrom(...allowed).chain(({ role, type }) => fc.tuple(fc.constant(role), fc.constant(type), fields[type], pid));
    fc.assert(
      fc.property(stepsArbitrary({}, 15), pair, (steps, [role, type, f, participantId]) => {
        const { room } = play(steps);
        const own = 'participantId' in f && role === 'participant' ? { ...f, participantId } : f;
        const command = cmd(type, own);
        const actor = toActor(role, participantId);
        expect(authorize(actor, command)).toBeNull();
        const decision = decide(room.state, command, actor, room.ctx());
        expect(decision.ok || decision.error.code).not.toBe('forbidden');
      }),
      RUNS,
    );
  });
});
