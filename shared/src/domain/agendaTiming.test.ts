import { describe, expect, it } from 'vitest';
import { agendaTiming } from './agendaTiming.ts';
import { createTestRoom, MOD, type TestRoom } from './testRoom.ts';

const MIN = 60_000;

/** Items with the given planned minutes; returns the room and the item ids. */
function planned(minutes: number[]): { room: TestRoom; ids: string[] } {
  const room = createTestRoom();
  const ids = minutes.map((m, i) => {
    const [event] = room.must(MOD, 'agenda.add', { title: `Item ${i + 1}`, plannedMs: m * MIN });
    if (event?.type !== 'agenda.added') throw new Error('no agenda.added');
    return event.itemId;
  });
  return { room, ids };
}

/** Runs items in order for the given minutes each, leaving the last one running if `finishLast` is false. */
function run(room: TestRoom, ids: string[], minutes: number[], finishLast: boolean): void {
  minutes.forEach((m, i) => {
    room.must(MOD, 'agenda.start', { itemId: ids[i] });
    room.tick(m * MIN);
  });
  if (finishLast) room.must(MOD, 'agenda.finish');
}

describe('agendaTiming', () => {
  it('an empty agenda: nothing planned, nothing running', () => {
    expect(agendaTiming(createTestRoom().state, 0)).toEqual({ activeElapsedMs: null, activeOverMs: null, sessionOverMs: 0, plannedTotalMs: 0 });
  });

  it.each([
    { label: 'nothing started', plan: [10, 20], spent: [], finishLast: false, expected: { activeElapsedMs: null, activeOverMs: null, sessionOverMs: 0, plannedTotalMs: 30 * MIN } },
    { label: 'active item within its plan does not count as under', plan: [10, 20], spent: [4], finishLast: false, expected: { activeElapsedMs: 4 * MIN, activeOverMs: -6 * MIN, sessionOverMs: 0, plannedTotalMs: 30 * MIN } },
    { label: 'active item over its plan', plan: [10, 20], spent: [13], finishLast: false, expected: { activeElapsedMs: 13 * MIN, activeOverMs: 3 * MIN, sessionOverMs: 3 * MIN, plannedTotalMs: 30 * MIN } },
    { label: 'finished item under plan counts as under', plan: [10, 20], spent: [7], finishLast: true, expected: { activeElapsedMs: null, activeOverMs: null, sessionOverMs: -3 * MIN, plannedTotalMs: 30 * MIN } },
    { label: 'finished over and under add up', plan: [10, 20, 5], spent: [12, 15], finishLast: true, expected: { activeElapsedMs: null, activeOverMs: null, sessionOverMs: -3 * MIN, plannedTotalMs: 35 * MIN } },
    { label: 'finished under, active over', plan: [10, 5], spent: [8, 9], finishLast: false, expected: { activeElapsedMs: 9 * MIN, activeOverMs: 4 * MIN, sessionOverMs: 2 * MIN, plannedTotalMs: 15 * MIN } },
    { label: 'finished over, active under', plan: [10, 5], spent: [11, 1], finishLast: false, expected: { activeElapsedMs: 1 * MIN, activeOverMs: -4 * MIN, sessionOverMs: 1 * MIN, plannedTotalMs: 15 * MIN } },
  ])('$label', ({ plan, spent, finishLast, expected }) => {
    const { room, ids } = planned(plan);
    run(room, ids, spent, finishLast);
    expect(agendaTiming(room.state, room.now)).toEqual(expected);
  });

  it('is computed from timestamps: the active item keeps running with `now`', () => {
    const { room, ids } = planned([10]);
    run(room, ids, [2], false);
    expect(agendaTiming(room.state, room.now + 10 * MIN)).toMatchObject({ activeElapsedMs: 12 * MIN, activeOverMs: 2 * MIN, sessionOverMs: 2 * MIN });
  });

  it('a finished item’s time stops at its end', () => {
    const { room, ids } = planned([10]);
    run(room, ids, [4], true);
    expect(agendaTiming(room.state, room.now + 60 * MIN).sessionOverMs).toBe(-6 * MIN);
  });

  it('removed items leave the plan', () => {
    const { room, ids } = planned([10, 20]);
    room.must(MOD, 'agenda.remove', { itemId: ids[1] });
    expect(agendaTiming(room.state, room.now).plannedTotalMs).toBe(10 * MIN);
  });
});
