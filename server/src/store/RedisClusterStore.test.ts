/**
 * The whole RoomStore contract (rooms, deadlines, drafts) on a real Redis Cluster: every
 * script must touch only one room's slot, and sharded pub/sub must reach every handle.
 * Starts: three redis-server processes in cluster mode on free ports (plus three more for
 * the outage case, which kills its cluster).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startRedisCluster, type RedisClusterHandle } from '../../test/support/redisCluster.ts';
import { createRoomWith, event, record, waitFor } from './contractFixtures.ts';
import { RedisRoomStore, redisCluster } from './RedisRoomStore.ts';
import { describeRoomStoreContract } from './roomStore.contract.ts';

/** Starting a cluster takes a few seconds: `redis-cli --cluster create` waits for the nodes to agree. */
const CLUSTER_START_TIMEOUT_MS = 60_000;
/** Longer than a few reconnect attempts (backoff capped at 2 s), so every client sees the cluster gone. */
const OUTAGE_MS = 3_000;

let cluster: RedisClusterHandle;
beforeAll(async () => {
  cluster = await startRedisCluster();
}, CLUSTER_START_TIMEOUT_MS);
afterAll(() => cluster?.stop());

describeRoomStoreContract('RedisRoomStore on a Redis Cluster', async (options) => {
  const keyPrefix = `cluster:${randomUUID()}:`;
  const open = () => new RedisRoomStore(redisCluster(cluster.urls), { ...options, keyPrefix });
  const stores = [open()];
  return {
    store: stores[0]!,
    openSecond: async () => {
      const second = open();
      stores.push(second);
      return second;
    },
    cleanup: async () => {
      await Promise.all(stores.map((s) => s.close()));
    },
  };
});

describe('RedisRoomStore on a Redis Cluster when every node goes away', () => {
  let outage: RedisClusterHandle | undefined;
  let store: RedisRoomStore | undefined;
  afterEach(async () => {
    await store?.close();
    await outage?.stop();
  });

  it('[RSC1] after the whole cluster restarts, listeners resync and hear new appends; new subscriptions work', async () => {
    outage = await startRedisCluster();
    const live = new RedisRoomStore(redisCluster(outage.urls), { roomTtlMs: 60_000, keyPrefix: `cluster:${randomUUID()}:` });
    store = live;
    const meta = await createRoomWith(live);
    const before = await record(live, meta.roomId);
    // Down long enough for the clients to find every node gone, not just one connection.
    await outage.restart(OUTAGE_MS);
    await waitFor('a resync notice', () => before.notices.some((n) => n.kind === 'resync'), 20_000);
    await waitFor('reconnect', () => live.ping(), 10_000);
    // No persistence: the room is gone. The same id again must reach the old listener.
    await createRoomWith(live, 1, meta);
    expect(await live.append(meta.roomId, 0, [event(1)])).toEqual({ ok: true, version: 1 });
    await waitFor('a notice after the restart', () => before.versions().length === 1);
    const other = await createRoomWith(live);
    const after = await record(live, other.roomId);
    expect(await live.append(other.roomId, 0, [event(2)])).toEqual({ ok: true, version: 1 });
    await waitFor('a notice on a new subscription', () => after.versions().length === 1);
  }, 90_000);
});
