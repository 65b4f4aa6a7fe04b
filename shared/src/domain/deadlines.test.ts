import { describe, expect, it } from 'vitest';
import { clockEndsAt, nextDeadline, pendingDeadlines, type Deadline } from './deadlines.ts';
import { as, createTablesRoom, errorOf, MOD, T0, type TestRoom } from './testRoom.ts';

const MIN = 60_000;
const WARN = { type: 'breakout.warn' } as const;
const EXPIRE = { type: 'breakout.expire' } as const;

/** `t1`: p1 (facilitator), p2; `t2`: p3. The breakout starts at T0 when `breakoutMs` is given. */
function deadlineRoom(breakoutMs?: number, settings?: Record<string, unknown>): TestRoom {
  return createTablesRoom({ people: 3, seats: [[0, 1], [2]], facilitators: [0, null], ...(breakoutMs !== undefined && { breakoutMs }), ...(settings && { settings }) }).room;
}

/** Deadlines sorted by time, then by kind, for stable comparison. */
const pending = (room: TestRoom): Deadline[] => [...pendingDeadlines(room.state)].sort((a, b) => a.at - b.at || a.command.type.localeCompare(b.command.type));

describe('clockEndsAt', () => {
  it.each([
    { clock: { durationMs: 60_000, startedAt: 1_000, elapsedMs: 0 }, end: 61_000 },
    { clock: { durationMs: 60_000, startedAt: 1_000, elapsedMs: 20_000 }, end: 41_000 },
    { clock: { durationMs: 60_000, startedAt: null, elapsedMs: 20_000 }, end: null },
  ])('$clock → $end', ({ clock, end }) => {
    expect(clockEndsAt(clock)).toBe(end);
  });
});

describe('pendingDeadlines and nextDeadline', () => {
  it('no breakout → none', () => {
    const room = deadlineRoom();
    expect(pendingDeadlines(room.state)).toEqual([]);
    expect(nextDeadline(room.state)).toBeNull();
  });

  it.each([
    { label: 'the default one-minute lead', settings: undefined, lead: 60_000 },
    { label: 'a two-minute lead', settings: { breakoutWarningMs: 2 * MIN }, lead: 2 * MIN },
  ])('a breakout is warned $label before it expires', ({ settings, lead }) => {
    const room = deadlineRoom(10 * MIN, settings);
    expect(room.state.settings.breakoutWarningMs).toBe(lead);
    expect(pending(room)).toEqual([
      { at: T0 + 10 * MIN - lead, command: WARN },
      { at: T0 + 10 * MIN, command: EXPIRE },
    ]);
    expect(nextDeadline(room.state)).toEqual({ at: T0 + 10 * MIN - lead, command: WARN });
  });

  it.each([30_000, 60_000])('a breakout of %i ms (not longer than the lead) gets no warning', (durationMs) => {
    const room = deadlineRoom(durationMs);
    expect(pending(room)).toEqual([{ at: T0 + durationMs, command: EXPIRE }]);
    expect(errorOf(room.tick(durationMs - 1).system(WARN))).toEqual({ code: 'conflict', reason: 'not_due' });
  });

  it('a go-round turn ends at its clock’s end, named by table and position', () => {
    const room = deadlineRoom(10 * MIN);
    room.tick(30_000).must(as('p1'), 'round.start', { tableId: 't1', turnMs: 2 * MIN });
    expect(nextDeadline(room.state)).toEqual({ at: T0 + 30_000 + 2 * MIN, command: { type: 'round.advance', tableId: 't1', position: 0 } });
    expect(pending(room)).toHaveLength(3);
  });

  it('a table speaker outside a go-round, or a go-round turn on a paused timer, has no deadline', () => {
    const room = deadlineRoom(10 * MIN);
    room.must(MOD, 'floor.give', { tableId: 't2', participantId: 'p3' });
    room.must(MOD, 'round.start', { tableId: 't1', turnMs: MIN });
    room.must(as('p1'), 'timer.pause', { tableId: 't1' });
    expect(pending(room).map((d) => d.command.type)).toEqual(['breakout.warn', 'breakout.expire']);
    expect(errorOf(room.tick(2 * MIN).system({ type: 'round.advance', tableId: 't1', position: 0 }))).toEqual({ code: 'conflict', reason: 'not_due' });
  });
});

describe('decideSystem: the warning', () => {
  it('is not due before its time, fires exactly once at it, then is no longer pending', () => {
    const room = deadlineRoom(10 * MIN);
    expect(errorOf(room.tick(9 * MIN - 1).system(WARN))).toEqual({ code: 'conflict', reason: 'not_due' });
    expect(room.tick(1).system(WARN)).toEqual({ ok: true, events: [{ type: 'breakout.warned', at: room.now, remainingMs: MIN }] });
    expect(room.state.breakout?.warned).toBe(true);
    expect(errorOf(room.system(WARN))).toEqual({ code: 'conflict', reason: 'not_due' });
    expect(pending(room)).toEqual([{ at: T0 + 10 * MIN, command: EXPIRE }]);
  });

  it('fired late, says how much time is really left (never less than 0)', () => {
    const room = deadlineRoom(10 * MIN);
    expect(room.tick(9 * MIN + 45_000).system(WARN)).toMatchObject({ ok: true, events: [{ remainingMs: 15_000 }] });
    const late = deadlineRoom(10 * MIN);
    expect(late.tick(11 * MIN).system(WARN)).toMatchObject({ ok: true, events: [{ remainingMs: 0 }] });
  });
});

describe('decideSystem: expiry', () => {
  it('ends the breakout only when due, ending table turns first', () => {
    const room = deadlineRoom(10 * MIN);
    room.tick(9 * MIN).must(MOD, 'floor.give', { tableId: 't2', participantId: 'p3' });
    expect(errorOf(room.tick(MIN - 1).system(EXPIRE))).toEqual({ code: 'conflict', reason: 'not_due' });
    expect(room.state.breakout).not.toBeNull();
    expect(room.tick(1).system(EXPIRE)).toEqual({
      ok: true,
      events: [
        { type: 'floor.ended', at: room.now, tableId: 't2', participantId: 'p3', spokenMs: MIN },
        { type: 'breakout.ended', at: room.now, reason: 'time' },
      ],
    });
    expect(room.state.breakout).toBeNull();
    expect(errorOf(room.system(EXPIRE))).toEqual({ code: 'conflict', reason: 'not_due' });
    expect(pendingDeadlines(room.state)).toEqual([]);
  });
});

describe('extend, pause and resume move the deadlines', () => {
  it('extending moves both deadlines', () => {
    const room = deadlineRoom(10 * MIN);
    room.tick(2 * MIN).must(MOD, 'breakout.extend', { ms: 5 * MIN });
    expect(pending(room)).toEqual([
      { at: T0 + 14 * MIN, command: WARN },
      { at: T0 + 15 * MIN, command: EXPIRE },
    ]);
  });

  it('extending after the warning re-arms it for the new end, and it fires once more', () => {
    const room = deadlineRoom(10 * MIN);
    expect(room.tick(9 * MIN).system(WARN).ok).toBe(true);
    room.tick(30_000).must(MOD, 'breakout.extend', { ms: 5 * MIN });
    expect(room.state.breakout?.warned).toBe(false);
    expect(nextDeadline(room.state)).toEqual({ at: T0 + 14 * MIN, command: WARN });
    expect(errorOf(room.system(WARN))).toEqual({ code: 'conflict', reason: 'not_due' });
    expect(room.tick(4 * MIN + 30_000).system(WARN)).toMatchObject({ ok: true, events: [{ remainingMs: MIN }] });
  });

  it('extending after the warning by less than the lead keeps it sent: no second warning', () => {
    const room = deadlineRoom(10 * MIN);
    room.tick(9 * MIN + 30_000).system(WARN);
    room.must(MOD, 'breakout.extend', { ms: 20_000 });
    expect(room.state.breakout?.warned).toBe(true);
    expect(pending(room)).toEqual([{ at: T0 + 10 * MIN + 20_000, command: EXPIRE }]);
  });

  it('pausing removes the breakout’s deadlines; neither fires while paused; resuming shifts them by the pause', () => {
    const room = deadlineRoom(10 * MIN);
    room.tick(3 * MIN).must(MOD, 'breakout.pause');
    expect(pendingDeadlines(room.state)).toEqual([]);
    room.tick(20 * MIN);
    expect(errorOf(room.system(WARN))).toEqual({ code: 'conflict', reason: 'not_due' });
    expect(errorOf(room.system(EXPIRE))).toEqual({ code: 'conflict', reason: 'not_due' });
    room.must(MOD, 'breakout.resume');
    expect(pending(room)).toEqual([
      { at: T0 + 29 * MIN, command: WARN },
      { at: T0 + 30 * MIN, command: EXPIRE },
    ]);
  });
});

describe('decideSystem: go-round turns', () => {
  it.each([
    { label: 'a stale position', command: { type: 'round.advance', tableId: 't1', position: 1 } },
    { label: 'another table', command: { type: 'round.advance', tableId: 't2', position: 0 } },
    { label: 'an unknown table', command: { type: 'round.advance', tableId: 'nowhere', position: 0 } },
  ] as const)('$label → not_due, even when the turn is over', ({ command }) => {
    const room = deadlineRoom(10 * MIN);
    room.must(MOD, 'round.start', { tableId: 't1', turnMs: MIN });
    expect(errorOf(room.tick(2 * MIN).system(command))).toEqual({ code: 'conflict', reason: 'not_due' });
    expect(room.state.tables[0]!.round?.position).toBe(0);
  });

  it('the due turn advances once; the same attempt from a second node is then not due', () => {
    const room = deadlineRoom(10 * MIN);
    room.must(MOD, 'round.start', { tableId: 't1', turnMs: MIN });
    const command = { type: 'round.advance', tableId: 't1', position: 0 } as const;
    expect(room.tick(MIN).system(command).ok).toBe(true);
    expect(errorOf(room.system(command))).toEqual({ code: 'conflict', reason: 'not_due' });
    expect(nextDeadline(room.state)).toEqual({ at: room.now + MIN, command: { ...command, position: 1 } });
  });
});
