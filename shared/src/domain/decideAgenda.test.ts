import { describe, expect, it } from 'vitest';
import { LIMITS } from '../protocol.ts';
import { createTestRoom, errorOf, MOD, typesOf, type TestRoom } from './testRoom.ts';

const MIN = 60_000;

/** A room with items titled `titles`, in order; returns their ids. */
function agendaRoom(titles: string[] = ['One', 'Two', 'Three']): { room: TestRoom; ids: string[] } {
  const room = createTestRoom();
  const ids = titles.map((title) => {
    const [event] = room.must(MOD, 'agenda.add', { title, plannedMs: 10 * MIN });
    if (event?.type !== 'agenda.added') throw new Error('no agenda.added');
    return event.itemId;
  });
  return { room, ids };
}

const titles = (room: TestRoom) => room.state.agenda.items.map((i) => i.title);
const statuses = (room: TestRoom) => room.state.agenda.items.map((i) => i.status);

describe('agenda.add', () => {
  it('adds a pending item at the end with a fresh id and the schema default speakingMs', () => {
    const { room, ids } = agendaRoom(['One']);
    const events = room.tick(1_000).must(MOD, 'agenda.add', { title: 'Two', plannedMs: 5 * MIN });
    expect(events).toEqual([{ type: 'agenda.added', at: room.now, itemId: expect.any(String), title: 'Two', plannedMs: 5 * MIN, speakingMs: null }]);
    const [, item] = room.state.agenda.items;
    expect(item).toEqual({ id: (events[0] as { itemId: string }).itemId, title: 'Two', plannedMs: 5 * MIN, speakingMs: null, status: 'pending', startedAt: null, endedAt: null });
    expect(item?.id).not.toBe(ids[0]);
  });

  it(`refuses item ${LIMITS.MAX_AGENDA_ITEMS + 1} → conflict agenda_full`, () => {
    const { room } = agendaRoom(Array.from({ length: LIMITS.MAX_AGENDA_ITEMS }, (_, i) => `Item ${i}`));
    expect(errorOf(room.send(MOD, 'agenda.add', { title: 'One too many', plannedMs: 0 }))).toEqual({ code: 'conflict', reason: 'agenda_full' });
  });
});

describe('agenda.update', () => {
  it.each([
    { fields: { title: 'Renamed' }, expected: { title: 'Renamed', plannedMs: 10 * MIN, speakingMs: null } },
    { fields: { plannedMs: 0 }, expected: { title: 'Two', plannedMs: 0, speakingMs: null } },
    { fields: { speakingMs: 30_000 }, expected: { title: 'Two', plannedMs: 10 * MIN, speakingMs: 30_000 } },
    { fields: { title: 'X', plannedMs: MIN, speakingMs: 90_000 }, expected: { title: 'X', plannedMs: MIN, speakingMs: 90_000 } },
  ])('changes only the given fields: $fields', ({ fields, expected }) => {
    const { room, ids } = agendaRoom();
    room.must(MOD, 'agenda.update', { itemId: ids[1], ...fields });
    expect(room.state.agenda.items[1]).toMatchObject(expected);
    expect(titles(room).filter((_, i) => i !== 1)).toEqual(['One', 'Three']);
  });

  it('can clear an item’s own speaking time with null', () => {
    const { room, ids } = agendaRoom();
    room.must(MOD, 'agenda.update', { itemId: ids[0], speakingMs: 30_000 });
    room.must(MOD, 'agenda.update', { itemId: ids[0], speakingMs: null });
    expect(room.state.agenda.items[0]?.speakingMs).toBeNull();
  });

  it.each([
    { fields: { itemId: 'nope', title: 'X' }, error: { code: 'not_found', reason: 'agenda_item_not_found' } },
    { fields: { itemId: 'FIRST' }, error: { code: 'invalid', reason: 'no_changes' } },
  ])('rejects $error.reason', ({ fields, error }) => {
    const { room, ids } = agendaRoom();
    expect(errorOf(room.send(MOD, 'agenda.update', { ...fields, itemId: fields.itemId === 'FIRST' ? ids[0] : fields.itemId }))).toEqual(error);
  });
});

describe('agenda.remove', () => {
  it('removes a pending or finished item', () => {
    const { room, ids } = agendaRoom();
    room.must(MOD, 'agenda.start', { itemId: ids[0] });
    room.must(MOD, 'agenda.finish');
    room.must(MOD, 'agenda.remove', { itemId: ids[0] });
    room.must(MOD, 'agenda.remove', { itemId: ids[2] });
    expect(titles(room)).toEqual(['Two']);
  });

  it.each([
    { target: 'active', error: { code: 'conflict', reason: 'agenda_item_active' } },
    { target: 'unknown', error: { code: 'not_found', reason: 'agenda_item_not_found' } },
  ])('rejects removing the $target item', ({ target, error }) => {
    const { room, ids } = agendaRoom();
    room.must(MOD, 'agenda.start', { itemId: ids[1] });
    expect(errorOf(room.send(MOD, 'agenda.remove', { itemId: target === 'active' ? ids[1] : 'nope' }))).toEqual(error);
    expect(titles(room)).toEqual(['One', 'Two', 'Three']);
  });
});

describe('agenda.move', () => {
  it.each([
    { from: 0, to: 2, order: ['Two', 'Three', 'One'], index: 2 },
    { from: 2, to: 0, order: ['Three', 'One', 'Two'], index: 0 },
    { from: 0, to: 1, order: ['Two', 'One', 'Three'], index: 1 },
    { from: 1, to: 500, order: ['One', 'Three', 'Two'], index: 2 },
  ])('item $from to $to → $order', ({ from, to, order, index }) => {
    const { room, ids } = agendaRoom();
    expect(room.must(MOD, 'agenda.move', { itemId: ids[from], index: to })).toMatchObject([{ type: 'agenda.moved', index }]);
    expect(titles(room)).toEqual(order);
  });

  it('unknown item → not_found', () => {
    const { room } = agendaRoom();
    expect(errorOf(room.send(MOD, 'agenda.move', { itemId: 'nope', index: 0 }))).toMatchObject({ code: 'not_found' });
  });
});

describe('agenda.start and agenda.finish', () => {
  it('starts an item when none runs', () => {
    const { room, ids } = agendaRoom();
    expect(typesOf(room.tick(1_000).send(MOD, 'agenda.start', { itemId: ids[1] }))).toEqual(['agenda.started']);
    expect(room.state.agenda.activeId).toBe(ids[1]);
    expect(room.state.agenda.items[1]).toMatchObject({ status: 'active', startedAt: room.now, endedAt: null });
    expect(statuses(room)).toEqual(['pending', 'active', 'pending']);
  });

  it('starting another item finishes the running one first', () => {
    const { room, ids } = agendaRoom();
    room.must(MOD, 'agenda.start', { itemId: ids[0] });
    const events = room.tick(5 * MIN).must(MOD, 'agenda.start', { itemId: ids[2] });
    expect(events).toEqual([
      { type: 'agenda.finished', at: room.now, itemId: ids[0] },
      { type: 'agenda.started', at: room.now, itemId: ids[2] },
    ]);
    expect(statuses(room)).toEqual(['done', 'pending', 'active']);
    expect(room.state.agenda.items[0]).toMatchObject({ endedAt: room.now });
    expect(room.state.agenda.activeId).toBe(ids[2]);
  });

  it('finish ends the running item', () => {
    const { room, ids } = agendaRoom();
    room.must(MOD, 'agenda.start', { itemId: ids[0] });
    expect(room.tick(MIN).must(MOD, 'agenda.finish')).toEqual([{ type: 'agenda.finished', at: room.now, itemId: ids[0] }]);
    expect(room.state.agenda.activeId).toBeNull();
    expect(room.state.agenda.items[0]).toMatchObject({ status: 'done', endedAt: room.now });
  });

  it('a finished item can be started again', () => {
    const { room, ids } = agendaRoom();
    room.must(MOD, 'agenda.start', { itemId: ids[0] });
    room.tick(MIN).must(MOD, 'agenda.start', { itemId: ids[1] });
    room.tick(MIN).must(MOD, 'agenda.start', { itemId: ids[0] });
    expect(statuses(room)).toEqual(['active', 'done', 'pending']);
    expect(room.state.agenda.items[0]?.endedAt).toBeNull();
  });

  it.each([
    { cmd: 'agenda.start', setup: 'running', error: { code: 'conflict', reason: 'agenda_item_active' } },
    { cmd: 'agenda.start', setup: 'unknown', error: { code: 'not_found', reason: 'agenda_item_not_found' } },
    { cmd: 'agenda.finish', setup: 'none', error: { code: 'conflict', reason: 'no_active_item' } },
  ] as const)('$cmd with $setup item → $error.reason', ({ cmd, setup, error }) => {
    const { room, ids } = agendaRoom();
    if (setup === 'running') room.must(MOD, 'agenda.start', { itemId: ids[0] });
    expect(errorOf(room.send(MOD, cmd, cmd === 'agenda.start' ? { itemId: setup === 'unknown' ? 'nope' : ids[0] } : {}))).toEqual(error);
  });
});
