/**
 * Property tests over whole sessions. Run counts are fixed (RUNS); on failure fast-check
 * prints the seed, the path and the shrunk step list — replay with `{ seed, path }`.
 * Every step is checked against the invariants of `roomInvariants.ts` as it is played
 * (see `roomSession.ts`): table seating, floors, go-rounds, turns that end only through
 * `floor.ended`, deadlines that fire exactly when due, and projections that agree with
 * the projected events for every audience.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMAND_TYPES } from '../protocol.ts';
import { applyAll } from './apply.ts';
import { decide } from './decide.ts';
import type { RoomEvent } from './events.ts';
import { audiencesOf, projectEvent, projectState } from './projection.ts';
import { KIND_RANK, queuePosition } from './queue.ts';
import { actorArbitrary, fieldArbitraries, stepsArbitrary, type CommandOptions } from './roomArbitraries.ts';
import { canonical } from './roomInvariants.ts';
import { floorKey, play, statsFromLog, type Run } from './roomSession.ts';
import { emptyState, floorOf, type RoomState } from './state.ts';
import { cmd } from './testRoom.ts';

const RUNS = { numRuns: 200 };

/** Sort key of a queue entry under the class rule, optionally with the progressive stack. */
function sortKey(run: Run, tableId: string | undefined, participantId: string, progressive: boolean): number[] {
  const state = run.room.state;
  const queue = floorOf(state, tableId)!.queue;
  const entry = queue[queuePosition(queue, participantId)]!;
  const spoken = progressive ? (state.participants[participantId]?.spokenMs ?? 0) : 0;
  return [KIND_RANK[entry.kind], spoken, run.arrival.get(floorKey(tableId, participantId)) ?? -1];
}

/** Every floor's queue is sorted by class, then (progressive) time spoken, then arrival. */
function expectSorted(run: Run, progressive: boolean): void {
  const state: RoomState = run.room.state;
  for (const tableId of [undefined, ...state.tables.map((t) => t.id)]) {
    const keys = floorOf(state, tableId)!.queue.map((e) => sortKey(run, tableId, e.participantId, progressive));
    for (let i = 1; i < keys.length; i++) {
      const [a, b] = [keys[i - 1]!, keys[i]!];
      const cmp = a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]!;
      expect(cmp, `${tableId ?? 'plenary'} queue out of order at ${i}: [rank, spokenMs, arrival] = ${JSON.stringify(keys)}`).toBeLessThan(0);
    }
  }
}

const anyCommand = fc.constantFrom(...COMMAND_TYPES).chain((type) => fc.tuple(fc.constant(type), fieldArbitraries()[type]));

const TABLES: CommandOptions = { tables: true };

describe('room invariants under random sessions', () => {
  it.each([
    { sessions: 'plenary and table sessions', options: {} },
    { sessions: 'breakout sessions', options: TABLES },
  ])('hold after every event, for every actor, command, deadline and audience, valid or not ($sessions)', ({ options }) => {
    fc.assert(
      fc.property(stepsArbitrary(options), (steps) => {
        const { room } = play(steps);
        // The log is the truth: replaying it from scratch gives the same state.
        expect(applyAll(emptyState('room-1'), room.log.map(({ version: _, ...e }) => e as RoomEvent))).toEqual(room.state);
        expect(room.log.map((e) => e.version)).toEqual(room.log.map((_, i) => i));
        expect(statsFromLog(room)).toEqual(Object.values(room.state.participants).map(({ id, raises, turns, spokenMs }) => ({ id, raises, turns, spokenMs })));
      }),
      RUNS,
    );
  });

  it('breakout sessions reach table floors, go-rounds and deadlines often enough to mean something', () => {
    const runs = { tableSpeaker: 0, round: 0, turnTimedOut: 0, warned: 0, expired: 0, hiddenFromDisplay: 0, tableTurnEnded: 0 };
    fc.assert(
      fc.property(stepsArbitrary(TABLES), (steps) => {
        const seen = new Set<keyof typeof runs>();
        const { room } = play(steps, {
          afterStep: ({ room: r }) => {
            if (r.state.tables.some((t) => t.floor.speaker)) seen.add('tableSpeaker');
            if (r.state.tables.some((t) => t.round)) seen.add('round');
          },
        });
        for (const e of room.log) {
          if (e.type === 'round.advanced' && e.reason === 'time') seen.add('turnTimedOut');
          if (e.type === 'breakout.warned') seen.add('warned');
          if (e.type === 'breakout.ended' && e.reason === 'time') seen.add('expired');
          if (projectEvent(e, 'display').type === 'hidden') seen.add('hiddenFromDisplay');
          if (e.type === 'floor.ended' && e.tableId !== undefined) seen.add('tableTurnEnded');
        }
        for (const k of seen) runs[k]++;
      }),
      { numRuns: 100, seed: 42 },
    );
    // Fixed seed: these counts are stable; a generator change that starves table sessions fails here.
    expect(Object.entries(runs).filter(([, n]) => n < 10), JSON.stringify(runs)).toEqual([]);
  });

  it.each([
    { sessions: 'plenary and table sessions', options: {} },
    { sessions: 'breakout sessions', options: TABLES },
  ])('keep every queue in class-then-arrival order without moves or progressive stack ($sessions)', ({ options }) => {
    const noMoves: CommandOptions = { ...options, moves: false, progressive: [false] };
    fc.assert(fc.property(stepsArbitrary(noMoves, 60), (steps) => void play(steps, { afterStep: (run) => expectSorted(run, false) })), RUNS);
  });

  // Without breakouts: a person queued at the plenary who speaks at their table gains
  // speaking time while queued, and queues are never reshuffled behind people.
  it('with the progressive stack on from the start (no moves, no breakouts), order is class, then time spoken, then arrival', () => {
    const options: CommandOptions = { moves: false, progressive: [], breakouts: false };
    const settings = { progressiveStack: true };
    fc.assert(fc.property(stepsArbitrary(options, 60), (steps) => void play(steps, { settings, afterStep: (run) => expectSorted(run, true) })), RUNS);
  });

  it('decide is deterministic and no projection carries a token hash or another audience’s table', () => {
    fc.assert(
      fc.property(stepsArbitrary(), actorArbitrary, anyCommand, (steps, actor, [type, fields]) => {
        const { room } = play(steps);
        const ctx = { now: room.now, newId: (prefix: string) => `${prefix}-fixed` };
        const command = cmd(type, fields);
        expect(canonical(decide(room.state, command, actor, ctx))).toEqual(canonical(decide(room.state, command, actor, ctx)));
        for (const audience of audiencesOf(room.state)) {
          const state = projectState(room.state, audience);
          const projected = JSON.stringify([state, room.log.map((e) => projectEvent(e, audience))]);
          expect(projected).not.toContain('secret-');
          expect(projected).not.toContain('tokenHash');
          const others = state.tables.filter((t) => audience !== 'moderator' && audience !== `table:${t.id}`);
          expect(others.filter((t) => t.floor.speaker || t.floor.queue.length > 0 || t.round || t.helpRequestedAt !== null)).toEqual([]);
        }
      }),
      { numRuns: 100 },
    );
  });
});
