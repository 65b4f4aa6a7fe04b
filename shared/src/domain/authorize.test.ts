import { describe, expect, it } from 'vitest';
import { COMMAND_TYPES, type CommandType } from '../protocol.ts';
import type { Actor } from './actor.ts';
import { authorize, COMMAND_ROLES } from './authorize.ts';
import { decide } from './decide.ts';
import { as, cmd, createTestRoom, DISPLAY, errorOf, MOD, SAMPLE_FIELDS } from './testRoom.ts';

const P1 = as('p1');
const P2 = as('p2');
const MODERATOR_ONLY: CommandType[] = [
  'floor.next', 'floor.give', 'floor.end', 'queue.move',
  'timer.start', 'timer.pause', 'timer.add', 'timer.reset',
  'agenda.add', 'agenda.update', 'agenda.remove', 'agenda.move', 'agenda.start', 'agenda.finish',
  'participant.remove', 'participant.revoke', 'room.update',
];

/** A room where `p1` and `p2` exist, `p1` is queued, `a1` is an agenda item: every sample command names something real. */
function busyRoom() {
  const room = createTestRoom();
  room.joinMany(2);
  room.raise('p1');
  room.must(MOD, 'agenda.add', { title: 'Item', plannedMs: 60_000 });
  return room;
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
      'hand.raise': 'participant',
      'hand.lower': 'moderator+participant',
      'participant.rename': 'moderator+participant',
    });
  });
});

describe('authorize', () => {
  const cases = COMMAND_TYPES.flatMap((type) =>
    (['moderator', 'display', 'participant'] as const).map((role) => ({ type, role, allowed: COMMAND_ROLES[type].includes(role) })),
  );

  it.each(cases)('$role sending $type → allowed: $allowed', ({ type, role, allowed }) => {
    const actor: Actor = role === 'participant' ? P1 : { role };
    const result = authorize(actor, cmd(type, SAMPLE_FIELDS[type]));
    if (allowed) expect(result).toBeNull();
    else expect(result).toMatchObject({ code: 'forbidden', reason: 'role' });
  });

  it.each([
    { type: 'hand.lower', fields: { participantId: 'p2' } },
    { type: 'participant.rename', fields: { participantId: 'p2', name: 'Mallory' } },
  ] as const)('a participant may not $type someone else', ({ type, fields }) => {
    expect(authorize(P1, cmd(type, fields))).toMatchObject({ code: 'forbidden', reason: 'not_own' });
    expect(authorize(P2, cmd(type, fields))).toBeNull();
    expect(authorize(MOD, cmd(type, fields))).toBeNull();
  });
});

describe('decide enforces roles before looking at the state', () => {
  it.each(MODERATOR_ONLY)('participant sending %s → forbidden, nothing happens', (type) => {
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
    // Turn and timer commands need a speaker, finish a running item; everything else is accepted as sent.
    expect(Object.fromEntries(outcomes)).toEqual({
      ...Object.fromEntries(COMMAND_TYPES.map((t) => [t, true])),
      'floor.end': 'no_speaker',
      'timer.start': 'no_speaker',
      'timer.pause': 'no_speaker',
      'timer.add': 'no_speaker',
      'timer.reset': 'no_speaker',
      'agenda.finish': 'no_active_item',
    });
  });
});
