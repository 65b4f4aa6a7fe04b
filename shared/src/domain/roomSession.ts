/**
 * Test helper (not exported from the package): plays a generated session step by step
 * through `decide`, `decideJoin` and `decideSystem`, checking every decision and every
 * event against the invariants in `roomInvariants.ts`. A broken rule throws, so
 * fast-check shrinks the session and prints it.
 */
import { ERROR_CODES } from '../errors.ts';
import { decide } from './decide.ts';
import { decideJoin } from './decideRoom.ts';
import { decideSystem, nextDeadline, pendingDeadlines, type SystemCommand } from './deadlines.ts';
import type { Decision } from './decision.ts';
import { RoomEvent } from './events.ts';
import { INITIAL_PARTICIPANTS, scopeStep, type Step } from './roomArbitraries.ts';
import { canonical, deepEqual, eventViolations, projectionViolations, settledViolations, transitionViolations, violations } from './roomInvariants.ts';
import { cmd, createTestRoom, type TestRoom } from './testRoom.ts';

export interface Run {
  room: TestRoom;
  /** Version of each queued entry's `hand.raised`, keyed by `floorKey`: their arrival. */
  arrival: Map<string, number>;
}

/** Key of a person on a floor: the plenary's, or a table's. */
export const floorKey = (tableId: string | undefined, participantId: string) => `${tableId ?? ''}/${participantId}`;

function check(problems: string[], context: unknown): void {
  if (problems.length > 0) throw new Error(`${problems.join('\n')}\nat ${JSON.stringify(context)}`);
}

/** Checks one decision against the state it was made on, then appends its events one by one. */
export function checkAndAppend(run: Run, decideNow: () => Decision): Decision {
  const { room } = run;
  const before = room.state;
  // Same object, same key order: plain JSON tells whether anything mutated it.
  const snapshot = JSON.stringify(before);
  const decision = decideNow();
  check(room.state === before && JSON.stringify(before) === snapshot ? [] : ['decide changed the state'], decision);
  if (!decision.ok) {
    const keys = Object.keys(decision).sort().join(',');
    check(keys === 'error,ok' && decision.error.code in ERROR_CODES ? [] : [`bad rejection ${JSON.stringify(decision)}`], decision);
    return decision;
  }
  check(decision.events.length > 0 ? [] : ['accepted without events'], decision);
  for (const event of decision.events) {
    const prev = room.state;
    const parsed = RoomEvent.safeParse(event);
    check(parsed.success && deepEqual(parsed.data, event) ? [] : ['event does not match its schema'], event);
    check(event.at === room.now ? [] : [`event at ${event.at}, now ${room.now}`], event);
    check(eventViolations(prev, event), event);
    room.append([event]);
    const versioned = room.log[room.log.length - 1]!;
    check([...violations(room.state), ...transitionViolations(prev, room.state, event), ...projectionViolations(prev, room.state, versioned)], event);
    if (event.type === 'hand.raised') run.arrival.set(floorKey(event.tableId, event.participantId), versioned.version);
  }
  check(settledViolations(room.state), decision.events);
  check(JSON.stringify(before) === snapshot ? [] : ['apply mutated an earlier state'], decision.events);
  return decision;
}

const same = (a: SystemCommand, b: SystemCommand) => canonical(a) === canonical(b);

/** Plays a system command: accepted exactly when it is a pending deadline that has come. */
function playSystem(run: Run, command: SystemCommand): Decision {
  const { room } = run;
  const due = pendingDeadlines(room.state).some((d) => same(d.command, command) && d.at <= room.now);
  const decision = checkAndAppend(run, () => decideSystem(room.state, command, room.ctx()));
  const reason = decision.ok ? 'accepted' : decision.error.reason;
  check(decision.ok === due && (due || reason === 'not_due') ? [] : [`${command.type} due: ${due}, decided: ${reason}`], command);
  return decision;
}

/** Waits for the next deadline and fires it: accepted once, then no longer due. */
function playDeadline(run: Run): void {
  const next = nextDeadline(run.room.state);
  if (!next) return;
  run.room.tick(Math.max(0, next.at - run.room.now));
  const first = playSystem(run, next.command);
  const again = decideSystem(run.room.state, next.command, run.room.ctx());
  check(first.ok && !again.ok && again.error.reason === 'not_due' ? [] : ['a deadline did not fire exactly once'], next);
}

export function playStep(run: Run, step: Step, joined: () => number): void {
  const { room } = run;
  switch (step.kind) {
    case 'tick':
      room.tick(step.ms);
      return;
    case 'join': {
      const n = joined();
      checkAndAppend(run, () => decideJoin(room.state, { name: `Late ${n}`, language: null, tokenHash: `secret-${n}` }, room.ctx()));
      return;
    }
    case 'presence':
      room.setOnline(step.online ?? undefined);
      return;
    case 'due':
      playDeadline(run);
      return;
    case 'system':
      playSystem(run, step.command);
      return;
    case 'command': {
      const { actor, fields } = scopeStep(room.state, step);
      checkAndAppend(run, () => decide(room.state, cmd(step.type, fields), actor, room.ctx()));
    }
  }
}

/** Plays a session in a room where `p1`…`p4` joined first. */
export function play(steps: readonly Step[], options: { settings?: Record<string, unknown>; afterStep?: (run: Run) => void } = {}): Run {
  const room = createTestRoom(options.settings ? { settings: options.settings } : {});
  room.joinMany(INITIAL_PARTICIPANTS);
  const run: Run = { room, arrival: new Map() };
  let joined = INITIAL_PARTICIPANTS;
  for (const step of steps) {
    playStep(run, step, () => ++joined);
    options.afterStep?.(run);
  }
  return run;
}

/** Per-person statistics recounted from the log: plenary raises, turns and speaking time anywhere. */
export function statsFromLog(room: TestRoom): Array<{ id: string; raises: number; turns: number; spokenMs: number }> {
  return Object.keys(room.state.participants).map((id) => {
    const mine = room.log.filter((e) => 'participantId' in e && e.participantId === id);
    const ended = mine.flatMap((e) => (e.type === 'floor.ended' ? [e.spokenMs] : []));
    return { id, raises: mine.filter((e) => e.type === 'hand.raised' && e.tableId === undefined).length, turns: ended.length, spokenMs: ended.reduce((a, b) => a + b, 0) };
  });
}
