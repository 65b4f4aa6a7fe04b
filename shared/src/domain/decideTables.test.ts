import { describe, expect, it } from 'vitest';
import { canSit } from './assignment/index.ts';
import { as, createTablesRoom, createTestRoom, errorOf, MOD, typesOf, type TestRoom } from './testRoom.ts';

const MIN = 60_000;

/** Table ids and sizes, in table order. */
const sizes = (room: TestRoom) => room.state.tables.map((t) => [t.id, t.members.length]);

describe('tables.create', () => {
  it('numbers new tables after the highest number, with counter ids and the given languages', () => {
    const room = createTestRoom();
    expect(room.must(MOD, 'tables.create', { count: 2, languages: ['fr'] })).toEqual([
      { type: 'tables.created', at: room.now, tables: [{ tableId: 't1', name: '', number: 1, languages: ['fr'] }, { tableId: 't2', name: '', number: 2, languages: ['fr'] }] },
    ]);
    room.must(MOD, 'tables.create', { count: 1 });
    expect(room.state.tables.map((t) => [t.id, t.number, t.languages, t.members, t.facilitatorId, t.round])).toEqual([
      ['t1', 1, ['fr'], [], null, null],
      ['t2', 2, ['fr'], [], null, null],
      ['t3', 3, [], [], null, null],
    ]);
  });

  it('starts again at number 1 after the tables were cleared', () => {
    const room = createTestRoom();
    room.must(MOD, 'tables.create', { count: 3 });
    room.must(MOD, 'tables.clear');
    room.must(MOD, 'tables.create', { count: 1 });
    expect(room.state.tables.map((t) => [t.id, t.number])).toEqual([['t4', 1]]);
  });

  it('refuses more than 200 tables in all', () => {
    const room = createTestRoom();
    room.must(MOD, 'tables.create', { count: 200 });
    expect(errorOf(room.send(MOD, 'tables.create', { count: 1 }))).toEqual({ code: 'conflict', reason: 'too_many_tables' });
  });
});

describe('table.update', () => {
  it.each([
    { fields: { name: 'Garden' }, expected: { name: 'Garden', languages: ['nl'] } },
    { fields: { languages: ['fr', 'nl'] }, expected: { name: '', languages: ['fr', 'nl'] } },
    { fields: { name: 'Attic', languages: [] }, expected: { name: 'Attic', languages: [] } },
  ])('$fields', ({ fields, expected }) => {
    const room = createTestRoom();
    room.must(MOD, 'tables.create', { count: 2, languages: ['nl'] });
    room.must(MOD, 'table.update', { tableId: 't1', ...fields });
    expect(room.state.tables[0]).toMatchObject(expected);
    expect(room.state.tables[1]).toMatchObject({ name: '', languages: ['nl'] });
  });

  it.each([
    { fields: { tableId: 't1' }, error: { code: 'invalid', reason: 'no_changes' } },
    { fields: { tableId: 'nowhere', name: 'X' }, error: { code: 'not_found', reason: 'table_not_found' } },
  ])('$fields → $error.reason', ({ fields, error }) => {
    const room = createTestRoom();
    room.must(MOD, 'tables.create', { count: 1 });
    expect(errorOf(room.send(MOD, 'table.update', fields))).toEqual(error);
  });
});

describe('tables.clear', () => {
  it('removes every table and the late-arrival table; people stay in the room', () => {
    const { room, people } = createTablesRoom({ people: 2, seats: [[0], [1]] });
    room.must(MOD, 'room.update', { lateArrivalTableId: 't2' });
    expect(typesOf(room.send(MOD, 'tables.clear'))).toEqual(['tables.cleared']);
    expect(room.state.tables).toEqual([]);
    expect(room.state.settings.lateArrivalTableId).toBeNull();
    expect(Object.keys(room.state.participants)).toEqual(people);
  });

  it.each([
    { setup: 'during a breakout', error: { code: 'conflict', reason: 'breakout_running' } },
    { setup: 'without tables', error: { code: 'conflict', reason: 'no_tables' } },
  ])('$setup → $error.reason, nothing changes', ({ setup, error }) => {
    const room = setup === 'without tables' ? createTestRoom() : createTablesRoom({ people: 1, seats: [[0]], breakoutMs: 10 * MIN }).room;
    const before = room.state;
    expect(errorOf(room.send(MOD, 'tables.clear'))).toEqual(error);
    expect(room.state).toBe(before);
  });
});

describe('tables.assign manual', () => {
  function manualRoom() {
    const room = createTestRoom();
    room.joinMany(4);
    room.must(MOD, 'participant.revoke', { participantId: 'p3' });
    room.must(MOD, 'participant.remove', { participantId: 'p4' });
    room.must(MOD, 'tables.create', { count: 2 });
    return room;
  }

  it('seats exactly as given; tables not named are emptied', () => {
    const room = manualRoom();
    room.must(MOD, 'tables.assign', { mode: 'manual', seats: { t1: ['p1'], t2: ['p2'] } });
    const [event] = room.must(MOD, 'tables.assign', { mode: 'manual', seats: { t2: ['p2', 'p1'] } });
    expect(event).toEqual({ type: 'tables.assigned', at: room.now, mode: 'manual', seats: { t2: ['p2', 'p1'] } });
    expect(room.state.tables.map((t) => t.members)).toEqual([[], ['p2', 'p1']]);
  });

  it.each([
    { seats: { nowhere: ['p1'] }, error: { code: 'not_found', reason: 'table_not_found' } },
    { seats: { t1: ['ghost'] }, error: { code: 'not_found', reason: 'participant_not_found' } },
    { seats: { t1: ['p3'] }, error: { code: 'not_found', reason: 'participant_not_found' } },
    { seats: { t1: ['p4'] }, error: { code: 'not_found', reason: 'participant_not_found' } },
    { seats: { t1: ['p1', 'p1'] }, error: { code: 'invalid', reason: 'seated_twice' } },
    { seats: { t1: ['p1'], t2: ['p2', 'p1'] }, error: { code: 'invalid', reason: 'seated_twice' } },
  ])('$seats → $error.reason, nothing changes', ({ seats, error }) => {
    const room = manualRoom();
    const before = room.state;
    expect(errorOf(room.send(MOD, 'tables.assign', { mode: 'manual', seats }))).toEqual(error);
    expect(room.state).toBe(before);
  });

  it('without tables → conflict no_tables', () => {
    const room = createTestRoom();
    room.join();
    expect(errorOf(room.send(MOD, 'tables.assign', { mode: 'manual', seats: {} }))).toEqual({ code: 'conflict', reason: 'no_tables' });
  });

  it('a facilitator seated elsewhere stops facilitating', () => {
    const { room } = createTablesRoom({ people: 3, seats: [[0, 1], [2]], facilitators: [0, 2] });
    room.must(MOD, 'tables.assign', { mode: 'manual', seats: { t1: ['p2'], t2: ['p3', 'p1'] } });
    expect(room.state.tables.map((t) => t.facilitatorId)).toEqual([null, 'p3']);
  });
});

describe('tables.assign random and balanced', () => {
  /** [languages per person, languages per table]; `-` is no language (any). */
  const ROOMS = [
    { label: '7 people, 3 tables, no languages', people: ['-', '-', '-', '-', '-', '-', '-'], tables: ['-', '-', '-'] },
    { label: '9 people, fr/nl tables', people: ['fr', 'fr', 'fr', 'fr', 'nl', 'nl', 'nl', 'nl', '-'], tables: ['fr', 'nl', 'fr,nl'] },
    { label: '5 people, 2 tables, German speakers', people: ['de', 'de', 'en', 'de,en', '-'], tables: ['de', 'en'] },
  ];
  const MODES = ['random', 'balanced'] as const;
  const cases = ROOMS.flatMap((r) => MODES.map((mode) => ({ ...r, mode })));

  function seatingRoom(people: string[], tables: string[]) {
    const room = createTestRoom();
    const ids = room.joinMany(people.length + 1);
    // The last person is revoked: only active people are seated.
    room.must(MOD, 'participant.revoke', { participantId: ids.at(-1) });
    room.must(MOD, 'participants.profile', {
      updates: people.map((l, i) => ({ participantId: ids[i], languages: l === '-' ? [] : l.split(','), attributes: { gender: i % 2 ? 'f' : 'm' } })),
    });
    for (const l of tables) room.must(MOD, 'tables.create', { count: 1, languages: l === '-' ? [] : l.split(',') });
    return { room, active: ids.slice(0, -1) };
  }

  it.each(cases)('$mode, $label: everyone active seated once, sizes within one, languages respected', ({ mode, people, tables }) => {
    const { room, active } = seatingRoom(people, tables);
    const [event] = room.must(MOD, 'tables.assign', { mode, balanceOn: ['gender'] });
    expect(event).toMatchObject({ type: 'tables.assigned', mode });
    const seated = room.state.tables.flatMap((t) => t.members);
    expect([...seated].sort()).toEqual([...active].sort());
    const counts = room.state.tables.map((t) => t.members.length);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    for (const t of room.state.tables) for (const m of t.members) expect(canSit(room.state.participants[m]!, t), `${m} at ${t.id}`).toBe(true);
  });

  it.each([
    { label: 'nobody at the table speaks their language', people: ['de', 'de', '-'], tables: ['fr', 'nl'], shortfall: '2 people speak only de but there are 0 seats' },
    { label: 'too many for the one table in their language', people: ['fr', 'fr', 'fr', 'fr', '-', '-'], tables: ['fr', 'nl'], shortfall: '4 people speak only fr but there are 3 seats' },
  ])('$label → conflict language_impossible naming the shortfall', ({ people, tables, shortfall }) => {
    const { room } = seatingRoom(people, tables);
    for (const mode of MODES) {
      const decision = room.send(MOD, 'tables.assign', { mode });
      expect(errorOf(decision)).toEqual({ code: 'conflict', reason: 'language_impossible' });
      expect(decision.ok ? '' : decision.error.message).toContain(shortfall);
    }
  });
});

describe('table.seat', () => {
  it.each([
    { from: 't1', to: 't2', sizes: [['t1', 1], ['t2', 2]] },
    { from: 't1', to: null, sizes: [['t1', 1], ['t2', 1]] },
    { from: null, to: 't1', sizes: [['t1', 2], ['t2', 1]] },
  ])('moves a person from $from to $to', ({ from, to, sizes: expected }) => {
    const { room } = createTablesRoom({ people: 3, seats: [[0], [1]] });
    if (from === 't1') room.must(MOD, 'table.seat', { participantId: 'p3', tableId: 't1' });
    room.must(MOD, 'table.seat', { participantId: 'p3', tableId: to });
    expect(sizes(room)).toEqual(expected);
    expect(room.state.tables.filter((t) => t.members.includes('p3')).map((t) => t.id)).toEqual(to === null ? [] : [to]);
  });

  it.each([
    { fields: { participantId: 'p1', tableId: 'nowhere' }, error: { code: 'not_found', reason: 'table_not_found' } },
    { fields: { participantId: 'ghost', tableId: 't1' }, error: { code: 'not_found', reason: 'participant_not_found' } },
    { fields: { participantId: 'p2', tableId: 't1' }, error: { code: 'not_found', reason: 'participant_not_found' } },
  ])('$fields → $error.reason', ({ fields, error }) => {
    const { room } = createTablesRoom({ people: 2, seats: [[0]] });
    room.must(MOD, 'participant.revoke', { participantId: 'p2' });
    expect(errorOf(room.send(MOD, 'table.seat', fields))).toEqual(error);
  });

  it('moving a table speaker ends their turn first (the time is kept) and takes them off that table’s floor', () => {
    const { room } = createTablesRoom({ people: 3, seats: [[0, 1], [2]], breakoutMs: 30 * MIN });
    room.must(MOD, 'floor.give', { tableId: 't1', participantId: 'p1' });
    room.must(as('p2'), 'hand.raise', { tableId: 't1' });
    const events = room.tick(20_000).must(MOD, 'table.seat', { participantId: 'p1', tableId: 't2' });
    expect(events).toEqual([
      { type: 'floor.ended', at: room.now, tableId: 't1', participantId: 'p1', spokenMs: 20_000 },
      { type: 'participant.seated', at: room.now, participantId: 'p1', tableId: 't2' },
    ]);
    expect(room.state.tables[0]!.floor).toMatchObject({ speaker: null, queue: [{ participantId: 'p2' }] });
    expect(room.state.participants.p1).toMatchObject({ spokenMs: 20_000, turns: 1 });
  });
});

describe('table.facilitator', () => {
  it.each([
    { participantId: 'p2', error: null, facilitator: 'p2' },
    { participantId: null, error: null, facilitator: null },
    { participantId: 'p3', error: { code: 'conflict', reason: 'not_member' }, facilitator: 'p1' },
    { participantId: 'ghost', error: { code: 'conflict', reason: 'not_member' }, facilitator: 'p1' },
  ])('set to $participantId → $facilitator', ({ participantId, error, facilitator }) => {
    const { room } = createTablesRoom({ people: 3, seats: [[0, 1], [2]], facilitators: [0, null] });
    const decision = room.send(MOD, 'table.facilitator', { tableId: 't1', participantId });
    if (error) expect(errorOf(decision)).toEqual(error);
    else expect(typesOf(decision)).toEqual(['table.facilitator.set']);
    expect(room.state.tables[0]!.facilitatorId).toBe(facilitator);
  });

  it('unknown table → not_found', () => {
    const { room } = createTablesRoom({ people: 1, seats: [[0]] });
    expect(errorOf(room.send(MOD, 'table.facilitator', { tableId: 'nowhere', participantId: null }))).toEqual({ code: 'not_found', reason: 'table_not_found' });
  });
});

describe('help.request and help.answer', () => {
  it('a member calls, the moderator answers; each only once', () => {
    const { room } = createTablesRoom({ people: 2, seats: [[0, 1]], breakoutMs: 30 * MIN });
    room.tick(5_000).must(as('p2'), 'help.request', { tableId: 't1' });
    expect(room.state.tables[0]!.helpRequestedAt).toBe(room.now);
    expect(errorOf(room.send(as('p1'), 'help.request', { tableId: 't1' }))).toEqual({ code: 'conflict', reason: 'help_already_requested' });
    room.must(MOD, 'help.answer', { tableId: 't1' });
    expect(room.state.tables[0]!.helpRequestedAt).toBeNull();
    expect(errorOf(room.send(MOD, 'help.answer', { tableId: 't1' }))).toEqual({ code: 'conflict', reason: 'no_help_request' });
  });

  it.each([
    { who: 'a member of another table', actor: as('p2'), type: 'help.request', error: { code: 'forbidden', reason: 'not_member' } },
    { who: 'the moderator', actor: MOD, type: 'help.request', error: { code: 'forbidden', reason: 'role' } },
    { who: 'a participant', actor: as('p1'), type: 'help.answer', error: { code: 'forbidden', reason: 'role' } },
  ] as const)('$who sending $type for t1 → $error.reason', ({ actor, type, error }) => {
    const { room } = createTablesRoom({ people: 2, seats: [[0], [1]], breakoutMs: 30 * MIN });
    if (type === 'help.answer') room.must(as('p1'), 'help.request', { tableId: 't1' });
    expect(errorOf(room.send(actor, type, { tableId: 't1' }))).toEqual(error);
  });

  it('answering at an unknown table → not_found', () => {
    const { room } = createTablesRoom({ people: 1, seats: [[0]] });
    expect(errorOf(room.send(MOD, 'help.answer', { tableId: 'nowhere' }))).toEqual({ code: 'not_found', reason: 'table_not_found' });
  });
});

describe('participant.profile and participants.profile', () => {
  it.each([
    { who: 'moderator', actor: MOD, fields: { participantId: 'p1', languages: ['fr'], attributes: { age: '30-44' } }, profile: { languages: ['fr'], attributes: { age: '30-44' } } },
    { who: 'participant, own languages', actor: as('p1'), fields: { participantId: 'p1', languages: ['nl', 'fr'] }, profile: { languages: ['nl', 'fr'], attributes: {} } },
    { who: 'participant, back to any language', actor: as('p1'), fields: { participantId: 'p1', languages: [] }, profile: { languages: [], attributes: {} } },
  ])('$who', ({ actor, fields, profile }) => {
    const room = createTestRoom();
    room.joinMany(2);
    room.must(actor, 'participant.profile', fields);
    expect(room.state.participants.p1).toMatchObject(profile);
    expect(room.state.participants.p2).toMatchObject({ languages: [], attributes: {} });
  });

  it.each([
    { who: 'participant setting own attributes', actor: as('p1'), fields: { participantId: 'p1', attributes: { age: '30-44' } }, error: { code: 'forbidden', reason: 'role' } },
    { who: 'participant profiling someone else', actor: as('p1'), fields: { participantId: 'p2', languages: ['fr'] }, error: { code: 'forbidden', reason: 'not_own' } },
    { who: 'moderator, unknown participant', actor: MOD, fields: { participantId: 'ghost', languages: ['fr'] }, error: { code: 'not_found', reason: 'participant_not_found' } },
  ])('$who → $error.reason', ({ actor, fields, error }) => {
    const room = createTestRoom();
    room.joinMany(2);
    expect(errorOf(room.send(actor, 'participant.profile', fields))).toEqual(error);
  });

  it('a batch profiles everyone named, one event each; one unknown name refuses the whole batch', () => {
    const room = createTestRoom();
    room.joinMany(3);
    const updates = [{ participantId: 'p1', languages: ['de'] }, { participantId: 'p3', attributes: { gender: 'f' } }];
    expect(room.must(MOD, 'participants.profile', { updates }).map((e) => e.type)).toEqual(['participant.profiled', 'participant.profiled']);
    expect(Object.values(room.state.participants).map((p) => [p.languages, p.attributes])).toEqual([[['de'], {}], [[], {}], [[], { gender: 'f' }]]);
    const before = room.state;
    expect(errorOf(room.send(MOD, 'participants.profile', { updates: [...updates, { participantId: 'ghost', languages: [] }] }))).toEqual({ code: 'not_found', reason: 'participant_not_found' });
    expect(room.state).toBe(before);
  });
});
