/**
 * The benchmark's wire-level clients against the real server, so the figures it prints
 * come from clients that speak the protocols correctly.
 * Starts: express + socket.io + the Yjs endpoint on a free port, memory store.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '@dr/shared';
import { startTestServer, type TestServer } from '../test/support/testServer.ts';
import { LiteSocket } from './liteSocket.ts';
import { LiteYjs } from './liteYjs.ts';
import { until } from './openLoop.ts';
import { auth, command, createRoom, join } from './room.ts';

describe('benchmark clients', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer('memory');
  });
  afterAll(() => t.close());

  it('the socket.io client authenticates, receives its snapshot, gets acks and sees events', async () => {
    const room = await createRoom(t.url);
    const me = await join(t.url, room.joinCode, 'Ana');
    const seen: number[] = [];
    const socket = await LiteSocket.connect(t.url, auth(room.roomId, me.token), { snapshot: true, on: { events: (_s, m: { events: Array<{ version: number }> }) => m.events.forEach((e) => seen.push(e.version)) } });
    expect(socket.snapshot.state.participants[me.participantId].name).toBe('Ana');
    const ack = await socket.emitWithAck('command', command('hand.raise'));
    expect(ack).toMatchObject({ ok: true });
    await until(() => seen.includes(ack.version), 5_000);
    expect(seen).toContain(ack.version);
    const refused = await socket.emitWithAck('command', { id: 'x', type: 'no.such.command' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid' } });
    socket.close();
  });

  it('the socket.io client reports a refused handshake', async () => {
    const room = await createRoom(t.url);
    await expect(LiteSocket.connect(t.url, { protocol: PROTOCOL_VERSION, roomId: room.roomId, key: 'wrong' })).rejects.toThrow(/connect_error/);
  });

  it("a writer's keystroke reaches a viewer under the same edit key", async () => {
    const room = await createRoom(t.url);
    const base = `${t.url.replace(/^http/, 'ws')}/yjs`;
    const writer = await LiteYjs.open(base, `${room.roomId}/plenary`, room.moderatorKey, { writer: true });
    const viewer = await LiteYjs.open(base, `${room.roomId}/plenary`, room.displayKey);
    const got: string[] = [];
    viewer.onEdits((keys) => got.push(...keys));
    const key = writer.type('a');
    await until(() => got.includes(key), 5_000);
    expect(got).toContain(key);
    const second = writer.type('bc');
    await until(() => got.includes(second), 5_000);
    expect(got).toEqual([key, second]);
    writer.close();
    viewer.close();
  });
});
