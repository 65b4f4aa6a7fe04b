import { describe, expect, it } from 'vitest';
import { remainingMs } from './clock.ts';
import { as, createTablesRoom, createTestRoom, errorOf, MOD, typesOf } from './testRoom.ts';

const MIN = 60_000;

/** `t1`: p1 (facilitator), p2; `t2`: p3, p4; `t3` empty. */
const tablesRoom = (breakoutMs?: number) =>
  createTablesRoom({ people: 5, seats: [[0, 1], [2, 3], []], facilitators: [0, null, null], ...(breakoutMs !== undefined && { breakoutMs }) }).room;

describe('breakout.start', () => {
  it('starts the breakout clock now and remembers who sat together', () => {
    const room = tablesRoom();
    expect(room.tick(1_000).must(MOD, 'breakout.start', { durationMs: 15 * MIN })).toEqual([
      { type: 'breakout.started', at: room.now, clock: { durationMs: 15 * MIN, startedAt: room.now, elapsedMs: 0 } },
    ]);
    expect(room.state.breakout).toEqual({ status: 'running', clock: { durationMs: 15 * MIN, startedAt: room.now, elapsedMs: 0 }, startedAt: room.now, warned: false });
    expect(room.state.seatingHistory).toEqual([[['p1', 'p2'], ['p3', 'p4']]]);
  });

  it('ends the plenary turn first, crediting the speaker', () => {
    const room = tablesRoom();
    room.must(MOD, 'floor.give', { participantId: 'p5' });
    const events = room.tick(30_000).must(MOD, 'breakout.start', { durationMs: 15 * MIN });
    expect(events.map((e) => e.type)).toEqual(['floor.ended', 'breakout.started']);
    expect(events[0]).toEqual({ type: 'floor.ended', at: room.now, participantId: 'p5', spokenMs: 30_000 });
    expect(room.state.floor.speaker).toBeNull();
    expect(room.state.participants.p5).toMatchObject({ spokenMs: 30_000, turns: 1 });
  });

  it.each([
    { setup: 'no tables', error: { code: 'conflict', reason: 'no_tables' } },
    { setup: 'nobody seated', error: { code: 'conflict', reason: 'nobody_seated' } },
    { setup: 'already running', error: { code: 'conflict', reason: 'breakout_running' } },
  ])('$setup → $error.reason', ({ setup, error }) => {
    const room = setup === 'already running' ? tablesRoom(10 * MIN) : createTestRoom();
    room.join();
    if (setup === 'nobody seated') room.must(MOD, 'tables.create', { count: 2 });
    expect(errorOf(room.send(MOD, 'breakout.start', { durationMs: 10 * MIN }))).toEqual(error);
  });
});

describe('breakout.extend, pause and resume', () => {
  it.each([
    { ms: 5 * MIN, remaining: 12 * MIN },
    { ms: -5 * MIN, remaining: 2 * MIN },
    { ms: -7 * MIN, remaining: 0 },
  ])('extending by $ms with 7 minutes left leaves $remaining', ({ ms, remaining }) => {
    const room = tablesRoom(10 * MIN);
    room.tick(3 * MIN).must(MOD, 'breakout.extend', { ms });
    expect(remainingMs(room.state.breakout!.clock, room.now)).toBe(remaining);
  });

  it('extending past the end → conflict extend_too_short', () => {
    const room = tablesRoom(10 * MIN);
    expect(errorOf(room.tick(3 * MIN).send(MOD, 'breakout.extend', { ms: -7 * MIN - 1 }))).toEqual({ code: 'conflict', reason: 'extend_too_short' });
  });

  it('pausing stops the clock; resuming carries on where it stopped', () => {
    const room = tablesRoom(10 * MIN);
    room.tick(4 * MIN).must(MOD, 'breakout.pause');
    expect(room.state.breakout).toMatchObject({ status: 'paused', clock: { startedAt: null, elapsedMs: 4 * MIN } });
    room.tick(20 * MIN).must(MOD, 'breakout.resume');
    expect(room.state.breakout).toMatchObject({ status: 'running', clock: { startedAt: room.now } });
    expect(remainingMs(room.state.breakout!.clock, room.tick(MIN).now)).toBe(5 * MIN);
  });

  it.each([
    { type: 'breakout.pause', paused: true, error: { code: 'conflict', reason: 'breakout_paused' } },
    { type: 'breakout.resume', paused: false, error: { code: 'conflict', reason: 'breakout_running' } },
  ] as const)('$type twice → $error.reason', ({ type, paused, error }) => {
    const room = tablesRoom(10 * MIN);
    if (paused) room.must(MOD, 'breakout.pause');
    expect(errorOf(room.send(MOD, type))).toEqual(error);
  });

  it.each(['breakout.extend', 'breakout.pause', 'breakout.resume', 'breakout.end'] as const)('%s without a breakout → conflict no_breakout', (type) => {
    const room = tablesRoom();
    expect(errorOf(room.send(MOD, type, type === 'breakout.extend' ? { ms: MIN } : {}))).toEqual({ code: 'conflict', reason: 'no_breakout' });
  });
});

describe('breakout.end', () => {
  /** p1 speaks at t1 (a go-round), p3 at t2, p2 waits at t1, t2 called for help; p5 holds the plenary floor. */
  function busyBreakout() {
    const room = tablesRoom(20 * MIN);
    room.must(as('p1'), 'round.start', { tableId: 't1', turnMs: 2 * MIN });
    room.must(as('p2'), 'hand.raise', { tableId: 't1' });
    room.tick(10_000).must(MOD, 'floor.give', { tableId: 't2', participantId: 'p3' });
    room.must(as('p4'), 'help.request', { tableId: 't2' });
    room.must(MOD, 'floor.give', { participantId: 'p5' });
    return room.tick(50_000);
  }

  it('ends every table speaker’s turn first, so their speaking time is kept, then returns everyone to the plenary', () => {
    const room = busyBreakout();
    expect(room.must(MOD, 'breakout.end')).toEqual([
      { type: 'floor.ended', at: room.now, tableId: 't1', participantId: 'p1', spokenMs: 60_000 },
      { type: 'floor.ended', at: room.now, tableId: 't2', participantId: 'p3', spokenMs: 50_000 },
      { type: 'breakout.ended', at: room.now, reason: 'moderator' },
    ]);
    expect(room.state.participants.p1).toMatchObject({ spokenMs: 60_000, turns: 1 });
    expect(room.state.participants.p3).toMatchObject({ spokenMs: 50_000, turns: 1 });
  });

  it('clears table floors, go-rounds and calls for help, keeps seats and facilitators, and leaves the plenary floor alone', () => {
    const room = busyBreakout();
    room.must(MOD, 'breakout.end');
    expect(room.state.breakout).toBeNull();
    expect(room.state.tables.map((t) => [t.floor, t.round, t.helpRequestedAt])).toEqual(Array(3).fill([{ queue: [], speaker: null }, null, null]));
    expect(room.state.tables.map((t) => [t.members, t.facilitatorId])).toEqual([[['p1', 'p2'], 'p1'], [['p3', 'p4'], null], [[], null]]);
    expect(room.state.floor.speaker?.participantId).toBe('p5');
  });

  it('with nobody speaking at a table, only ends the breakout', () => {
    const room = tablesRoom(20 * MIN);
    expect(typesOf(room.send(MOD, 'breakout.end'))).toEqual(['breakout.ended']);
  });
});

describe('tables deliberate only during a breakout', () => {
  it.each([
    { type: 'hand.raise', actor: as('p2'), fields: { tableId: 't1' } },
    { type: 'floor.give', actor: MOD, fields: { tableId: 't1', participantId: 'p2' } },
    { type: 'floor.next', actor: as('p1'), fields: { tableId: 't1' } },
    { type: 'round.start', actor: as('p1'), fields: { tableId: 't1', turnMs: MIN } },
    { type: 'round.start', actor: MOD, fields: { tableId: 't2', turnMs: MIN } },
  ] as const)('$type at a table before the breakout → conflict no_breakout', ({ type, actor, fields }) => {
    const room = tablesRoom();
    expect(errorOf(room.send(actor, type, fields))).toEqual({ code: 'conflict', reason: 'no_breakout' });
  });

  it('the same commands are accepted once the breakout runs', () => {
    const room = tablesRoom(10 * MIN);
    room.must(as('p2'), 'hand.raise', { tableId: 't1' });
    room.must(as('p1'), 'floor.next', { tableId: 't1' });
    room.must(MOD, 'round.start', { tableId: 't2', turnMs: MIN });
    expect(room.state.tables.map((t) => t.floor.speaker?.participantId ?? null)).toEqual(['p2', 'p3', null]);
  });
});

describe('broadcast', () => {
  it('sends, replaces and clears the moderator’s message, breakout or not', () => {
    const room = createTestRoom();
    expect(room.must(MOD, 'broadcast', { text: '  Five minutes left ' })).toEqual([{ type: 'broadcast.sent', at: room.now, broadcastId: 'b1', text: 'Five minutes left' }]);
    room.tick(1_000).must(MOD, 'broadcast', { text: 'Back to the plenary' });
    expect(room.state.broadcast).toEqual({ id: 'b2', text: 'Back to the plenary', at: room.now });
    expect(typesOf(room.send(MOD, 'broadcast.clear'))).toEqual(['broadcast.cleared']);
    expect(room.state.broadcast).toBeNull();
    expect(errorOf(room.send(MOD, 'broadcast.clear'))).toEqual({ code: 'conflict', reason: 'no_broadcast' });
  });

  it.each(['broadcast', 'broadcast.clear'] as const)('a participant sending %s → forbidden', (type) => {
    const room = tablesRoom(10 * MIN);
    expect(errorOf(room.send(as('p1'), type, type === 'broadcast' ? { text: 'Hi' } : {}))).toEqual({ code: 'forbidden', reason: 'role' });
  });
});
