import type { VersionedEvent } from '../protocol.ts';
import { describe, expect, it } from 'vitest';
import { apply } from './apply.ts';
import { AUDIENCES, audiencesOf, participantAudience, projectEvent, projectState, type Audience } from './projection.ts';
import { emptyState } from './state.ts';
import { as, clone, createTablesRoom, createTestRoom, MOD } from './testRoom.ts';

const SECRET = 'f3a9c0ffee-token-hash';

/** A room whose log holds joins with token hashes, a revoke and a removal. */
function roomWithSecrets() {
  const room = createTestRoom();
  const a = room.join('Ana', `${SECRET}-a`);
  const b = room.join('Bo', `${SECRET}-b`);
  const c = room.join('Cy', `${SECRET}-c`);
  room.raise(a);
  room.must(MOD, 'participant.revoke', { participantId: b });
  room.must(MOD, 'participant.remove', { participantId: c });
  return { room, a, b, c };
}

describe('projectState', () => {
  it.each(AUDIENCES)('never leaks a token hash to %s', (audience) => {
    const { room } = roomWithSecrets();
    expect(JSON.stringify(room.state)).toContain(SECRET);
    const json = JSON.stringify(projectState(room.state, audience));
    expect(json).not.toContain(SECRET);
    expect(json).not.toContain('tokenHash');
  });

  it('keeps everything else and leaves the server’s state intact', () => {
    const { room, a } = roomWithSecrets();
    const before = clone(room.state);
    const projected = projectState(room.state, 'participant');
    expect(room.state).toEqual(before);
    const { tokenHash: _, ...publicA } = before.participants[a]!;
    expect(projected.participants[a]).toEqual(publicA);
    expect({ ...projected, participants: null }).toEqual({ ...before, participants: null });
    expect(Object.keys(projected.participants)).toEqual(Object.keys(before.participants));
  });
});

describe('projectEvent', () => {
  it.each(AUDIENCES)('strips the token hash from every logged event for %s', (audience) => {
    const { room } = roomWithSecrets();
    expect(JSON.stringify(room.log)).toContain(SECRET);
    const projected = room.log.map((e) => projectEvent(e, audience));
    expect(JSON.stringify(projected)).not.toContain(SECRET);
    expect(projected.map((e) => e.version)).toEqual(room.log.map((e) => e.version));
  });

  it('keeps the rest of a join and does not touch the original', () => {
    const { room } = roomWithSecrets();
    const join = room.log.find((e) => e.type === 'participant.joined')!;
    const copy = clone(join);
    const { tokenHash: _, ...rest } = copy as typeof copy & { tokenHash?: string };
    expect(projectEvent(join, 'display')).toEqual(rest);
    expect(join).toEqual(copy);
  });

  it('passes other events through unchanged', () => {
    const { room } = roomWithSecrets();
    for (const event of room.log.filter((e) => e.type !== 'participant.joined')) {
      expect(projectEvent(event, 'participant')).toEqual(event);
    }
  });
});

/**
 * A breakout: `t1` seats p1 (facilitator) and p2, `t2` seats p3; p4 sits nowhere. p1 speaks
 * in a go-round at t1 with p2 queued there, t2 called for help, p3 is profiled, p4 raised a
 * hand at the plenary.
 */
function breakoutRoom() {
  const { room } = createTablesRoom({ people: 4, seats: [[0, 1], [2]], facilitators: [0, null] });
  room.must(MOD, 'participant.profile', { participantId: 'p3', languages: ['nl'], attributes: { age: '16-29' } });
  room.must(MOD, 'breakout.start', { durationMs: 20 * 60_000 });
  room.must(as('p1'), 'round.start', { tableId: 't1', turnMs: 60_000 });
  room.must(as('p2'), 'hand.raise', { tableId: 't1', kind: 'reply' });
  room.tick(60_000).system({ type: 'round.advance', tableId: 't1', position: 0 });
  room.must(as('p3'), 'help.request', { tableId: 't2' });
  room.raise('p4');
  return room;
}

const ALL: Audience[] = ['moderator', 'display', 'participant', 'table:t1', 'table:t2'];

describe('table audiences', () => {
  it('a room has the three fixed audiences and one per table; a participant reads their table’s', () => {
    const room = breakoutRoom();
    expect(audiencesOf(room.state)).toEqual(ALL);
    expect(['p1', 'p2', 'p3', 'p4'].map((p) => participantAudience(room.state, p))).toEqual(['table:t1', 'table:t1', 'table:t2', 'participant']);
  });

  it.each(ALL)('projectState for %s: a table’s floor, go-round and call for help reach only it and moderators; seating reaches all', (audience) => {
    const room = breakoutRoom();
    const projected = projectState(room.state, audience);
    for (const [i, table] of room.state.tables.entries()) {
      const sees = audience === 'moderator' || audience === `table:${table.id}`;
      const { floor, round, helpRequestedAt, ...seating } = table;
      expect(projected.tables[i]).toEqual({ ...seating, ...(sees ? { floor, round, helpRequestedAt } : { floor: { queue: [], speaker: null }, round: null, helpRequestedAt: null }) });
    }
    expect(projected.floor).toEqual(room.state.floor);
    expect(projected.breakout).toEqual(room.state.breakout);
  });

  it.each(ALL)('projectState for %s: attributes reach moderators only; languages reach everyone', (audience) => {
    const room = breakoutRoom();
    const p3 = projectState(room.state, audience).participants.p3!;
    const profile = audience === 'moderator' ? { languages: ['nl'], attributes: { age: '16-29' } } : { languages: ['nl'], attributes: {} };
    expect({ languages: p3.languages, attributes: p3.attributes }).toEqual(profile);
  });

  const seenBy = (audiences: Audience[]) => Object.fromEntries(ALL.map((a) => [a, audiences.includes(a)]));
  it.each([
    { event: 'round.started', tableId: 't1', seen: seenBy(['moderator', 'table:t1']) },
    { event: 'round.advanced', tableId: 't1', seen: seenBy(['moderator', 'table:t1']) },
    { event: 'hand.raised', tableId: 't1', seen: seenBy(['moderator', 'table:t1']) },
    { event: 'help.requested', tableId: 't2', seen: seenBy(['moderator', 'table:t2']) },
    { event: 'floor.ended', tableId: 't1', seen: seenBy(ALL) },
    { event: 'hand.raised', tableId: undefined, seen: seenBy(ALL) },
    { event: 'tables.assigned', tableId: undefined, seen: seenBy(ALL) },
    { event: 'table.facilitator.set', tableId: 't1', seen: seenBy(ALL) },
    { event: 'breakout.started', tableId: undefined, seen: seenBy(ALL) },
  ])('$event at $tableId is seen by $seen', ({ event, tableId, seen }) => {
    const room = breakoutRoom();
    const logged = room.log.find((e) => e.type === event && ('tableId' in e ? e.tableId : undefined) === tableId)!;
    expect(logged).toBeDefined();
    const visible = Object.fromEntries(ALL.map((a) => [a, projectEvent(logged, a).type !== 'hidden']));
    expect(visible).toEqual(seen);
    for (const a of ALL) expect(projectEvent(logged, a)).toEqual(visible[a] ? logged : { version: logged.version, type: 'hidden' });
  });

  it('participant.profiled reaches others without its attributes, and not at all when it set only attributes', () => {
    const withLanguages: VersionedEvent = { type: 'participant.profiled', at: 1, version: 9, participantId: 'p3', languages: ['nl'], attributes: { age: '16-29' } };
    const attributesOnly: VersionedEvent = { type: 'participant.profiled', at: 1, version: 10, participantId: 'p3', attributes: { age: '16-29' } };
    for (const a of ALL) {
      if (a === 'moderator') {
        expect(projectEvent(withLanguages, a)).toEqual(withLanguages);
        expect(projectEvent(attributesOnly, a)).toEqual(attributesOnly);
        continue;
      }
      expect(projectEvent(withLanguages, a)).toEqual({ type: 'participant.profiled', at: 1, version: 9, participantId: 'p3', languages: ['nl'] });
      expect(projectEvent(attributesOnly, a)).toEqual({ version: 10, type: 'hidden' });
    }
  });

  it.each(ALL)('for %s, folding the projected log into the projected first state gives the projected final state', (audience) => {
    const room = breakoutRoom();
    let folded = projectState(apply(emptyState('room-1'), room.log[0]!), audience);
    for (const event of room.log.slice(1)) {
      const seen = projectEvent(event, audience);
      if (seen.type !== 'hidden') folded = apply(folded, seen);
    }
    expect(folded).toEqual(projectState(room.state, audience));
  });
});
