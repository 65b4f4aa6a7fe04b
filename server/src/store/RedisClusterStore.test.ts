/**
 * The whole RoomStore contract (rooms, deadlines, drafts) on a real Redis Cluster: every
 * script must touch only one room's slot, and pub/sub must reach every handle.
 * Starts: three redis-server processes in cluster mode on free ports.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import { startRedisCluster, type RedisClusterHandle } from '../../test/support/redisCluster.ts';
import { RedisRoomStore, redisCluster } from './RedisRoomStore.ts';
import { describeRoomStoreContract } from './roomStore.contract.ts';

let cluster: RedisClusterHandle;
beforeAll(async () => {
  cluster = await startRedisCluster();
}, 30_000);
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
