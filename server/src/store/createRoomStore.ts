import { MemoryRoomStore } from './MemoryRoomStore.ts';
import { RedisRoomStore } from './RedisRoomStore.ts';
import type { RoomStore, RoomStoreOptions } from './RoomStore.ts';

export interface CreateRoomStoreOptions extends RoomStoreOptions {
  /** `redis://…`; without it the room lives in process memory (single node, lost on restart). */
  redisUrl?: string;
}

/** Picks the backend from configuration: Redis when a URL is given, memory otherwise. */
export function createRoomStore({ redisUrl, roomTtlMs }: CreateRoomStoreOptions): RoomStore {
  return redisUrl ? new RedisRoomStore(redisUrl, { roomTtlMs }) : new MemoryRoomStore({ roomTtlMs });
}
