import { Cluster, Redis } from 'ioredis';
import type { RedisOptions } from 'ioredis';
import { RoomError } from '@dr/shared';
import type { RoomEvent, VersionedEvent } from '@dr/shared';
import type { AppendEntry, AppendResult, PresenceNotice, RoomMeta, RoomStore, RoomStoreOptions, StoreNotice } from './RoomStore.ts';
import { RedisSubscriber, closeConnection } from './RedisSubscriber.ts';
import { RedisDocStore } from './RedisDocStore.ts';
import { RedisHealthWatch } from './StoreHealth.ts';
import type { DocStore } from './DocStore.ts';
import {
  APPEND_LUA,
  CREATE_ROOM_LUA,
  DELETE_IF_EQUALS_LUA,
  DELETE_ROOM_LUA,
  EXPIRE_IF_EQUALS_LUA,
  SAVE_SNAPSHOT_LUA,
} from './redisScripts.ts';
import { assertEntries, assertEvents, assertVersion, guardListener, logListenerError, stampVersion, withoutVersion } from './storeUtil.ts';
import type { ListenerErrorHandler } from './storeUtil.ts';

/**
 * A Redis Cluster client with the same fail-fast settings, for `REDIS_URL` values that list
 * several nodes (`redis://10.0.0.1:7001,redis://10.0.0.2:7002,…`).
 */
export function redisCluster(urls: string[]): Cluster {
  const nodes = urls.map((u) => {
    const url = new URL(u);
    return { host: url.hostname, port: Number(url.port || 6379) };
  });
  const first = new URL(urls[0]!);
  return new Cluster(nodes, {
    redisOptions: { ...REDIS_CONNECTION_DEFAULTS, ...(first.password && { password: decodeURIComponent(first.password) }), ...(first.username && { username: decodeURIComponent(first.username) }) },
    clusterRetryStrategy: (attempt: number) => Math.min(100 * 2 ** (attempt - 1), MAX_RECONNECT_DELAY_MS),
    enableOfflineQueue: true,
  });
}

/** Reconnect backoff cap: a Redis that comes back is found within this long. */
const MAX_RECONNECT_DELAY_MS = 2_000;

/**
 * Fail fast while Redis is down: a command waits for at most one reconnect attempt
 * (`maxRetriesPerRequest: 0` flushes the offline queue on every failed attempt), and
 * an unanswered command times out, so callers get `unavailable` instead of hanging.
 * Unanswered commands are never re-sent after a reconnect: their caller already got an
 * error and retries with the same command key, which dedupe makes safe.
 */
export const REDIS_CONNECTION_DEFAULTS: RedisOptions = {
  maxRetriesPerRequest: 0,
  connectTimeout: 2_000,
  commandTimeout: 3_000,
  autoResendUnfulfilledCommands: false,
  retryStrategy: (attempt: number) => Math.min(100 * 2 ** (attempt - 1), MAX_RECONNECT_DELAY_MS),
};

export interface RedisRoomStoreOptions extends RoomStoreOptions {
  /** Prepended to every key and channel (tests use one per run); must not contain braces. */
  keyPrefix?: string;
  onListenerError?: ListenerErrorHandler;
  /** Connection errors while reconnecting; commands report them as `unavailable` anyway. */
  onConnectionError?: (error: Error) => void;
}

/** The Lua commands registered with `defineCommand`. */
interface ScriptedRedis extends Redis {
  drCreateRoom(...args: (string | number)[]): Promise<number>;
  drAppend(...args: (string | number)[]): Promise<[string, number?]>;
  drSaveSnapshot(...args: (string | number)[]): Promise<number>;
  drDeleteRoom(...args: (string | number)[]): Promise<string | null>;
  drExpireIfEquals(...args: (string | number)[]): Promise<number>;
  drDeleteIfEquals(...args: (string | number)[]): Promise<number>;
}

/**
 * The {@link RoomStore} on Redis (ioredis 5), shared by every server node. Per room:
 * `{room:ID}:meta` (hash), `:log` (list, index == version), `:cmds` (hash command key →
 * version), `:snap` (JSON); plus `joincode:{CODE}` → room id and the shard channels
 * `{room:ID}:events` and `:presence` (same hash tag, so the same slot as the room's keys).
 * Writes that must be atomic are Lua scripts (`redisScripts.ts`).
 */
export class RedisRoomStore implements RoomStore {
  readonly kind = 'redis' as const;
  readonly docs: DocStore;
  private readonly redis: ScriptedRedis;
  private subscriber: RedisSubscriber | null = null;
  private readonly prefix: string;
  private readonly ttlMs: number;
  private readonly onListenerError: ListenerErrorHandler;
  /** When this node last refreshed each room's join-code TTL. */
  private readonly codeRefreshedAt = new Map<string, number>();
  /** Whether the command connection reaches Redis (`healthy`, `onHealthChange`). */
  private readonly healthWatch: RedisHealthWatch;

  constructor(connection: string | RedisOptions | Cluster, options: RedisRoomStoreOptions) {
    this.prefix = options.keyPrefix ?? '';
    this.ttlMs = options.roomTtlMs;
    this.onListenerError = options.onListenerError ?? logListenerError;
    // A Redis Cluster speaks the same commands: every script touches one room's slot.
    const redis = (
      connection instanceof Cluster
        ? connection
        : typeof connection === 'string'
          ? new Redis(connection, REDIS_CONNECTION_DEFAULTS)
          : new Redis({ ...REDIS_CONNECTION_DEFAULTS, ...connection })
    ) as Redis;
    // Without a listener ioredis prints every failed reconnect; errors reach callers as `unavailable`.
    redis.on('error', options.onConnectionError ?? (() => undefined));
    redis.defineCommand('drCreateRoom', { numberOfKeys: 4, lua: CREATE_ROOM_LUA });
    redis.defineCommand('drAppend', { numberOfKeys: 5, lua: APPEND_LUA });
    redis.defineCommand('drSaveSnapshot', { numberOfKeys: 2, lua: SAVE_SNAPSHOT_LUA });
    redis.defineCommand('drDeleteRoom', { numberOfKeys: 5, lua: DELETE_ROOM_LUA });
    redis.defineCommand('drDeleteIfEquals', { numberOfKeys: 1, lua: DELETE_IF_EQUALS_LUA });
    redis.defineCommand('drExpireIfEquals', { numberOfKeys: 1, lua: EXPIRE_IF_EQUALS_LUA });
    this.redis = redis as ScriptedRedis;
    this.healthWatch = new RedisHealthWatch(redis);
    this.docs = new RedisDocStore(redis, {
      prefix: this.prefix,
      ttlMs: this.ttlMs,
      onListenerError: this.onListenerError,
      run: (operation, call) => this.run(operation, call),
      subscriber: () => this.subscriberConnection(),
    });
  }

  async createRoom(meta: RoomMeta, events: RoomEvent[]): Promise<'created' | 'join_code_taken'> {
    assertEvents(events, 'createRoom');
    const codeKey = this.joinCodeKey(meta.joinCode);
    // The code is reserved first (its own slot), so two rooms can never share one.
    const reserved = await this.run('createRoom', () => this.redis.set(codeKey, meta.roomId, 'PX', this.ttlMs, 'NX'));
    if (reserved === null) return 'join_code_taken';
    let created: number;
    try {
      const metaArgs = metaToArgs(meta);
      const eventArgs = events.map((event, version) => JSON.stringify(stampVersion(event, version)));
      created = await this.redis.drCreateRoom(...this.roomKeys(meta.roomId), this.ttlMs, metaArgs.length, ...metaArgs, ...eventArgs);
    } catch (error) {
      await this.releaseJoinCode(codeKey, meta.roomId);
      throw unavailable('createRoom', error);
    }
    if (created === 1) return 'created';
    await this.releaseJoinCode(codeKey, meta.roomId);
    throw new RoomError('conflict', `room ${meta.roomId} already exists`);
  }

  async findRoomByJoinCode(joinCode: string): Promise<string | null> {
    return this.run('findRoomByJoinCode', () => this.redis.get(this.joinCodeKey(joinCode)));
  }

  async getMeta(roomId: string): Promise<RoomMeta | null> {
    const hash = await this.run('getMeta', () => this.redis.hgetall(this.key(roomId, 'meta')));
    return hash.roomId === undefined ? null : argsToMeta(hash);
  }

  append(roomId: string, expectedVersion: number, events: RoomEvent[], commandKey?: string): Promise<AppendResult> {
    return this.appendBatch(roomId, expectedVersion, [{ events, commandKey }]);
  }

  async appendBatch(roomId: string, expectedVersion: number, entries: AppendEntry[]): Promise<AppendResult> {
    assertEntries(entries);
    assertVersion(expectedVersion, 'expectedVersion');
    const heads = entries.flatMap((e) => [e.commandKey ?? '', e.events.length]);
    const eventArgs = entries.flatMap((e) => e.events.map((event) => JSON.stringify(withoutVersion(event))));
    const [reason, version] = await this.run('append', () =>
      this.redis.drAppend(
        ...this.roomKeys(roomId),
        this.key(roomId, 'docs'),
        expectedVersion,
        this.ttlMs,
        this.channel(roomId),
        this.prefix,
        roomId,
        entries.length,
        ...heads,
        ...eventArgs,
      ),
    );
    const result = toAppendResult(reason, version);
    if (result.ok) await this.refreshJoinCode(roomId);
    return result;
  }

  /**
   * The join code lives in its own slot, so the append script cannot refresh its TTL
   * (a Redis Cluster refuses cross-slot scripts). This node refreshes it at most every
   * quarter TTL per room: two commands, rarely.
   */
  private async refreshJoinCode(roomId: string): Promise<void> {
    const now = Date.now();
    if (now - (this.codeRefreshedAt.get(roomId) ?? 0) < this.ttlMs / 4) return;
    if (this.codeRefreshedAt.size > 10_000) this.codeRefreshedAt.clear();
    this.codeRefreshedAt.set(roomId, now);
    try {
      const code = await this.redis.hget(this.key(roomId, 'meta'), 'joinCode');
      if (code) await this.redis.drExpireIfEquals(this.joinCodeKey(code), roomId, this.ttlMs);
    } catch {
      // The append succeeded; the next one tries again.
      this.codeRefreshedAt.delete(roomId);
    }
  }

  async readEvents(roomId: string, since: number, limit?: number): Promise<VersionedEvent[]> {
    if (limit !== undefined && limit <= 0) return [];
    const start = Math.max(0, since + 1);
    const stop = limit === undefined ? -1 : start + limit - 1;
    const rows = await this.run('readEvents', () => this.redis.lrange(this.key(roomId, 'log'), start, stop));
    return rows.map((row) => JSON.parse(row) as VersionedEvent);
  }

  async currentVersion(roomId: string): Promise<number> {
    // A live room's log is never empty (createRoom needs an event), so LLEN − 1 is −1 exactly when it is gone.
    return (await this.run('currentVersion', () => this.redis.llen(this.key(roomId, 'log')))) - 1;
  }

  async commandVersion(roomId: string, commandKey: string): Promise<number | null> {
    const recorded = await this.run('commandVersion', () => this.redis.hget(this.key(roomId, 'cmds'), commandKey));
    return recorded === null ? null : Number(recorded);
  }

  async saveSnapshot(roomId: string, version: number, state: unknown): Promise<void> {
    assertVersion(version, 'snapshot version');
    // `version` leads the JSON so the script can compare versions without decoding the state.
    const payload = `{"version":${version},"state":${JSON.stringify(state ?? null)}}`;
    await this.run('saveSnapshot', () => this.redis.drSaveSnapshot(this.key(roomId, 'meta'), this.key(roomId, 'snap'), version, payload));
  }

  async loadSnapshot(roomId: string): Promise<{ version: number; state: unknown } | null> {
    const raw = await this.run('loadSnapshot', () => this.redis.get(this.key(roomId, 'snap')));
    return raw === null ? null : (JSON.parse(raw) as { version: number; state: unknown });
  }

  async subscribe(roomId: string, listener: (notice: StoreNotice) => void): Promise<() => Promise<void>> {
    const guarded = guardListener(roomId, listener, this.onListenerError);
    // One parse per listener, so no listener can change what another one sees.
    const channelListener = { message: (payload: Buffer) => guarded(JSON.parse(payload.toString('utf8')) as StoreNotice), resync: () => guarded({ kind: 'resync' }) };
    return this.run('subscribe', () => this.subscriberConnection().add(this.channel(roomId), channelListener));
  }

  async publishPresence(roomId: string, notice: PresenceNotice): Promise<void> {
    // Sharded like every channel of the room (see RedisSubscriber), though presence is lossy anyway.
    await this.run('publishPresence', () => this.redis.spublish(`${this.prefix}{room:${roomId}}:presence`, JSON.stringify(notice)));
  }

  async subscribePresence(roomId: string, listener: (notice: PresenceNotice) => void): Promise<() => Promise<void>> {
    const guarded = guardListener<PresenceNotice>(roomId, listener, this.onListenerError);
    // Lost lists are repaired by the next heartbeat: nothing to do on resync.
    const channelListener = { message: (payload: Buffer) => guarded(JSON.parse(payload.toString('utf8')) as PresenceNotice), resync: () => undefined };
    return this.run('subscribePresence', () => this.subscriberConnection().add(`${this.prefix}{room:${roomId}}:presence`, channelListener));
  }

  async deleteRoom(roomId: string): Promise<void> {
    const code = await this.run('deleteRoom', () => this.redis.drDeleteRoom(...this.roomKeys(roomId), this.key(roomId, 'docs'), this.prefix, roomId, this.channel(roomId)));
    if (code) await this.run('deleteRoom', () => this.redis.drDeleteIfEquals(this.joinCodeKey(code), roomId));
    this.codeRefreshedAt.delete(roomId);
    await this.setDeadline(roomId, null);
  }

  /** One sorted set for all rooms (its own slot): score = earliest deadline. */
  async setDeadline(roomId: string, at: number | null): Promise<void> {
    const key = `${this.prefix}deadlines`;
    await this.run('setDeadline', () => (at === null ? this.redis.zrem(key, roomId) : this.redis.zadd(key, at, roomId)));
  }

  async dueDeadlines(now: number, limit: number): Promise<string[]> {
    return this.run('dueDeadlines', () => this.redis.zrangebyscore(`${this.prefix}deadlines`, '-inf', now, 'LIMIT', 0, limit));
  }

  async ping(): Promise<boolean> {
    try {
      return (await this.redis.ping()) === 'PONG';
    } catch {
      // Down is an answer here, not an error: health checks ask exactly this.
      return false;
    }
  }

  get healthy(): boolean {
    return this.healthWatch.health.healthy;
  }

  onHealthChange(listener: (healthy: boolean) => void): () => void {
    return this.healthWatch.health.onChange(listener);
  }

  async close(): Promise<void> {
    this.healthWatch.stop();
    await Promise.all([this.subscriber?.close(), closeConnection(this.redis)]);
    this.subscriber = null;
  }

  /** The subscriber-mode connection, opened on first use (a plain store user never needs it). */
  private subscriberConnection(): RedisSubscriber {
    if (!this.subscriber) {
      // A Cluster copy needs `shardedSubscribers` for SSUBSCRIBE; only the copy gets it, so
      // the command client opens no idle subscriber connections.
      const redis = this.redis as Redis | Cluster;
      this.subscriber = new RedisSubscriber(() => {
        const connection = redis instanceof Cluster ? redis.duplicate([], { shardedSubscribers: true }) : (redis as Redis).duplicate();
        connection.on('error', () => undefined);
        return connection;
      });
    }
    return this.subscriber;
  }

  /** Runs a Redis call; any Redis or connection error becomes `unavailable` (outcome unknown). */
  private async run<T>(operation: string, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      this.healthWatch.callFailed(error);
      throw unavailable(operation, error);
    }
  }

  /** Best effort: if this fails too, the reservation still expires with its TTL. */
  private async releaseJoinCode(codeKey: string, roomId: string): Promise<void> {
    await this.redis.drDeleteIfEquals(codeKey, roomId).catch(() => undefined);
  }

  private key(roomId: string, part: 'meta' | 'log' | 'cmds' | 'snap' | 'docs'): string {
    return `${this.prefix}{room:${roomId}}:${part}`;
  }

  private roomKeys(roomId: string): [string, string, string, string] {
    return [this.key(roomId, 'meta'), this.key(roomId, 'log'), this.key(roomId, 'cmds'), this.key(roomId, 'snap')];
  }

  private channel(roomId: string): string {
    return `${this.prefix}{room:${roomId}}:events`;
  }

  private joinCodeKey(joinCode: string): string {
    return `${this.prefix}joincode:{${joinCode}}`;
  }
}

function unavailable(operation: string, error: unknown): RoomError {
  if (error instanceof RoomError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  const roomError = new RoomError('unavailable', `redis ${operation} failed: ${detail}`);
  roomError.cause = error;
  return roomError;
}

function toAppendResult(reason: string, version: number | undefined): AppendResult {
  switch (reason) {
    case 'ok':
      return { ok: true, version: Number(version) };
    case 'duplicate':
      return { ok: false, reason: 'duplicate', version: Number(version) };
    case 'version_conflict':
      return { ok: false, reason: 'version_conflict', currentVersion: Number(version) };
    case 'not_found':
      return { ok: false, reason: 'not_found' };
    default:
      throw new RoomError('unavailable', `unexpected append script reply: ${reason}`);
  }
}

function metaToArgs(meta: RoomMeta): string[] {
  return [
    'roomId', meta.roomId,
    'joinCode', meta.joinCode,
    'moderatorKeyHash', meta.moderatorKeyHash,
    'displayKeyHash', meta.displayKeyHash,
    'createdAt', String(meta.createdAt),
    ...(meta.facilitatorSecret ? ['facilitatorSecret', meta.facilitatorSecret] : []),
  ];
}

function argsToMeta(hash: Record<string, string>): RoomMeta {
  return {
    roomId: hash.roomId ?? '',
    joinCode: hash.joinCode ?? '',
    moderatorKeyHash: hash.moderatorKeyHash ?? '',
    displayKeyHash: hash.displayKeyHash ?? '',
    createdAt: Number(hash.createdAt),
    ...(hash.facilitatorSecret !== undefined && { facilitatorSecret: hash.facilitatorSecret }),
  };
}
