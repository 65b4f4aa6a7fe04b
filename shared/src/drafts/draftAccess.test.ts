import { describe, expect, it } from 'vitest';
import { as, createTablesRoom, DISPLAY, MOD } from '../domain/testRoom.ts';
import { draftAccess } from './draftAccess.ts';
import type { DraftRef } from './draftNames.ts';

const PLENARY: DraftRef = { kind: 'plenary' };
const table = (tableId: string): DraftRef => ({ kind: 'table', tableId });

/** p1, p2 at t1 (p1 facilitates); p3, p4 at t2 (no facilitator); p5 unseated. */
function hall() {
  const { room, people, tables } = createTablesRoom({ people: 5, seats: [[0, 1], [2, 3]], facilitators: [0, null] });
  return { room, p: people, t: tables };
}

describe('draftAccess', () => {
  it('lets a table’s members write its draft and everyone else in the room read it', () => {
    const { room, p, t } = hall();
    const s = room.state;
    expect(draftAccess(s, as(p[1]!), table(t[0]!))).toBe('write');
    expect(draftAccess(s, as(p[2]!), table(t[0]!))).toBe('read');
    expect(draftAccess(s, as(p[4]!), table(t[0]!))).toBe('read');
    expect(draftAccess(s, DISPLAY, table(t[0]!))).toBe('read');
    expect(draftAccess(s, MOD, table(t[1]!))).toBe('write');
  });

  it('lets moderators and table facilitators write the plenary draft, and no one else', () => {
    const { room, p } = hall();
    const s = room.state;
    expect(draftAccess(s, MOD, PLENARY)).toBe('write');
    expect(draftAccess(s, as(p[0]!), PLENARY)).toBe('write');
    expect(draftAccess(s, as(p[1]!), PLENARY)).toBe('read');
    expect(draftAccess(s, DISPLAY, PLENARY)).toBe('read');
  });

  it('gives a facilitator link its own table and the plenary, and only reading elsewhere', () => {
    const { room, t } = hall();
    const link = { role: 'facilitator' as const, tableId: t[1]! };
    expect(draftAccess(room.state, link, table(t[1]!))).toBe('write');
    expect(draftAccess(room.state, link, PLENARY)).toBe('write');
    expect(draftAccess(room.state, link, table(t[0]!))).toBe('read');
  });

  it('moves write access with the panelist the moment they are seated elsewhere', () => {
    const { room, p, t } = hall();
    expect(draftAccess(room.state, as(p[1]!), table(t[0]!))).toBe('write');
    room.must(MOD, 'table.seat', { participantId: p[1], tableId: t[1] });
    expect(draftAccess(room.state, as(p[1]!), table(t[0]!))).toBe('read');
    expect(draftAccess(room.state, as(p[1]!), table(t[1]!))).toBe('write');
  });

  it('refuses removed and revoked participants, and calls a table that does not exist unknown', () => {
    const { room, p, t } = hall();
    room.must(MOD, 'participant.revoke', { participantId: p[2] });
    expect(draftAccess(room.state, as(p[2]!), table(t[1]!))).toBe('none');
    expect(draftAccess(room.state, as(p[2]!), PLENARY)).toBe('none');
    expect(draftAccess(room.state, as('nobody'), PLENARY)).toBe('none');
    expect(draftAccess(room.state, MOD, table('t99'))).toBe('unknown');
    room.must(MOD, 'tables.clear', {});
    expect(draftAccess(room.state, as(p[0]!), table(t[0]!))).toBe('unknown');
    expect(draftAccess(room.state, as(p[0]!), PLENARY)).toBe('read');
  });
});
