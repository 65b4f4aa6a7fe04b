import { describe, expect, it } from 'vitest';
import { as, createTablesRoom, errorOf, MOD, typesOf, type TestRoom } from './testRoom.ts';

const MIN = 60_000;
const TURN = MIN;

/**
 * In a 30-minute breakout, `t1` seats p3, p1, p4, p2 in that order (p1 facilitates);
 * `t2` seats p5 (who facilitates it) and p6.
 */
function roundRoom(): TestRoom {
  const { room } = createTablesRoom({ people: 6, seats: [[2, 0, 3, 1], [4, 5]], facilitators: [0, 4], breakoutMs: 30 * MIN });
  return room;
}

const FACILITATOR = as('p1');
const start = (room: TestRoom) => room.must(FACILITATOR, 'round.start', { tableId: 't1', turnMs: TURN });
const t1 = (room: TestRoom) => room.state.tables[0]!;
const speakerAt = (room: TestRoom) => t1(room).floor.speaker?.participantId ?? null;
const clock = (room: TestRoom) => ({ durationMs: TURN, startedAt: room.now, elapsedMs: 0 });
/** Fires the turn deadline as the server would once it is due. */
const timeUp = (room: TestRoom) => room.system({ type: 'round.advance', tableId: 't1', position: t1(room).round!.position });

describe('round.start', () => {
  it('goes round in seating order, starting with the first member, whose clock runs at once', () => {
    const room = roundRoom();
    expect(start(room)).toEqual([
      { type: 'round.started', at: room.now, tableId: 't1', order: ['p3', 'p1', 'p4', 'p2'], turnMs: TURN },
      { type: 'round.advanced', at: room.now, tableId: 't1', from: null, to: 'p3', position: 0, skipped: [], reason: 'start', clock: clock(room) },
    ]);
    expect(t1(room).round).toEqual({ order: ['p3', 'p1', 'p4', 'p2'], position: 0, turnMs: TURN });
    expect(t1(room).floor.speaker).toEqual({ participantId: 'p3', kind: 'speak', clock: clock(room), since: room.now, spokenBeforeResetMs: 0 });
  });

  it('ends the table’s current turn first and takes the first speaker out of the queue', () => {
    const room = roundRoom();
    room.must(as('p3'), 'hand.raise', { tableId: 't1' });
    room.must(as('p4'), 'hand.raise', { tableId: 't1' });
    room.must(FACILITATOR, 'floor.give', { tableId: 't1', participantId: 'p2' });
    const events = room.tick(7_000).must(FACILITATOR, 'round.start', { tableId: 't1', turnMs: TURN });
    expect(events[0]).toEqual({ type: 'floor.ended', at: room.now, tableId: 't1', participantId: 'p2', spokenMs: 7_000 });
    expect(events.map((e) => e.type)).toEqual(['floor.ended', 'round.started', 'round.advanced']);
    expect(speakerAt(room)).toBe('p3');
    expect(t1(room).floor.queue.map((e) => e.participantId)).toEqual(['p4']);
  });

  it.each([
    { setup: 'a round is running', error: { code: 'conflict', reason: 'round_running' } },
    { setup: 'the table is empty', error: { code: 'conflict', reason: 'table_empty' } },
    { setup: 'the table does not exist', error: { code: 'not_found', reason: 'table_not_found' } },
  ])('when $setup → $error.reason', ({ setup, error }) => {
    const room = roundRoom();
    if (setup === 'a round is running') start(room);
    if (setup === 'the table is empty') room.must(MOD, 'tables.create', { count: 1 });
    const tableId = setup === 'the table is empty' ? 't3' : setup === 'the table does not exist' ? 'nowhere' : 't1';
    expect(errorOf(room.send(MOD, 'round.start', { tableId, turnMs: TURN }))).toEqual(error);
  });
});

describe('the round moves on (fake clock)', () => {
  it('time up → the next member gets a full turn; the finished turn is credited', () => {
    const room = roundRoom();
    start(room);
    expect(errorOf(room.tick(TURN - 1).system({ type: 'round.advance', tableId: 't1', position: 0 }))).toEqual({ code: 'conflict', reason: 'not_due' });
    const decision = room.tick(1).system({ type: 'round.advance', tableId: 't1', position: 0 });
    expect(decision).toEqual({
      ok: true,
      events: [
        { type: 'floor.ended', at: room.now, tableId: 't1', participantId: 'p3', spokenMs: TURN },
        { type: 'round.advanced', at: room.now, tableId: 't1', from: 'p3', to: 'p1', position: 1, skipped: [], reason: 'time', clock: clock(room) },
      ],
    });
    expect(speakerAt(room)).toBe('p1');
    expect(room.state.participants.p3).toMatchObject({ spokenMs: TURN, turns: 1 });
  });

  it.each([
    { how: 'the speaker ends early (floor.end)', type: 'floor.end', reason: 'ended_early' },
    { how: 'the facilitator skips (round.skip)', type: 'round.skip', reason: 'skipped' },
  ] as const)('$how → the next member, reason $reason', ({ type, reason }) => {
    const room = roundRoom();
    start(room);
    const events = room.tick(20_000).must(FACILITATOR, type, { tableId: 't1' });
    expect(events).toEqual([
      { type: 'floor.ended', at: room.now, tableId: 't1', participantId: 'p3', spokenMs: 20_000 },
      { type: 'round.advanced', at: room.now, tableId: 't1', from: 'p3', to: 'p1', position: 1, skipped: [], reason, clock: clock(room) },
    ]);
  });

  it('members not connected (ctx.online) are passed over and named in skipped', () => {
    const room = roundRoom();
    room.setOnline(['p1', 'p2', 'p5', 'p6']);
    const [, advanced] = start(room);
    expect(advanced).toMatchObject({ to: 'p1', position: 1, skipped: ['p3'] });
    const decision = room.tick(TURN).system({ type: 'round.advance', tableId: 't1', position: 1 });
    expect(decision.ok && decision.events.at(-1)).toMatchObject({ type: 'round.advanced', from: 'p1', to: 'p2', position: 3, skipped: ['p4'], reason: 'time' });
  });

  it('members who left the table or were removed are passed over too', () => {
    const room = roundRoom();
    start(room);
    room.must(MOD, 'table.seat', { participantId: 'p1', tableId: 't2' });
    room.must(MOD, 'participant.remove', { participantId: 'p4' });
    const events = room.must(MOD, 'round.skip', { tableId: 't1' });
    expect(events.at(-1)).toMatchObject({ type: 'round.advanced', to: 'p2', position: 3, skipped: ['p1', 'p4'] });
  });

  it('past the last member the round ends and nobody has the floor', () => {
    const room = roundRoom();
    start(room);
    for (const position of [0, 1, 2]) expect(typesOf(room.tick(TURN).system({ type: 'round.advance', tableId: 't1', position }))).toEqual(['floor.ended', 'round.advanced']);
    expect(speakerAt(room)).toBe('p2');
    expect(room.tick(10_000).must(FACILITATOR, 'floor.end', { tableId: 't1' })).toEqual([
      { type: 'floor.ended', at: room.now, tableId: 't1', participantId: 'p2', spokenMs: 10_000 },
      { type: 'round.advanced', at: room.now, tableId: 't1', from: 'p2', to: null, position: 4, skipped: [], reason: 'ended_early', clock: null },
    ]);
    expect(t1(room).round).toBeNull();
    expect(t1(room).floor.speaker).toBeNull();
    expect(Object.values(room.state.participants).slice(0, 4).map((p) => p.turns)).toEqual([1, 1, 1, 1]);
  });

  it('when nobody is present the round ends as it starts, naming everyone skipped', () => {
    const room = roundRoom();
    room.setOnline([]);
    expect(start(room).at(-1)).toMatchObject({ type: 'round.advanced', to: null, position: 4, skipped: ['p3', 'p1', 'p4', 'p2'], clock: null });
    expect(t1(room).round).toBeNull();
  });

  it('round.stop ends the current turn and the round', () => {
    const room = roundRoom();
    start(room);
    expect(room.tick(5_000).must(FACILITATOR, 'round.stop', { tableId: 't1' })).toEqual([
      { type: 'floor.ended', at: room.now, tableId: 't1', participantId: 'p3', spokenMs: 5_000 },
      { type: 'round.stopped', at: room.now, tableId: 't1' },
    ]);
    expect([t1(room).round, t1(room).floor.speaker]).toEqual([null, null]);
  });

  it.each(['round.skip', 'round.stop'] as const)('%s without a round → conflict no_round', (type) => {
    const room = roundRoom();
    expect(errorOf(room.send(FACILITATOR, type, { tableId: 't1' }))).toEqual({ code: 'conflict', reason: 'no_round' });
  });

  it('a stale deadline (a turn that already moved on) is not due', () => {
    const room = roundRoom();
    start(room);
    room.tick(TURN);
    expect(timeUp(room).ok).toBe(true);
    expect(errorOf(room.system({ type: 'round.advance', tableId: 't1', position: 0 }))).toEqual({ code: 'conflict', reason: 'not_due' });
    expect(speakerAt(room)).toBe('p1');
  });
});

describe('who runs a go-round', () => {
  it.each([
    { who: 'the facilitator of t1', actor: as('p1'), tableId: 't1', error: null },
    { who: 'a moderator', actor: MOD, tableId: 't1', error: null },
    { who: 'the facilitator of t1, at t2', actor: as('p1'), tableId: 't2', error: { code: 'forbidden', reason: 'not_facilitator' } },
    { who: 'a member of t1 who does not facilitate', actor: as('p3'), tableId: 't1', error: { code: 'forbidden', reason: 'not_facilitator' } },
    { who: 'the facilitator of t2 (a panelist of another table)', actor: as('p5'), tableId: 't1', error: { code: 'forbidden', reason: 'not_facilitator' } },
    { who: 'the display', actor: { role: 'display' as const }, tableId: 't1', error: { code: 'forbidden', reason: 'role' } },
  ])('$who → $error.reason', ({ actor, tableId, error }) => {
    for (const type of ['round.start', 'round.skip', 'round.stop'] as const) {
      const room = roundRoom();
      if (type !== 'round.start') room.must(MOD, 'round.start', { tableId, turnMs: TURN });
      const decision = room.send(actor, type, { tableId, ...(type === 'round.start' && { turnMs: TURN }) });
      if (error) expect(errorOf(decision), type).toEqual(error);
      else expect(decision.ok, type).toBe(true);
    }
  });

  it('a facilitator moved to another table no longer runs the first', () => {
    const room = roundRoom();
    room.must(MOD, 'table.seat', { participantId: 'p1', tableId: 't2' });
    expect(t1(room).facilitatorId).toBeNull();
    expect(errorOf(room.send(FACILITATOR, 'round.start', { tableId: 't1', turnMs: TURN }))).toEqual({ code: 'forbidden', reason: 'not_facilitator' });
  });
});

describe('a go-round whose speaker leaves the table', () => {
  it('hands on to the next member when the speaker is moved to another table', () => {
    const room = roundRoom();
    start(room);
    const events = room.tick(5_000).must(MOD, 'table.seat', { participantId: 'p3', tableId: 't2' });
    expect(events.map((e) => e.type)).toEqual(['floor.ended', 'participant.seated', 'round.advanced']);
    expect(events[2]).toMatchObject({ tableId: 't1', from: null, to: 'p1', position: 1, reason: 'skipped' });
    expect(speakerAt(room)).toBe('p1');
  });

  it('hands on when the speaker is removed from the room', () => {
    const room = roundRoom();
    start(room);
    const events = room.tick(5_000).must(MOD, 'participant.remove', { participantId: 'p3' });
    expect(events.map((e) => e.type)).toEqual(['floor.ended', 'participant.removed', 'round.advanced']);
    expect(speakerAt(room)).toBe('p1');
  });

  it('seating someone else leaves every other table’s turn alone', () => {
    const room = roundRoom();
    start(room);
    room.must(as('p5'), 'floor.give', { tableId: 't2', participantId: 'p6' });
    const events = room.must(MOD, 'table.seat', { participantId: 'p4', tableId: 't2' });
    expect(events.map((e) => e.type)).toEqual(['participant.seated']);
    expect(speakerAt(room)).toBe('p3');
    expect(room.state.tables[1]!.floor.speaker?.participantId).toBe('p6');
  });
});
