/**
 * Clients are told when their node loses storage, and when it is back. The Redis case
 * kills its own redis-server (AOF on, so the room survives the restart) with SIGKILL while
 * a moderator and a panelist are connected; the memory case never reports `down`.
 * Starts: the real express + socket.io server on a free port per case; for Redis, a private
 * redis-server on a free port (never the run's shared one, never the machine's).
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { STORAGE_DOWN_REPORT_DELAY_MS } from '../src/socket/StorageStatusReporter.ts';
import { RedisRoomStore } from '../src/store/RedisRoomStore.ts';
import { startRedisServer, type RedisServerHandle } from './support/redisServer.ts';
import { startTestServer, type TestServer } from './support/testServer.ts';
import type { TestClient } from './support/TestClient.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const last = (c: TestClient) => c.storage.at(-1);

describe('storage status pushed to clients', () => {
  let srv: TestServer | undefined;
  let redis: RedisServerHandle | undefined;
  afterEach(async () => {
    await srv?.close();
    await redis?.stop();
    srv = undefined;
    redis = undefined;
  });

  it('[memory] says `up` once at connect and never `down`', async () => {
    srv = await startTestServer('memory');
    const room = await srv.createRoom();
    const person = await srv.join(room.joinCode, 'Ann');
    const mod = await srv.connect(room.roomId, room.moderatorKey);
    const ann = await srv.connect(room.roomId, person.token);
    expect((await ann.command({ type: 'hand.raise' })).ok).toBe(true);
    expect((await mod.command({ type: 'floor.next' })).ok).toBe(true);
    await sleep(STORAGE_DOWN_REPORT_DELAY_MS * 2);
    expect(srv.store.healthy).toBe(true);
    expect(mod.storage).toEqual(['up']);
    expect(ann.storage).toEqual(['up']);
  });

  it('[redis] Redis killed: `down` after the debounce, commands `unavailable`; restarted: `up`, and commands succeed', async () => {
    redis = await startRedisServer({ appendonly: true });
    const store = new RedisRoomStore(redis.url, { roomTtlMs: 60_000, keyPrefix: `st:${randomUUID()}:` });
    srv = await startTestServer('redis', {}, store);
    const room = await srv.createRoom();
    const person = await srv.join(room.joinCode, 'Bea');
    const mod = await srv.connect(room.roomId, room.moderatorKey);
    const bea = await srv.connect(room.roomId, person.token);
    await bea.waitFor(() => bea.storage.length > 0);
    await mod.waitFor(() => mod.storage.length > 0);
    expect([mod.storage, bea.storage]).toEqual([['up'], ['up']]);

    const killedAt = Date.now();
    redis.kill9();
    await bea.waitFor(() => last(bea) === 'down', 10_000);
    const downAfterMs = Date.now() - killedAt;
    await mod.waitFor(() => last(mod) === 'down', 5_000);
    expect(store.healthy).toBe(false);
    // The node reports its storage down but stays alive for the balancer.
    expect((await fetch(`${srv.url}/healthz`)).status).toBe(503);
    expect((await fetch(`${srv.url}/livez`)).status).toBe(200);
    // Debounced: not before the delay, yet well within the "seconds".
    expect(downAfterMs).toBeGreaterThanOrEqual(STORAGE_DOWN_REPORT_DELAY_MS - 50);
    expect(downAfterMs).toBeLessThan(5_000);

    // No false ack while it is down.
    const refused = await bea.command({ type: 'hand.raise' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    // A phone joining meanwhile is told to retry, and joins no one.
    const joining = await fetch(`${srv.url}/api/join`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ joinCode: room.joinCode, name: 'Cas' }) });
    expect(joining.status).toBe(503);
    expect(((await joining.json()) as { error: { code: string } }).error.code).toBe('unavailable');
    // A socket that connects meanwhile (the room is loaded on this node) is told at once.
    const display = await srv.connect(room.roomId, room.displayKey);
    await display.waitFor(() => display.storage.length > 0, 5_000);
    expect(display.storage).toEqual(['down']);

    const restartedAt = Date.now();
    await redis.restart();
    await bea.waitFor(() => last(bea) === 'up', 15_000);
    const upAfterMs = Date.now() - restartedAt;
    await mod.waitFor(() => last(mod) === 'up', 5_000);
    await display.waitFor(() => last(display) === 'up', 5_000);
    expect(upAfterMs).toBeLessThan(10_000);
    console.log(`storage status: down sent ${downAfterMs} ms after SIGKILL; up sent ${upAfterMs} ms after the restart`);

    // One `down`, one `up`: the reconnect attempts in between did not flap.
    expect(mod.storage).toEqual(['up', 'down', 'up']);
    expect(bea.storage).toEqual(['up', 'down', 'up']);
    const raised = await bea.command({ type: 'hand.raise' });
    expect(raised.ok).toBe(true);
    if (raised.ok) await mod.waitForVersion(raised.version);
    expect(mod.state!.floor.queue.map((e) => e.participantId)).toEqual([person.participantId]);
    expect(Object.values(mod.state!.participants).map((p) => p.name)).toEqual(['Bea']);
  }, 60_000);
});
