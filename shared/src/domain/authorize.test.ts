import { describe, expect, it } from 'vitest';
import { COMMAND_TYPES, type CommandType } from '../protocol.ts';
import type { Actor } from './actor.ts';
import { authorize, COMMAND_PERMISSIONS, COMMAND_ROLES } from './authorize.ts';
import { decide } from './decide.ts';
import { as, cmd, createTablesRoom, createTestRoom, DISPLAY, errorOf, MOD, SAMPLE_FIELDS } from './testRoom.ts';
import { emptyState } from './state.ts';

/** Authorization of plenary commands needs no tables. */
const NO_TABLES = emptyState('r1');

const P1 = as('p1');
const P2 = as('p2');
const P3 = as('p3');
const MODERATOR_ONLY: CommandType[] = [
  'agenda.add', 'agenda.update', 'agenda.remove', 'agenda.move', 'agenda.start', 'agenda.finish',
  'participant.remove', 'participant.revoke', 'room.update', 'participants.profile',
  'tables.create', 'table.update', 'tables.clear', 'tables.assign', 'table.seat', 'table.facilitator',
  'breakout.start', 'breakout.extend', 'breakout.pause', 'breakout.resume', 'breakout.end',
  'broadcast', 'broadcast.clear', 'help.answer', 'projector.show',
];
/** Moderators anywhere; a participant only at the table they facilitate. */
const FACILITATOR: CommandType[] = [
  'floor.next', 'floor.give', 'floor.end', 'queue.move',
  'timer.start', 'timer.pause', 'timer.add', 'timer.reset',
  'round.start', 'round.skip', 'round.stop',
];
const PARTICIPANT_ONLY: CommandType[] = ['hand.raise', 'help.request'];
/** Moderators for anyone, a participant for themself (`hand.lower` also a facilitator for their table). */
const SELF: CommandType[] = ['hand.lower', 'participant.rename', 'participant.profile'];

/** `t1`: p1 (facilitator) and p2; `t2`: p3. No breakout: authorization does not depend on one. */
const seated = () => createTablesRoom({ people: 3, seats: [[0, 1], [2]], facilitators: [0, null] }).room.state;

/** Sample fields as p1 sends them at t1, the table they facilitate. */
function atOwnTable(type: CommandType): Record<string, unknown> {
  return FACILITATOR.includes(type) || type === 'hand.raise' || type === 'hand.lower' ? { ...SAMPLE_FIELDS[type], tableId: 't1' } : SAMPLE_FIELDS[type];
}

describe('COMMAND_ROLES', () => {
  it('covers every command type and nothing else', () => {
    expect(Object.keys(COMMAND_ROLES).sort()).toEqual([...COMMAND_TYPES].sort());
  });

  it('gives the display no command at all', () => {
    expect(COMMAND_TYPES.filter((t) => COMMAND_ROLES[t].includes('display'))).toEqual([]);
  });

  it('matches the product rules: who may send what', () => {
    const table = Object.fromEntries(COMMAND_TYPES.map((t) => [t, [...COMMAND_ROLES[t]].sort().join('+')]));
    expect(table).toEqual({
      ...Object.fromEntries(MODERATOR_ONLY.map((t) => [t, 'moderator'])),
      ...Object.fromEntries(PARTICIPANT_ONLY.map((t) => [t, 'participant'])),
      ...Object.fromEntries(SELF.map((t) => [t, 'moderator+participant'])),
      ...Object.fromEntries(FACILITATOR.map((t) => [t, 'facilitator+moderator+participant'])),
      'hand.lower': 'facilitator+moderator+participant',
      'help.request': 'facilitator+participant',
    });
  });

  it('matches the product rules: on whose behalf and where', () => {
    expect(COMMAND_PERMISSIONS).toEqual({
      ...Object.fromEntries(MODERATOR_ONLY.map((t) => [t, 'moderator'])),
      ...Object.fromEntries(PARTICIPANT_ONLY.map((t) => [t, 'participant'])),
      ...Object.fromEntries(FACILITATOR.map((t) => [t, 'facilitator'])),
      'hand.lower': 'self_or_facilitator',
      'participant.rename': 'self',
      'participant.profile': 'self',
    });
  });
});

describe('authorize', () => {
  const state = seated();

  it.each(COMMAND_TYPES.filter((t) => !PARTICIPANT_ONLY.includes(t)))('moderator sending %s → allowed, at any table', (type) => {
    expect(authorize(MOD, cmd(type, SAMPLE_FIELDS[type]), NO_TABLES)).toBeNull();
    expect(authorize(MOD, cmd(type, atOwnTable(type)), state)).toBeNull();
  });

  it.each(COMMAND_TYPES)('display sending %s → forbidden role', (type) => {
    expect(authorize(DISPLAY, cmd(type, SAMPLE_FIELDS[type]), state)).toMatchObject({ code: 'forbidden', reason: 'role' });
  });

  it.each([...MODERATOR_ONLY])('participant sending %s → forbidden role, even as a facilitator', (type) => {
    expect(authorize(P1, cmd(type, SAMPLE_FIELDS[type]), state)).toMatchObject({ code: 'forbidden', reason: 'role' });
  });

  it.each(PARTICIPANT_ONLY)('moderator sending %s → forbidden role', (type) => {
    expect(authorize(MOD, cmd(type, SAMPLE_FIELDS[type]), state)).toMatchObject({ code: 'forbidden', reason: 'role' });
  });

  it.each([...FACILITATOR, ...PARTICIPANT_ONLY, ...SELF])('p1 sending %s at t1, the table they facilitate → allowed', (type) => {
    expect(authorize(P1, cmd(type, atOwnTable(type)), state)).toBeNull();
  });

  it.each(FACILITATOR)('%s: the plenary is the moderators’, another table its facilitator’s', (type) => {
    const plenary = { ...SAMPLE_FIELDS[type] };
    delete plenary.tableId;
    if (!type.startsWith('round.')) expect(authorize(P1, cmd(type, plenary), state)).toMatchObject({ code: 'forbidden', reason: 'role' });
    expect(authorize(P1, cmd(type, { ...SAMPLE_FIELDS[type], tableId: 't2' }), state)).toMatchObject({ code: 'forbidden', reason: 'not_facilitator' });
    expect(authorize(P1, cmd(type, { ...SAMPLE_FIELDS[type], tableId: 'nowhere' }), state)).toMatchObject({ code: 'forbidden', reason: 'not_facilitator' });
    expect(authorize(P2, cmd(type, atOwnTable(type)), state)).toMatchObject({ code: 'forbidden', reason: 'not_facilitator' });
  });

  it.each([
    { who: 'p1 (facilitator)', actor: P1, type: 'hand.lower', fields: { tableId: 't1', participantId: 'p2' }, reason: null },
    { who: 'p1 (facilitator)', actor: P1, type: 'hand.lower', fields: { tableId: 't2', participantId: 'p3' }, reason: 'not_own' },
    { who: 'p1 (facilitator)', actor: P1, type: 'hand.lower', fields: { participantId: 'p2' }, reason: 'not_own' },
    { who: 'p1 (facilitator)', actor: P1, type: 'floor.give', fields: { tableId: 't1', participantId: 'p3' }, reason: 'not_facilitator' },
    { who: 'p1 (facilitator)', actor: P1, type: 'queue.move', fields: { tableId: 't1', participantId: 'p3', index: 0 }, reason: 'not_facilitator' },
    { who: 'p2 (member)', actor: P2, type: 'hand.lower', fields: { tableId: 't1', participantId: 'p1' }, reason: 'not_own' },
    { who: 'p2 (member)', actor: P2, type: 'hand.lower', fields: { tableId: 't1' }, reason: null },
    { who: 'p2 (member)', actor: P2, type: 'hand.raise', fields: { tableId: 't1' }, reason: null },
    { who: 'p2 (member)', actor: P2, type: 'hand.raise', fields: { tableId: 't2' }, reason: 'not_member' },
    { who: 'p2 (member)', actor: P2, type: 'help.request', fields: { tableId: 't1' }, reason: null },
    { who: 'p3 (other table)', actor: P3, type: 'help.request', fields: { tableId: 't1' }, reason: 'not_member' },
    { who: 'p3 (other table)', actor: P3, type: 'hand.lower', fields: { tableId: 't1' }, reason: 'not_member' },
    { who: 'p2 (member)', actor: P2, type: 'participant.profile', fields: { participantId: 'p2', languages: ['fr'] }, reason: null },
    { who: 'p2 (member)', actor: P2, type: 'participant.profile', fields: { participantId: 'p2', attributes: { age: '30-44' } }, reason: 'role' },
    { who: 'p2 (member)', actor: P2, type: 'participant.profile', fields: { participantId: 'p1', languages: ['fr'] }, reason: 'not_own' },
    { who: 'p2 (member)', actor: P2, type: 'participant.rename', fields: { participantId: 'p1', name: 'Mallory' }, reason: 'not_own' },
  ] as const)('$who sending $type $fields → $reason', ({ actor, type, fields, reason }) => {
    const result = authorize(actor, cmd(type, fields), state);
    if (reason === null) expect(result).toBeNull();
    else expect(result).toMatchObject({ code: 'forbidden', reason });
  });
});

/** `p1` and `p2` sit at `t1` (no facilitator, no breakout), `p1` is queued at the plenary, `a1` is an agenda item. */
function busyRoom() {
  const room = createTestRoom();
  room.joinMany(2);
  room.raise('p1');
  room.must(MOD, 'agenda.add', { title: 'Item', plannedMs: 60_000 });
  room.must(MOD, 'tables.create', { count: 2 });
  room.must(MOD, 'tables.assign', { mode: 'manual', seats: { t1: ['p1', 'p2'] } });
  return room;
}

describe('decide enforces roles before looking at the state', () => {
  it.each([...MODERATOR_ONLY, ...FACILITATOR])('participant sending %s (sample fields) → forbidden, nothing happens', (type) => {
    const room = busyRoom();
    const before = room.state;
    expect(errorOf(decide(room.state, cmd(type, SAMPLE_FIELDS[type]), P2, room.ctx()))).toMatchObject({ code: 'forbidden' });
    expect(room.state).toBe(before);
  });

  it.each(COMMAND_TYPES)('display sending %s → forbidden', (type) => {
    const room = busyRoom();
    expect(errorOf(decide(room.state, cmd(type, SAMPLE_FIELDS[type]), DISPLAY, room.ctx()))).toMatchObject({ code: 'forbidden' });
  });

  it.each(['point', 'reply', 'speak'])('a moderator raising a hand (%s) → forbidden', (kind) => {
    const room = busyRoom();
    expect(errorOf(decide(room.state, cmd('hand.raise', { kind }), MOD, room.ctx()))).toMatchObject({ code: 'forbidden' });
  });

  it.each([
    { type: 'hand.lower', fields: { participantId: 'p1' } },
    { type: 'participant.rename', fields: { participantId: 'p1', name: 'Mallory' } },
  ] as const)('p2 sending $type for p1 → forbidden; the moderator may', ({ type, fields }) => {
    const room = busyRoom();
    expect(errorOf(decide(room.state, cmd(type, fields), P2, room.ctx()))).toEqual({ code: 'forbidden', reason: 'not_own' });
    expect(decide(room.state, cmd(type, fields), MOD, room.ctx()).ok).toBe(true);
  });

  it('every sample command is accepted for an allowed role in the busy room', () => {
    const room = busyRoom();
    const outcomes = COMMAND_TYPES.map((type) => {
      const actor: Actor = COMMAND_ROLES[type].includes('moderator') ? MOD : P2;
      const fields = type === 'hand.raise' ? {} : SAMPLE_FIELDS[type];
      const decision = decide(room.state, cmd(type, fields), actor, room.ctx());
      return [type, decision.ok || decision.error.reason] as const;
    });
    // Turn and timer commands need a speaker, finish a running item, breakout controls and
    // go-rounds a breakout, clearing something that is there; everything else is accepted as sent.
    expect(Object.fromEntries(outcomes)).toEqual({
      ...Object.fromEntries(COMMAND_TYPES.map((t) => [t, true])),
      'floor.end': 'no_speaker',
      'timer.start': 'no_speaker',
      'timer.pause': 'no_speaker',
      'timer.add': 'no_speaker',
      'timer.reset': 'no_speaker',
      'agenda.finish': 'no_active_item',
      'breakout.extend': 'no_breakout',
      'breakout.pause': 'no_breakout',
      'breakout.resume': 'no_breakout',
      'breakout.end': 'no_breakout',
      'broadcast.clear': 'no_broadcast',
      'round.start': 'no_breakout',
      'round.skip': 'no_breakout',
      'round.stop': 'no_breakout',
      'help.answer': 'no_help_request',
    });
  });
});

describe('a facilitator link', () => {
  const { room } = createTablesRoom({ people: 4, seats: [[0, 1], [2, 3]], breakoutMs: 600_000 });
  const LINK_T1: Actor = { role: 'facilitator', tableId: 't1' };

  it.each(COMMAND_TYPES.filter((t) => t !== 'help.request' && !['facilitator', 'self_or_facilitator'].includes(COMMAND_PERMISSIONS[t])))('may not send %s', (type) => {
    expect(authorize(LINK_T1, cmd(type, { ...SAMPLE_FIELDS[type], tableId: 't1' }), room.state)).toMatchObject({ code: 'forbidden', reason: 'role' });
  });

  it('runs its own table: next speaker, timer, go-round, lowering a member’s hand', () => {
    for (const [type, fields] of [
      ['floor.next', {}],
      ['timer.add', { ms: 30_000 }],
      ['round.start', { turnMs: 60_000 }],
      ['hand.lower', { participantId: 'p1' }],
      ['floor.give', { participantId: 'p2' }],
    ] as const) {
      expect(authorize(LINK_T1, cmd(type, { ...fields, tableId: 't1' }), room.state)).toBeNull();
    }
  });

  it('may call the moderators for its own table, not for another', () => {
    expect(authorize(LINK_T1, cmd('help.request', { tableId: 't1' }), room.state)).toBeNull();
    expect(authorize(LINK_T1, cmd('help.request', { tableId: 't2' }), room.state)).toMatchObject({ code: 'forbidden', reason: 'not_facilitator' });
  });

  it('is refused at another table, on the plenary floor, and for people of another table', () => {
    expect(authorize(LINK_T1, cmd('floor.next', { tableId: 't2' }), room.state)).toMatchObject({ code: 'forbidden', reason: 'not_facilitator' });
    expect(authorize(LINK_T1, cmd('floor.next', {}), room.state)).toMatchObject({ code: 'forbidden', reason: 'not_facilitator' });
    expect(authorize(LINK_T1, cmd('floor.give', { tableId: 't1', participantId: 'p3' }), room.state)).toMatchObject({ code: 'forbidden', reason: 'not_facilitator' });
    expect(authorize(LINK_T1, cmd('hand.lower', { tableId: 't1' }), room.state)).toMatchObject({ code: 'forbidden' });
  });
});
