import type { VersionedEvent } from '@dr/shared';
import type { DocVersion } from './DocStore.ts';
import type { RoomMeta, StoreNotice } from './RoomStore.ts';

/** One draft as the memory backend keeps it; mirrors its Redis keys. */
export interface MemoryDoc {
  snapshot: Uint8Array | null;
  updates: Uint8Array[];
  /** Sequence number of `updates[0]`. */
  firstSeq: number;
  versions: Map<string, DocVersion>;
}

/** One room as the memory backend keeps it; mirrors the Redis keys of a room. */
export interface MemoryRoom {
  meta: RoomMeta;
  /** Index == version, like the Redis list. */
  log: VersionedEvent[];
  commands: Map<string, number>;
  snapshot: { version: number; state: unknown } | null;
  /** Epoch ms after which the room counts as gone (the Redis PEXPIRE). */
  expiresAt: number;
  /** Drafts by document name; they go with the room. */
  docs: Map<string, MemoryDoc>;
}

// Channels carry room notices (by room id) and draft notices (by `roomId|doc|name`).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Listener = (notice: any) => void;

/**
 * The "server" behind {@link MemoryRoomStore}: rooms, join codes and a pub/sub.
 * Kept apart from the store so several store handles can share it, as several
 * nodes share one Redis; the contract suite uses that to test cross-handle delivery.
 */
export class MemoryRoomDatabase {
  private readonly rooms = new Map<string, MemoryRoom>();
  private readonly joinCodes = new Map<string, string>();
  private readonly channels = new Map<string, Set<Listener>>();
  /** roomId → earliest deadline (ms), the in-process twin of the Redis sorted set. */
  readonly deadlines = new Map<string, number>();

  /** The live room, or undefined; an expired room is removed on the way (lazy expiry, as Redis does). */
  get(roomId: string, now: number): MemoryRoom | undefined {
    const room = this.rooms.get(roomId);
    if (room && room.expiresAt <= now) {
      this.remove(roomId);
      return undefined;
    }
    return room;
  }

  /** The room id a live join code points to. */
  roomIdForCode(joinCode: string, now: number): string | null {
    const roomId = this.joinCodes.get(joinCode);
    if (roomId === undefined) return null;
    // Expiring the room frees its code too, so a stale code never answers.
    return this.get(roomId, now) ? roomId : null;
  }

  /** Reserves the code and stores the room; false when the code belongs to a live room. */
  insert(room: MemoryRoom, now: number): boolean {
    if (this.roomIdForCode(room.meta.joinCode, now) !== null) return false;
    this.joinCodes.set(room.meta.joinCode, room.meta.roomId);
    this.rooms.set(room.meta.roomId, room);
    return true;
  }

  /** Deletes the room and its join code (only if the code still points to it). */
  remove(roomId: string): boolean {
    const room = this.rooms.get(roomId);
    if (!room) return false;
    this.rooms.delete(roomId);
    if (this.joinCodes.get(room.meta.joinCode) === roomId) this.joinCodes.delete(room.meta.joinCode);
    return true;
  }

  /** Drops every expired room; the periodic sweep, so unvisited rooms do not pile up. */
  sweep(now: number): void {
    for (const roomId of [...this.rooms.keys()]) this.get(roomId, now);
  }

  subscribe(channel: string, listener: Listener): void {
    let set = this.channels.get(channel);
    if (!set) this.channels.set(channel, (set = new Set()));
    set.add(listener);
  }

  unsubscribe(channel: string, listener: Listener): void {
    const set = this.channels.get(channel);
    if (!set) return;
    set.delete(listener);
    if (set.size === 0) this.channels.delete(channel);
  }

  /**
   * Queues the notice for everyone subscribed now. Microtasks run FIFO, so notices
   * arrive in publish order; a listener that unsubscribed before delivery gets nothing.
   */
  publish(channel: string, notice: StoreNotice | object): void {
    const set = this.channels.get(channel);
    if (!set) return;
    for (const listener of [...set]) {
      queueMicrotask(() => {
        if (this.channels.get(channel)?.has(listener)) listener(structuredClone(notice));
      });
    }
  }
}
