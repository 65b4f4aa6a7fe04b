import { describe, expect, it } from 'vitest';
import { AUDIENCES, projectEvent, projectState } from './projection.ts';
import { clone, createTestRoom, MOD } from './testRoom.ts';

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
