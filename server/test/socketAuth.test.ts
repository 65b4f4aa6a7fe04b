/**
 * Socket connect, roles and room isolation against the real server, on both stores.
 * Starts: express + socket.io on a free port; Redis runs use the test run's redis-server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORE_KINDS, startTestServer, type TestServer } from './support/testServer.ts';
import { TestClient } from './support/TestClient.ts';

describe.each(STORE_KINDS)('socket connect and roles on the %s store', (kind) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(kind);
  });
  afterAll(() => t.close());

  it('a wrong key is refused at connect with "unauthorized" and never gets a snapshot', async () => {
    const room = await t.createRoom();
    await expect(TestClient.connect(t.url, room.roomId, 'x'.repeat(43))).rejects.toThrow('unauthorized');
    await expect(TestClient.connect(t.url, 'r_unknown', room.moderatorKey)).rejects.toThrow('unauthorized');
    await expect(TestClient.connect(t.url, room.roomId, '')).rejects.toThrow('unauthorized');
  });

  it('a key of one room does not open another room', async () => {
    const a = await t.createRoom('A');
    const b = await t.createRoom('B');
    const p = await t.join(a.joinCode, 'Ann');
    await expect(TestClient.connect(t.url, b.roomId, a.moderatorKey)).rejects.toThrow('unauthorized');
    await expect(TestClient.connect(t.url, b.roomId, p.token)).rejects.toThrow('unauthorized');
  });

  it('each key gets its role in welcome, then a snapshot without credentials', async () => {
    const room = await t.createRoom();
    const p = await t.join(room.joinCode, 'Ann');
    const mod = await t.connect(room.roomId, room.moderatorKey);
    const disp = await t.connect(room.roomId, room.displayKey);
    const pan = await t.connect(room.roomId, p.token);
    expect(mod.welcome?.role).toBe('moderator');
    expect(disp.welcome?.role).toBe('display');
    expect(pan.welcome).toMatchObject({ role: 'participant', participantId: p.participantId });
    for (const c of [mod, disp, pan]) {
      expect(c.version).toBe(1);
      expect(c.state?.participants[p.participantId]?.name).toBe('Ann');
      expect(JSON.stringify(c.state)).not.toContain('tokenHash');
    }
  });

  it('refuses a client speaking a newer protocol, with a clear code', async () => {
    const room = await t.createRoom();
    await expect(TestClient.connect(t.url, room.roomId, room.moderatorKey, { protocol: 999 })).rejects.toThrow('client_too_new');
  });

  it('refuses a websocket from a foreign Origin and accepts the allowed one', async () => {
    const room = await t.createRoom();
    await expect(TestClient.connect(t.url, room.roomId, room.moderatorKey, { origin: 'http://evil.test' })).rejects.toThrow();
    const ok = await TestClient.connect(t.url, room.roomId, room.moderatorKey, { origin: t.url });
    expect(ok.version).toBe(0);
    ok.close();
  });

  it('roles are enforced on the server: panelists and the display are refused moderator commands', async () => {
    const room = await t.createRoom();
    const a = await t.join(room.joinCode, 'Ann');
    const b = await t.join(room.joinCode, 'Bob');
    const mod = await t.connect(room.roomId, room.moderatorKey);
    const pa = await t.connect(room.roomId, a.token);
    const disp = await t.connect(room.roomId, room.displayKey);
    expect(await mod.command({ type: 'floor.give', participantId: b.participantId })).toMatchObject({ ok: true });
    await pa.waitForVersion(mod.version);
    const before = pa.version;
    const pb = await t.connect(room.roomId, b.token);
    expect((await pb.command({ type: 'hand.raise', kind: 'speak' })).ok).toBe(false); // speaking already
    await mod.command({ type: 'floor.end' });
    await pb.command({ type: 'hand.raise', kind: 'speak' });
    await pa.waitForVersion(before + 2);
    const v = pa.version;
    const forbidden = [
      { type: 'floor.next' },
      { type: 'floor.give', participantId: a.participantId },
      { type: 'floor.end' },
      { type: 'queue.move', participantId: b.participantId, index: 0 },
      { type: 'hand.lower', participantId: b.participantId },
      { type: 'participant.rename', participantId: b.participantId, name: 'X' },
      { type: 'participant.remove', participantId: b.participantId },
      { type: 'room.update', title: 'Mine' },
    ];
    for (const cmd of forbidden) expect(await pa.command(cmd)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    for (const cmd of [{ type: 'hand.raise', kind: 'speak' }, { type: 'timer.pause' }, ...forbidden]) {
      expect(await disp.command(cmd)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    // Nothing moved: a final accepted command lands right after v.
    const ok = await mod.command({ type: 'hand.lower', participantId: b.participantId });
    expect(ok).toEqual({ ok: true, version: v + 1 });
  });

  it('a revoked token is disconnected with a reason and refused afterwards', async () => {
    const room = await t.createRoom();
    const a = await t.join(room.joinCode, 'Ann');
    const mod = await t.connect(room.roomId, room.moderatorKey);
    const pa = await t.connect(room.roomId, a.token);
    expect((await mod.command({ type: 'participant.revoke', participantId: a.participantId })).ok).toBe(true);
    await pa.waitFor(() => pa.closedReason === 'revoked');
    await pa.waitFor(() => !pa.socket.connected);
    await expect(TestClient.connect(t.url, room.roomId, a.token)).rejects.toThrow('unauthorized');
  });

  it('deleting the room closes every socket with "deleted"', async () => {
    const room = await t.createRoom();
    const disp = await t.connect(room.roomId, room.displayKey);
    const res = await fetch(`${t.url}/api/rooms/${room.roomId}`, { method: 'DELETE', headers: { authorization: `Bearer ${room.moderatorKey}` } });
    expect(res.status).toBe(204);
    await disp.waitFor(() => disp.closedReason === 'deleted');
    await expect(TestClient.connect(t.url, room.roomId, room.moderatorKey)).rejects.toThrow('unauthorized');
  });

  it('moderators and the display see presence, coalesced, not as log events', async () => {
    const room = await t.createRoom();
    const a = await t.join(room.joinCode, 'Ann');
    const mod = await t.connect(room.roomId, room.moderatorKey);
    const versionBefore = mod.version;
    const pa = await t.connect(room.roomId, a.token);
    await mod.waitFor(() => mod.online.includes(a.participantId));
    pa.close();
    await mod.waitFor(() => !mod.online.includes(a.participantId));
    expect(mod.version).toBe(versionBefore);
  });
});
