import { MemoryRoomStore } from './MemoryRoomStore.ts';
import { RedisRoomStore, redisCluster } from './RedisRoomStore.ts';
import type { RoomStore, RoomStoreOptions } from './RoomStore.ts';

export interface CreateRoomStoreOptions extends RoomStoreOptions {
  /**
   * `redis://…`, or several comma-separated node URLs of a Redis Cluster; without it the
   * room lives in process memory (single node, lost on restart).
   */
  redisUrl?: string;
}

/** Picks the backend from configuration: Redis (or a Redis Cluster) when URLs are given, memory otherwise. */
export function createRoomStore({ redisUrl, roomTtlMs }: CreateRoomStoreOptions): RoomStore {
  if (!redisUrl) return new MemoryRoomStore({ roomTtlMs });
  const urls = redisUrl.split(',').map((u) => u.trim()).filter(Boolean);
  return new RedisRoomStore(urls.length > 1 ? redisCluster(urls) : urls[0]!, { roomTtlMs });
}
