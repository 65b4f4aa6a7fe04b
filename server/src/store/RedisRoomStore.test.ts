/**
 * RedisRoomStore against a real redis-server: the one the vitest global setup starts
 * on a free port (`inject('redisUrl')`, never the machine's own Redis). Every backend gets a
 * unique keyPrefix so cases cannot see each other's keys, and every handle is closed in
 * teardown. The outage case starts its own redis-server, since it kills it.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { Redis } from 'ioredis';
import { RoomError } from '@dr/shared';
import { startRedisServer } from '../../test/support/redisServer.ts';
import type { RedisServerHandle } from '../../test/support/redisServer.ts';
import { createRoomWith, event, sleep, waitFor } from './contractFixtures.ts';
import { RedisRoomStore } from './RedisRoomStore.ts';
import { describeRoomStoreContract } from './roomStore.contract.ts';
import type { RoomStoreOptions } from './RoomStore.ts';

const RUN_PREFIX = `test:${randomUUID()}:`;

function openStore(url: string, options: RoomStoreOptions, keyPrefix: string): RedisRoomStore {
  return new RedisRoomStore(url, { ...options, keyPrefix });
}

describeRoomStoreContract('RedisRoomStore', async (options) => {
  const url = inject('redisUrl');
  const keyPrefix = `${RUN_PREFIX}${randomUUID()}:`;
  const stores = [openStore(url, options, keyPrefix)];
  return {
    store: stores[0]!,
    openSecond: async () => {
      const second = openStore(url, options, keyPrefix);
      stores.push(second);
      return second;
    },
    cleanup: async () => {
      await Promise.all(stores.map((s) => s.close()));
    },
  };
});

describe('RedisRoomStore when Redis goes away', () => {
  let server: RedisServerHandle | undefined;
  let store: RedisRoomStore | undefined;
  afterEach(async () => {
    await store?.close();
    await server?.stop();
  });

  it('[RSR1] fails fast with unavailable while Redis is down, and recovers when it is back', async () => {
    server = await startRedisServer();
    store = openStore(server.url, { roomTtlMs: 60_000 }, RUN_PREFIX);
    const { roomId } = await createRoomWith(store);
    server.kill9();

    const started = Date.now();
    const failure = await store.append(roomId, 0, [event(1)]).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(RoomError);
    expect(failure).toMatchObject({ code: 'unavailable' });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await store.ping()).toBe(false);

    await server.restart();
    const live = store;
    await waitFor('reconnect', () => live.ping(), 10_000);
    // No persistence in this server: the old room is gone, a new one works end to end.
    const meta = await createRoomWith(live, 1);
    expect(await live.append(meta.roomId, 0, [event(2)])).toEqual({ ok: true, version: 1 });
  });

  it('[RSR2] a subscription survives a Redis restart (AOF keeps the room) and delivers again', async () => {
    server = await startRedisServer({ appendonly: true });
    store = openStore(server.url, { roomTtlMs: 60_000 }, RUN_PREFIX);
    const live = store;
    const { roomId } = await createRoomWith(live);
    const received: number[] = [];
    await live.subscribe(roomId, (n) => n.kind === 'events' && received.push(...n.events.map((e) => e.version)));
    server.kill9();
    await server.restart();
    await waitFor('reconnect', () => live.ping(), 10_000);
    expect(await live.currentVersion(roomId)).toBe(0);
    // The subscriber connection reconnects on its own schedule: append until a notice arrives.
    let version = 0;
    await waitFor(
      'a notice after the restart',
      async () => {
        const result = await live.append(roomId, version, [event(version)]);
        if (result.ok) version = result.version;
        await sleep(100);
        return received.length > 0;
      },
      10_000,
    );
    expect(received).toEqual(Array.from({ length: received.length }, (_, i) => version - received.length + 1 + i));
  });

  it('[RSR3] after the subscriber connection drops, listeners are told to resync from the log', async () => {
    server = await startRedisServer();
    store = openStore(server.url, { roomTtlMs: 60_000 }, RUN_PREFIX);
    const live = store;
    const { roomId } = await createRoomWith(live);
    const notices: string[] = [];
    await live.subscribe(roomId, (n) => notices.push(n.kind));
    const admin = new Redis(server.url);
    try {
      // Drops only pub/sub connections: what a network blip does to a node's subscriber.
      await admin.client('KILL', 'TYPE', 'pubsub');
      await waitFor('a resync notice', async () => notices.includes('resync'), 10_000);
    } finally {
      admin.disconnect();
    }
  });
});
