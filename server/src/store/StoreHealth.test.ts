/**
 * RedisRoomStore's health against a private redis-server on a free port (it is killed and
 * paused, so never the run's shared one): connection events, and calls that time out on a
 * connection that stays open.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { startRedisServer, type RedisServerHandle } from '../../test/support/redisServer.ts';
import { createRoomWith, event, waitFor } from './contractFixtures.ts';
import { RedisRoomStore } from './RedisRoomStore.ts';
import { MemoryRoomStore } from './MemoryRoomStore.ts';

describe('store health', () => {
  let server: RedisServerHandle | undefined;
  let store: RedisRoomStore | undefined;
  afterEach(async () => {
    await store?.close();
    await server?.stop();
    store = undefined;
    server = undefined;
  });

  it('[SH1] the memory store is always healthy', async () => {
    const memory = new MemoryRoomStore({ roomTtlMs: 60_000 });
    const changes: boolean[] = [];
    memory.onHealthChange((h) => changes.push(h))();
    expect(memory.healthy).toBe(true);
    await memory.close();
    expect(changes).toEqual([]);
  });

  it('[SH2] Redis: unhealthy once the connection drops, healthy when it is ready again', async () => {
    server = await startRedisServer();
    store = new RedisRoomStore(server.url, { roomTtlMs: 60_000, keyPrefix: 'sh2:' });
    await createRoomWith(store);
    const changes: boolean[] = [];
    store.onHealthChange((h) => changes.push(h));
    expect(store.healthy).toBe(true);
    server.kill9();
    await waitFor('unhealthy', () => store!.healthy === false, 5_000);
    await server.restart();
    await waitFor('healthy again', () => store!.healthy === true, 10_000);
    expect(changes).toEqual([false, true]);
  });

  it('[SH3] Redis that stops answering on an open connection: unhealthy after a timed-out call, healthy when it answers', async () => {
    server = await startRedisServer();
    store = new RedisRoomStore(server.url, { roomTtlMs: 60_000, keyPrefix: 'sh3:' });
    const { roomId } = await createRoomWith(store);
    const admin = new Redis(server.url);
    try {
      // Every client's commands wait for 6 s; the socket stays open, so no connection event fires.
      await admin.call('CLIENT', 'PAUSE', '6000', 'ALL');
      const failure = await store.append(roomId, 0, [event(1)]).then(() => null, (e: unknown) => e);
      expect(failure).toMatchObject({ code: 'unavailable' });
      expect(store.healthy).toBe(false);
      await waitFor('healthy again', () => store!.healthy === true, 10_000);
    } finally {
      admin.disconnect();
    }
  }, 30_000);
});
