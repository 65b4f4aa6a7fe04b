import type { RoomEvent, VersionedEvent } from '@dr/shared';
import type { DocStore } from './DocStore.ts';

/** What the store keeps about a room besides its log. Keys are stored only as hashes. */
export interface RoomMeta {
  roomId: string;
  joinCode: string;
  moderatorKeyHash: string;
  displayKeyHash: string;
  createdAt: number;
  /** Server-only secret from which each table's facilitator link is derived (HMAC). */
  facilitatorSecret?: string;
}

/** One command's part of a group append. */
export interface AppendEntry {
  events: RoomEvent[];
  commandKey?: string;
}

export type AppendResult =
  /** Appended; `version` is the last appended event's version. */
  | { ok: true; version: number }
  /** The log moved on since `expectedVersion`: reload and decide again. */
  | { ok: false; reason: 'version_conflict'; currentVersion: number }
  /** `commandKey` was already recorded: nothing appended; `version` is the original ack's. */
  | { ok: false; reason: 'duplicate'; version: number }
  /** No such room (never created, deleted, or expired). */
  | { ok: false; reason: 'not_found' };

/** What subscribers receive, in append order. */
export type StoreNotice =
  | { kind: 'events'; events: VersionedEvent[] }
  | { kind: 'deleted' }
  /** The feed reconnected and may have missed notices: read the log from your version. */
  | { kind: 'resync' };

/**
 * The one storage contract. `MemoryRoomStore` and `RedisRoomStore` implement it and
 * pass the same contract suite (`roomStore.contract.ts`).
 *
 * Versions: the first event of a room is version 0; each appended event gets the next
 * integer. `append` is atomic: version check, append, command-id record, TTL refresh
 * and publish happen together or not at all, so no node can see an acknowledged event
 * that other nodes will never receive.
 *
 * Any method may throw `RoomError('unavailable')` when the backend does not answer; the
 * outcome of a write is then unknown, and the caller retries with the same command key.
 */
export interface RoomStore {
  readonly kind: 'memory' | 'redis';
  /** The room's Yjs drafts; deleted and expired with the room. */
  readonly docs: DocStore;
  /**
   * Creates the room with its first events (versions 0…n−1) and reserves its join code.
   * Throws `RoomError('invalid')` for an empty `events`, `RoomError('conflict')` when the
   * room id is already live.
   */
  createRoom(meta: RoomMeta, events: RoomEvent[]): Promise<'created' | 'join_code_taken'>;
  findRoomByJoinCode(joinCode: string): Promise<string | null>;
  getMeta(roomId: string): Promise<RoomMeta | null>;
  /**
   * Appends `events` if the room's current version is `expectedVersion`. With a
   * `commandKey`, records it with the resulting version in the same atomic step; a
   * second append with the same key appends nothing and answers `duplicate`.
   */
  append(roomId: string, expectedVersion: number, events: RoomEvent[], commandKey?: string): Promise<AppendResult>;
  /**
   * Several commands' events in one atomic step: all appended in order (each entry's key
   * recorded with the version of its own last event), or none. A recorded key among them
   * answers `duplicate` with that key's version and appends nothing.
   */
  appendBatch(roomId: string, expectedVersion: number, entries: AppendEntry[]): Promise<AppendResult>;
  /** Events with version > `since`, ascending, at most `limit`. */
  readEvents(roomId: string, since: number, limit?: number): Promise<VersionedEvent[]>;
  /** Current version, or −1 when the room does not exist. */
  currentVersion(roomId: string): Promise<number>;
  /** The version recorded for a command key, or null. */
  commandVersion(roomId: string, commandKey: string): Promise<number | null>;
  /** Caches a folded state; never replaces a newer snapshot with an older one. */
  saveSnapshot(roomId: string, version: number, state: unknown): Promise<void>;
  loadSnapshot(roomId: string): Promise<{ version: number; state: unknown } | null>;
  /**
   * Delivers every later append (from any node) and deletion, in order, once the
   * returned promise has resolved. Expiry is silent. With Redis, notices published
   * while this node was disconnected are lost: listeners detect the version gap and
   * read the missing events with `readEvents`.
   */
  subscribe(roomId: string, listener: (notice: StoreNotice) => void): Promise<() => Promise<void>>;
  /** Deletes every key of the room and frees its join code; subscribers get `deleted`. */
  deleteRoom(roomId: string): Promise<void>;
  /**
   * Indexes the room's earliest pending deadline (null: none), so that some node acts on
   * it even when no node has the room open. Not part of `append`: the index only says
   * where to look; whether a deadline is due is decided from the log.
   */
  setDeadline(roomId: string, at: number | null): Promise<void>;
  /** Rooms whose indexed deadline is at or before `now`, earliest first, at most `limit`. */
  dueDeadlines(now: number, limit: number): Promise<string[]>;
  /**
   * Which participants one node has connected to the room: published to every node, never
   * stored, may be lost (each node repeats its list on a heartbeat).
   */
  publishPresence(roomId: string, notice: PresenceNotice): Promise<void>;
  subscribePresence(roomId: string, listener: (notice: PresenceNotice) => void): Promise<() => Promise<void>>;
  /** True when the backing store answers. */
  ping(): Promise<boolean>;
  /**
   * Whether this node reaches the backend right now, as its connection reports it: Redis
   * from the connection's state (and calls that time out), the memory store always. For
   * showing people a state, not a promise: a call may still fail while healthy, and
   * callers handle `unavailable` either way.
   */
  readonly healthy: boolean;
  /** Calls `listener` on every change of `healthy`, not debounced; returns the unsubscribe. */
  onHealthChange(listener: (healthy: boolean) => void): () => void;
  close(): Promise<void>;
}

/** One node's whole list of connected participants in a room. */
export interface PresenceNotice {
  node: string;
  online: string[];
}

/** Options shared by both implementations. */
export interface RoomStoreOptions {
  /** A room and all its keys are deleted this long after its last append. */
  roomTtlMs: number;
}
