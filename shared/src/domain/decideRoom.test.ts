import { describe, expect, it } from 'vitest';
import { apply } from './apply.ts';
import { decideJoin } from './decideRoom.ts';
import { roomCreatedEvent } from './roomCreated.ts';
import { emptyState } from './state.ts';
import { as, createTablesRoom, createTestRoom, errorOf, MOD, T0, typesOf } from './testRoom.ts';

describe('room.created', () => {
  it.each([
    { language: 'fr', secondLanguage: 'nl', stored: 'nl' },
    { language: 'fr', secondLanguage: null, stored: null },
    { language: 'de', secondLanguage: 'de', stored: null },
  ] as const)('$language + $secondLanguage → second language $stored', ({ language, secondLanguage, stored }) => {
    const event = roomCreatedEvent({ roomId: 'r', joinCode: 'ABCDEF', title: 'T', language, secondLanguage }, 42);
    expect(event).toEqual({ type: 'room.created', at: 42, roomId: 'r', joinCode: 'ABCDEF', title: 'T', language, secondLanguage: stored });
    expect(apply(emptyState('r'), event)).toMatchObject({ roomId: 'r', joinCode: 'ABCDEF', title: 'T', language, secondLanguage: stored, createdAt: 42 });
  });
});

describe('decideJoin', () => {
  it('adds an active participant with a fresh id and their token hash', () => {
    const room = createTestRoom();
    const decision = decideJoin(room.state, { name: 'Ana', language: 'nl', tokenHash: 'h1' }, room.ctx());
    expect(decision).toEqual({ ok: true, events: [{ type: 'participant.joined', at: T0, participantId: 'p1', name: 'Ana', language: 'nl', tokenHash: 'h1' }] });
    room.append(decision.ok ? decision.events : []);
    expect(room.state.participants.p1).toEqual({ id: 'p1', name: 'Ana', language: 'nl', joinedAt: T0, status: 'active', tokenHash: 'h1', spokenMs: 0, turns: 0, raises: 0, languages: [], attributes: {} });
    expect(room.state.tables).toEqual([]);
  });

  it.each([
    { setting: 'no late-arrival table', late: null, seatedAt: 't2' },
    { setting: 'late arrivals at t3', late: 't3', seatedAt: 't3' },
  ])('once tables exist, seats a late arrival ($setting) → $seatedAt', ({ late, seatedAt }) => {
    // t1 holds two people, t2 and t3 one each: t2 is the smallest with the lowest number.
    const { room } = createTablesRoom({ people: 4, seats: [[0, 1], [2], [3]], breakoutMs: 600_000 });
    if (late !== null) room.must(MOD, 'room.update', { lateArrivalTableId: late });
    const decision = decideJoin(room.state, { name: 'Late', language: null, tokenHash: 'h9' }, room.ctx());
    expect(decision).toEqual({
      ok: true,
      events: [
        { type: 'participant.joined', at: room.now, participantId: 'p5', name: 'Late', language: null, tokenHash: 'h9' },
        { type: 'participant.seated', at: room.now, participantId: 'p5', tableId: seatedAt },
      ],
    });
    room.append(decision.ok ? decision.events : []);
    expect(room.state.tables.find((t) => t.id === seatedAt)?.members.at(-1)).toBe('p5');
  });

  it('after the tables are cleared, a late arrival is not seated and the late-arrival table is forgotten', () => {
    const { room } = createTablesRoom({ people: 2, seats: [[0], [1]] });
    room.must(MOD, 'room.update', { lateArrivalTableId: 't1' });
    room.must(MOD, 'tables.clear');
    expect(room.state.settings.lateArrivalTableId).toBeNull();
    expect(typesOf(decideJoin(room.state, { name: 'Late', language: null, tokenHash: 'h' }, room.ctx()))).toEqual(['participant.joined']);
  });

  it('keeps join order and distinct ids', () => {
    const room = createTestRoom();
    const ids = room.joinMany(4);
    expect(new Set(ids).size).toBe(4);
    expect(Object.keys(room.state.participants)).toEqual(ids);
  });

  it.each([
    { joinOpen: false, result: 'join_closed' },
    { joinOpen: true, result: 'joined' },
  ])('joinOpen $joinOpen → $result', ({ joinOpen, result }) => {
    const room = createTestRoom({ settings: { joinOpen: !joinOpen } });
    room.must(MOD, 'room.update', { joinOpen });
    const decision = decideJoin(room.state, { name: 'Bo', language: null, tokenHash: 'h' }, room.ctx());
    if (result === 'joined') expect(typesOf(decision)).toEqual(['participant.joined']);
    else expect(errorOf(decision)).toEqual({ code: 'conflict', reason: 'join_closed' });
  });
});

describe('participant.rename', () => {
  it.each([
    { by: 'moderator', target: 'other' },
    { by: 'self', target: 'self' },
  ])('$by renames $target', ({ by }) => {
    const room = createTestRoom();
    const [a = '', b = ''] = room.joinMany(2);
    room.must(by === 'self' ? as(b) : MOD, 'participant.rename', { participantId: b, name: 'Renamed' });
    expect(room.state.participants[b]?.name).toBe('Renamed');
    expect(room.state.participants[a]?.name).toBe('Person 1');
  });

  it.each([
    { target: 'unknown', error: { code: 'not_found', reason: 'participant_not_found' } },
    { target: 'removed', error: { code: 'not_found', reason: 'participant_not_found' } },
  ])('renaming a $target participant → $error.reason', ({ target, error }) => {
    const room = createTestRoom();
    const a = room.join();
    if (target === 'removed') room.must(MOD, 'participant.remove', { participantId: a });
    expect(errorOf(room.send(MOD, 'participant.rename', { participantId: target === 'removed' ? a : 'ghost', name: 'X' }))).toEqual(error);
  });
});

describe('participant.revoke', () => {
  it('marks the participant revoked and drops the token hash; they stay listed and queued', () => {
    const room = createTestRoom();
    const [a = '', b = ''] = room.joinMany(2);
    room.raise(a);
    room.raise(b);
    room.must(MOD, 'participant.revoke', { participantId: a });
    expect(room.state.participants[a]?.status).toBe('revoked');
    expect(room.state.participants[a]).not.toHaveProperty('tokenHash');
    expect(room.state.participants[b]).toHaveProperty('tokenHash');
    expect(room.queueIds()).toEqual([a, b]);
  });

  it.each([
    { setup: 'revoked', error: { code: 'conflict', reason: 'already_revoked' } },
    { setup: 'removed', error: { code: 'not_found', reason: 'participant_not_found' } },
  ])('revoking a $setup participant → $error.reason', ({ setup, error }) => {
    const room = createTestRoom();
    const a = room.join();
    room.must(MOD, setup === 'revoked' ? 'participant.revoke' : 'participant.remove', { participantId: a });
    expect(errorOf(room.send(MOD, 'participant.revoke', { participantId: a }))).toEqual(error);
  });
});

describe('participant.remove', () => {
  it.each([{ from: 'active' }, { from: 'revoked' }])('removes a(n) $from participant from the room and the queue', ({ from }) => {
    const room = createTestRoom();
    const [a = '', b = ''] = room.joinMany(2);
    room.raise(a);
    room.raise(b);
    if (from === 'revoked') room.must(MOD, 'participant.revoke', { participantId: a });
    expect(room.must(MOD, 'participant.remove', { participantId: a })).toEqual([{ type: 'participant.removed', at: room.now, participantId: a }]);
    expect(room.state.participants[a]).toMatchObject({ status: 'removed' });
    expect(room.state.participants[a]).not.toHaveProperty('tokenHash');
    expect(room.queueIds()).toEqual([b]);
  });

  it('ends the turn of a removed speaker first, crediting the time', () => {
    const room = createTestRoom();
    const [a = '', b = ''] = room.joinMany(2);
    room.raise(b);
    room.must(MOD, 'floor.give', { participantId: a });
    const events = room.tick(12_000).must(MOD, 'participant.remove', { participantId: a });
    expect(events).toEqual([
      { type: 'floor.ended', at: room.now, participantId: a, spokenMs: 12_000 },
      { type: 'participant.removed', at: room.now, participantId: a },
    ]);
    expect(room.state.floor.speaker).toBeNull();
    expect(room.state.participants[a]).toMatchObject({ status: 'removed', spokenMs: 12_000, turns: 1 });
    expect(room.queueIds()).toEqual([b]);
  });

  it('leaves someone else’s turn alone', () => {
    const room = createTestRoom();
    const [a = '', b = ''] = room.joinMany(2);
    room.must(MOD, 'floor.give', { participantId: a });
    expect(typesOf(room.send(MOD, 'participant.remove', { participantId: b }))).toEqual(['participant.removed']);
    expect(room.state.floor.speaker?.participantId).toBe(a);
  });

  it.each(['ghost', 'removed'])('removing a %s participant → not_found', (target) => {
    const room = createTestRoom();
    const a = room.join();
    room.must(MOD, 'participant.remove', { participantId: a });
    expect(errorOf(room.send(MOD, 'participant.remove', { participantId: target === 'ghost' ? 'ghost' : a }))).toEqual({ code: 'not_found', reason: 'participant_not_found' });
  });
});

describe('room.update', () => {
  it.each([
    { fields: { title: 'New title' }, expected: { title: 'New title' } },
    { fields: { language: 'fr', secondLanguage: 'nl' }, expected: { language: 'fr', secondLanguage: 'nl' } },
    { fields: { joinOpen: false }, expected: { settings: { joinOpen: false, progressiveStack: false, queueLimit: null, defaultSpeakingMs: 120_000 } } },
    { fields: { progressiveStack: true, queueLimit: 3 }, expected: { settings: { joinOpen: true, progressiveStack: true, queueLimit: 3, defaultSpeakingMs: 120_000 } } },
    { fields: { defaultSpeakingMs: 60_000 }, expected: { settings: { joinOpen: true, progressiveStack: false, queueLimit: null, defaultSpeakingMs: 60_000 } } },
  ])('$fields', ({ fields, expected }) => {
    const room = createTestRoom({ title: 'Old title' });
    const [event] = room.must(MOD, 'room.update', fields);
    expect(event).toEqual({ type: 'room.updated', at: room.now, changes: fields });
    expect(room.state).toMatchObject(expected);
  });

  it('queueLimit null lifts a limit', () => {
    const room = createTestRoom({ settings: { queueLimit: 2 } });
    room.must(MOD, 'room.update', { queueLimit: null });
    expect(room.state.settings.queueLimit).toBeNull();
  });

  it('nothing to change → invalid no_changes', () => {
    expect(errorOf(createTestRoom().send(MOD, 'room.update'))).toEqual({ code: 'invalid', reason: 'no_changes' });
  });
});

describe('room.update lateArrivalTableId', () => {
  it('must name an existing table (or null)', () => {
    const { room } = createTablesRoom({ people: 2, seats: [[0], [1]] });
    expect(errorOf(room.send(MOD, 'room.update', { lateArrivalTableId: 'no-such-table' }))).toEqual({ code: 'not_found', reason: 'table_not_found' });
    expect(typesOf(room.send(MOD, 'room.update', { lateArrivalTableId: 't2' }))).toEqual(['room.updated']);
    expect(typesOf(room.send(MOD, 'room.update', { lateArrivalTableId: null }))).toEqual(['room.updated']);
  });
});
