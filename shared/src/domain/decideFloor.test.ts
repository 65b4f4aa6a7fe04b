import { describe, expect, it } from 'vitest';
import { remainingMs } from './clock.ts';
import { DEFAULT_SPEAKING_MS } from './state.ts';
import { as, createTestRoom, errorOf, MOD, typesOf, type TestRoom } from './testRoom.ts';

const MIN = 60_000;

/** Three people; `a` and `b` queued (b with a reply, so b is the head). */
function floorRoom(settings?: Record<string, unknown>): { room: TestRoom; a: string; b: string; c: string } {
  const room = createTestRoom(settings ? { settings } : {});
  const [a = '', b = '', c = ''] = room.joinMany(3);
  room.tick(1_000).raise(a);
  room.tick(1_000).raise(b, 'reply');
  return { room, a, b, c };
}

function speaker(room: TestRoom) {
  const s = room.state.floor.speaker;
  if (!s) throw new Error('nobody has the floor');
  return s;
}

describe('floor.next', () => {
  it('gives the floor to the head of the queue, with its kind and a running clock', () => {
    const { room, a, b } = floorRoom();
    const events = room.tick(5_000).must(MOD, 'floor.next');
    expect(events).toEqual([
      { type: 'floor.given', at: room.now, participantId: b, kind: 'reply', clock: { durationMs: DEFAULT_SPEAKING_MS, startedAt: room.now, elapsedMs: 0 } },
    ]);
    expect(room.queueIds()).toEqual([a]);
    expect(speaker(room)).toMatchObject({ participantId: b, kind: 'reply', since: room.now });
  });

  it('ends the current turn first, crediting the time on the speaker’s clock', () => {
    const { room, a, b } = floorRoom();
    room.must(MOD, 'floor.next');
    room.tick(40_000);
    const events = room.must(MOD, 'floor.next');
    expect(events.map((e) => e.type)).toEqual(['floor.ended', 'floor.given']);
    expect(events[0]).toMatchObject({ participantId: b, spokenMs: 40_000 });
    expect(events[1]).toMatchObject({ participantId: a, kind: 'speak' });
    expect(room.state.participants[b]).toMatchObject({ spokenMs: 40_000, turns: 1 });
    expect(speaker(room).participantId).toBe(a);
    expect(room.queueIds()).toEqual([]);
  });

  it('with an empty queue → conflict queue_empty, even while someone speaks', () => {
    const { room, a, b } = floorRoom();
    room.must(MOD, 'floor.give', { participantId: a });
    room.must(MOD, 'floor.give', { participantId: b });
    expect(errorOf(room.send(MOD, 'floor.next'))).toEqual({ code: 'conflict', reason: 'queue_empty' });
    expect(speaker(room).participantId).toBe(b);
  });
});

describe('floor.give', () => {
  it.each([
    { who: 'c', queued: false, kind: 'speak', queueAfter: ['b', 'a'] },
    { who: 'a', queued: true, kind: 'speak', queueAfter: ['b'] },
    { who: 'b', queued: true, kind: 'reply', queueAfter: ['a'] },
  ])('to $who (queued: $queued) → kind $kind, leaves the queue', ({ who, kind, queueAfter }) => {
    const { room, ...ids } = floorRoom();
    const pid = ids[who as 'a' | 'b' | 'c'];
    expect(room.must(MOD, 'floor.give', { participantId: pid })).toMatchObject([{ type: 'floor.given', participantId: pid, kind }]);
    expect(room.queueIds()).toEqual(queueAfter.map((l) => ids[l as 'a' | 'b']));
  });

  it('works for a revoked participant who is still in the room', () => {
    const { room, a } = floorRoom();
    room.must(MOD, 'participant.revoke', { participantId: a });
    expect(typesOf(room.send(MOD, 'floor.give', { participantId: a }))).toEqual(['floor.given']);
  });

  it.each([
    { target: 'removed', error: { code: 'not_found', reason: 'participant_not_found' } },
    { target: 'unknown', error: { code: 'not_found', reason: 'participant_not_found' } },
    { target: 'speaker', error: { code: 'conflict', reason: 'already_speaking' } },
  ])('to a $target participant → $error.reason', ({ target, error }) => {
    const { room, a, c } = floorRoom();
    room.must(MOD, 'floor.give', { participantId: a });
    if (target === 'removed') room.must(MOD, 'participant.remove', { participantId: c });
    const pid = target === 'removed' ? c : target === 'speaker' ? a : 'ghost';
    expect(errorOf(room.send(MOD, 'floor.give', { participantId: pid }))).toEqual(error);
  });
});

describe('floor.end', () => {
  it('without a speaker → conflict no_speaker', () => {
    const { room } = floorRoom();
    expect(errorOf(room.send(MOD, 'floor.end'))).toEqual({ code: 'conflict', reason: 'no_speaker' });
  });

  it('ends the turn with the clock’s elapsed time, paused time excluded', () => {
    const { room, c } = floorRoom();
    room.must(MOD, 'floor.give', { participantId: c });
    room.tick(10_000).must(MOD, 'timer.pause');
    room.tick(50_000).must(MOD, 'timer.start');
    room.tick(5_000);
    expect(room.must(MOD, 'floor.end')).toEqual([{ type: 'floor.ended', at: room.now, participantId: c, spokenMs: 15_000 }]);
    expect(room.state.floor.speaker).toBeNull();
    expect(room.state.participants[c]).toMatchObject({ spokenMs: 15_000, turns: 1 });
  });

  it('accumulates speaking time over several turns', () => {
    const { room, c } = floorRoom();
    for (const ms of [3_000, 7_000, 11_000]) {
      room.must(MOD, 'floor.give', { participantId: c });
      room.tick(ms).must(MOD, 'floor.end');
    }
    expect(room.state.participants[c]).toMatchObject({ spokenMs: 21_000, turns: 3 });
  });
});

describe('speaking timer', () => {
  it.each([
    { cmd: 'timer.start', reason: 'no_speaker' },
    { cmd: 'timer.pause', reason: 'no_speaker' },
    { cmd: 'timer.reset', reason: 'no_speaker' },
  ] as const)('$cmd without a speaker → conflict $reason', ({ cmd, reason }) => {
    const { room } = floorRoom();
    expect(errorOf(room.send(MOD, cmd))).toEqual({ code: 'conflict', reason });
  });

  it('timer.add without a speaker → conflict no_speaker', () => {
    const { room } = floorRoom();
    expect(errorOf(room.send(MOD, 'timer.add', { ms: 30_000 }))).toEqual({ code: 'conflict', reason: 'no_speaker' });
  });

  it('start while running → timer_running; pause while paused → timer_paused', () => {
    const { room, c } = floorRoom();
    room.must(MOD, 'floor.give', { participantId: c });
    expect(errorOf(room.send(MOD, 'timer.start'))).toEqual({ code: 'conflict', reason: 'timer_running' });
    room.must(MOD, 'timer.pause');
    expect(errorOf(room.send(MOD, 'timer.pause'))).toEqual({ code: 'conflict', reason: 'timer_paused' });
  });

  it('follows a turn: pause banks time, add and remove time, overtime', () => {
    const { room, c } = floorRoom();
    room.must(MOD, 'floor.give', { participantId: c });
    const remaining = () => remainingMs(speaker(room).clock, room.now);
    const steps: Array<[string, () => unknown, number, boolean]> = [
      ['30 s in', () => room.tick(30_000), 2 * MIN - 30_000, true],
      ['pause', () => room.must(MOD, 'timer.pause'), 2 * MIN - 30_000, false],
      ['10 s paused', () => room.tick(10_000), 2 * MIN - 30_000, false],
      ['resume', () => room.must(MOD, 'timer.start'), 2 * MIN - 30_000, true],
      ['5 s more', () => room.tick(5_000), 2 * MIN - 35_000, true],
      ['add a minute', () => room.must(MOD, 'timer.add', { ms: MIN }), 3 * MIN - 35_000, true],
      ['remove 3 minutes', () => room.must(MOD, 'timer.add', { ms: -3 * MIN }), -35_000, true],
      ['overtime grows', () => room.tick(25_000), -60_000, true],
    ];
    for (const [label, act, expected, running] of steps) {
      act();
      expect({ label, remaining: remaining(), running: speaker(room).clock.startedAt !== null }).toEqual({ label, remaining: expected, running });
    }
  });

  it.each([{ paused: false }, { paused: true }])('reset (paused: $paused) zeroes elapsed time and stops the clock', ({ paused }) => {
    const { room, c } = floorRoom();
    room.must(MOD, 'floor.give', { participantId: c });
    room.tick(50_000);
    if (paused) room.must(MOD, 'timer.pause');
    expect(room.must(MOD, 'timer.reset')).toEqual([{ type: 'timer.reset', at: room.now, durationMs: DEFAULT_SPEAKING_MS }]);
    const before = remainingMs(speaker(room).clock, room.now);
    room.tick(9_000);
    expect(speaker(room).clock).toMatchObject({ startedAt: null, elapsedMs: 0 });
    expect(remainingMs(speaker(room).clock, room.now)).toBe(before);
    expect(before).toBe(DEFAULT_SPEAKING_MS);
  });

  it('reset drops +/− adjustments and keeps the time already spoken for the statistics', () => {
    const { room, c } = floorRoom();
    room.must(MOD, 'floor.give', { participantId: c });
    room.tick(40_000).must(MOD, 'timer.add', { ms: 30_000 });
    room.must(MOD, 'timer.reset');
    expect(speaker(room).clock.durationMs).toBe(DEFAULT_SPEAKING_MS);
    room.must(MOD, 'timer.start');
    room.tick(5_000);
    const [ended] = room.must(MOD, 'floor.end');
    expect(ended).toMatchObject({ type: 'floor.ended', participantId: c, spokenMs: 45_000 });
    expect(room.state.participants[c]!.spokenMs).toBe(45_000);
  });

  it('timer events carry what apply needs: the command time and the adjustment', () => {
    const { room, c } = floorRoom();
    room.must(MOD, 'floor.give', { participantId: c });
    expect(room.tick(1_000).must(MOD, 'timer.add', { ms: -20_000 })).toEqual([{ type: 'timer.adjusted', at: room.now, ms: -20_000 }]);
    expect(room.must(MOD, 'timer.pause')).toEqual([{ type: 'timer.paused', at: room.now }]);
    expect(speaker(room).clock).toEqual({ durationMs: DEFAULT_SPEAKING_MS - 20_000, startedAt: null, elapsedMs: 1_000 });
  });
});

describe('turn duration', () => {
  it.each([
    { label: 'room default', defaultMs: null, itemMs: undefined, expected: DEFAULT_SPEAKING_MS },
    { label: 'changed room default', defaultMs: 90_000, itemMs: undefined, expected: 90_000 },
    { label: 'active item without its own time', defaultMs: 90_000, itemMs: null, expected: 90_000 },
    { label: 'active item’s speaking time', defaultMs: 90_000, itemMs: 45_000, expected: 45_000 },
  ])('$label → $expected ms', ({ defaultMs, itemMs, expected }) => {
    const { room } = floorRoom(defaultMs === null ? undefined : { defaultSpeakingMs: defaultMs });
    if (itemMs !== undefined) {
      room.must(MOD, 'agenda.add', { title: 'Other', plannedMs: MIN, speakingMs: 20_000 });
      const [added] = room.must(MOD, 'agenda.add', { title: 'Item', plannedMs: MIN, speakingMs: itemMs });
      if (added?.type !== 'agenda.added') throw new Error('no item');
      room.must(MOD, 'agenda.start', { itemId: added.itemId });
    }
    room.must(MOD, 'floor.next');
    expect(speaker(room).clock.durationMs).toBe(expected);
  });

  it('a finished item no longer sets the duration', () => {
    const { room } = floorRoom();
    const [added] = room.must(MOD, 'agenda.add', { title: 'Item', plannedMs: MIN, speakingMs: 30_000 });
    if (added?.type !== 'agenda.added') throw new Error('no item');
    room.must(MOD, 'agenda.start', { itemId: added.itemId });
    room.must(MOD, 'agenda.finish');
    room.must(MOD, 'floor.next');
    expect(speaker(room).clock.durationMs).toBe(DEFAULT_SPEAKING_MS);
  });
});

describe('participants on the floor', () => {
  it('a participant may not end their own turn or call the next speaker', () => {
    const { room, b } = floorRoom();
    room.must(MOD, 'floor.next');
    expect(errorOf(room.send(as(b), 'floor.end'))).toMatchObject({ code: 'forbidden' });
    expect(errorOf(room.send(as(b), 'floor.next'))).toMatchObject({ code: 'forbidden' });
    expect(speaker(room).participantId).toBe(b);
  });
});
