import { RoomError } from '@dr/shared';
import type { RoomEvent, VersionedEvent } from '@dr/shared';
import { MemoryDocStore } from './MemoryDocStore.ts';
import { MemoryRoomDatabase } from './MemoryRoomDatabase.ts';
import type { MemoryRoom } from './MemoryRoomDatabase.ts';
import type { AppendEntry, AppendResult, PresenceNotice, RoomMeta, RoomStore, RoomStoreOptions, StoreNotice } from './RoomStore.ts';
import { assertEntries, assertEvents, assertVersion, guardListener, jsonCopy, logListenerError, stampVersion } from './storeUtil.ts';
import type { ListenerErrorHandler } from './storeUtil.ts';

/** Upper bound for the sweep period: long TTLs need no faster sweeping than this. */
const MAX_SWEEP_INTERVAL_MS = 60_000;

export interface MemoryRoomStoreOptions extends RoomStoreOptions {
  /** Share one database between handles to act like several nodes on one Redis. */
  database?: MemoryRoomDatabase;
  onListenerError?: ListenerErrorHandler;
}

/**
 * The embedded, single-process {@link RoomStore}. Same semantics as the Redis store
 * (atomic append, dedupe, ordered async notices, TTL); everything lives in the
 * process, so a restart loses all rooms. Every value crossing the boundary is copied.
 */
export class MemoryRoomStore implements RoomStore {
  readonly kind = 'memory' as const;
  /** In process: nothing can go out of reach. */
  readonly healthy = true;
  readonly database: MemoryRoomDatabase;
  readonly docs: MemoryDocStore;
  private readonly ttlMs: number;
  private readonly onListenerError: ListenerErrorHandler;
  private readonly sweepTimer: NodeJS.Timeout;
  /** This handle's subscriptions, dropped on close like a closed Redis connection's. */
  private readonly subscriptions = new Set<{ roomId: string; listener: (n: StoreNotice) => void }>();
  private closed = false;

  constructor(options: MemoryRoomStoreOptions) {
    this.ttlMs = options.roomTtlMs;
    this.database = options.database ?? new MemoryRoomDatabase();
    this.onListenerError = options.onListenerError ?? logListenerError;
    const period = Math.max(10, Math.min(this.ttlMs, MAX_SWEEP_INTERVAL_MS));
    this.sweepTimer = setInterval(() => this.database.sweep(Date.now()), period);
    // The sweep only frees memory; it must not keep the process alive.
    this.sweepTimer.unref();
    this.docs = new MemoryDocStore(this.database, { ttlMs: this.ttlMs, onListenerError: this.onListenerError, room: (roomId) => this.room(roomId) });
  }

  async createRoom(meta: RoomMeta, events: RoomEvent[]): Promise<'created' | 'join_code_taken'> {
    this.assertOpen();
    assertEvents(events, 'createRoom');
    const now = Date.now();
    // Code first, then id: the same order as Redis, which reserves the code before touching the room.
    if (this.database.roomIdForCode(meta.joinCode, now) !== null) return 'join_code_taken';
    if (this.database.get(meta.roomId, now)) throw new RoomError('conflict', `room ${meta.roomId} already exists`);
    const room: MemoryRoom = {
      meta: jsonCopy(meta),
      log: events.map((event, version) => stampVersion(event, version)),
      commands: new Map(),
      snapshot: null,
      expiresAt: now + this.ttlMs,
      docs: new Map(),
    };
    return this.database.insert(room, now) ? 'created' : 'join_code_taken';
  }

  async findRoomByJoinCode(joinCode: string): Promise<string | null> {
    this.assertOpen();
    return this.database.roomIdForCode(joinCode, Date.now());
  }

  async getMeta(roomId: string): Promise<RoomMeta | null> {
    const room = this.room(roomId);
    return room ? jsonCopy(room.meta) : null;
  }

  append(roomId: string, expectedVersion: number, events: RoomEvent[], commandKey?: string): Promise<AppendResult> {
    return this.appendBatch(roomId, expectedVersion, [{ events, commandKey }]);
  }

  async appendBatch(roomId: string, expectedVersion: number, entries: AppendEntry[]): Promise<AppendResult> {
    assertEntries(entries);
    assertVersion(expectedVersion, 'expectedVersion');
    const room = this.room(roomId);
    if (!room) return { ok: false, reason: 'not_found' };
    // Dedupe before the version check: a retry after other appends must still learn its original ack.
    for (const { commandKey } of entries) {
      const recorded = commandKey === undefined ? undefined : room.commands.get(commandKey);
      if (recorded !== undefined) return { ok: false, reason: 'duplicate', version: recorded };
    }
    const current = room.log.length - 1;
    if (current !== expectedVersion) return { ok: false, reason: 'version_conflict', currentVersion: current };
    const stamped: VersionedEvent[] = [];
    for (const { events, commandKey } of entries) {
      for (const event of events) stamped.push(stampVersion(event, current + 1 + stamped.length));
      if (commandKey !== undefined) room.commands.set(commandKey, current + stamped.length);
    }
    room.log.push(...stamped);
    const version = current + stamped.length;
    room.expiresAt = Date.now() + this.ttlMs;
    // Published in the same synchronous step as the push: no appended-but-unpublished window.
    this.database.publish(roomId, { kind: 'events', events: stamped });
    return { ok: true, version };
  }

  async readEvents(roomId: string, since: number, limit?: number): Promise<VersionedEvent[]> {
    const room = this.room(roomId);
    if (!room || (limit !== undefined && limit <= 0)) return [];
    const start = Math.max(0, since + 1);
    const end = limit === undefined ? undefined : start + limit;
    return jsonCopy(room.log.slice(start, end));
  }

  async currentVersion(roomId: string): Promise<number> {
    const room = this.room(roomId);
    return room ? room.log.length - 1 : -1;
  }

  async commandVersion(roomId: string, commandKey: string): Promise<number | null> {
    return this.room(roomId)?.commands.get(commandKey) ?? null;
  }

  async saveSnapshot(roomId: string, version: number, state: unknown): Promise<void> {
    assertVersion(version, 'snapshot version');
    const room = this.room(roomId);
    if (!room) return;
    if (room.snapshot && room.snapshot.version > version) return;
    room.snapshot = { version, state: jsonCopy(state) };
  }

  async loadSnapshot(roomId: string): Promise<{ version: number; state: unknown } | null> {
    const snapshot = this.room(roomId)?.snapshot;
    return snapshot ? jsonCopy(snapshot) : null;
  }

  async subscribe(roomId: string, listener: (notice: StoreNotice) => void): Promise<() => Promise<void>> {
    this.assertOpen();
    // A fresh wrapper per call: subscribing the same function twice yields two subscriptions.
    const entry = { roomId, listener: guardListener(roomId, listener, this.onListenerError) };
    this.subscriptions.add(entry);
    this.database.subscribe(roomId, entry.listener);
    return async () => {
      this.subscriptions.delete(entry);
      this.database.unsubscribe(roomId, entry.listener);
    };
  }

  async publishPresence(roomId: string, notice: PresenceNotice): Promise<void> {
    this.assertOpen();
    this.database.publish(`${roomId}|presence`, notice);
  }

  async subscribePresence(roomId: string, listener: (notice: PresenceNotice) => void): Promise<() => Promise<void>> {
    this.assertOpen();
    const entry = { roomId: `${roomId}|presence`, listener: guardListener<PresenceNotice>(roomId, listener, this.onListenerError) as unknown as (n: StoreNotice) => void };
    this.subscriptions.add(entry);
    this.database.subscribe(entry.roomId, entry.listener);
    return async () => {
      this.subscriptions.delete(entry);
      this.database.unsubscribe(entry.roomId, entry.listener);
    };
  }

  async setDeadline(roomId: string, at: number | null): Promise<void> {
    this.assertOpen();
    if (at === null) this.database.deadlines.delete(roomId);
    else this.database.deadlines.set(roomId, at);
  }

  async dueDeadlines(now: number, limit: number): Promise<string[]> {
    this.assertOpen();
    return [...this.database.deadlines.entries()]
      .filter(([, at]) => at <= now)
      .sort((a, b) => a[1] - b[1])
      .slice(0, limit)
      .map(([roomId]) => roomId);
  }

  async deleteRoom(roomId: string): Promise<void> {
    this.database.deadlines.delete(roomId);
    // Like Redis, an already expired room is not announced again.
    if (this.room(roomId) && this.database.remove(roomId)) this.database.publish(roomId, { kind: 'deleted' });
  }

  async ping(): Promise<boolean> {
    return !this.closed;
  }

  /** Never changes: the listener is never called. */
  onHealthChange(_listener: (healthy: boolean) => void): () => void {
    return () => undefined;
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.sweepTimer);
    for (const { roomId, listener } of this.subscriptions) this.database.unsubscribe(roomId, listener);
    this.subscriptions.clear();
    this.docs.close();
  }

  /** The live room; throws once closed, as a quit Redis connection would. */
  private room(roomId: string): MemoryRoom | undefined {
    this.assertOpen();
    return this.database.get(roomId, Date.now());
  }

  private assertOpen(): void {
    if (this.closed) throw new RoomError('unavailable', 'room store is closed');
  }
}
