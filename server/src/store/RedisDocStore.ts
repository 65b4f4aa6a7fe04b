import type { Redis } from 'ioredis';
import { RoomError } from '@dr/shared';
import type { DocNotice, DocStore, DocVersion, DocVersionInfo, StoredDoc } from './DocStore.ts';
import type { RedisSubscriber } from './RedisSubscriber.ts';
import { APPEND_DOC_LUA, COMPACT_DOC_LUA, LOAD_DOC_LUA, SAVE_VERSION_LUA } from './redisDocScripts.ts';
import { guardListener, type ListenerErrorHandler } from './storeUtil.ts';

interface ScriptedRedis extends Redis {
  drAppendDoc(...args: (string | number | Buffer | Uint8Array)[]): Promise<number>;
  drLoadDocBuffer(...args: string[]): Promise<[number, Buffer, ...Buffer[]]>;
  drCompactDoc(...args: (string | number | Buffer | Uint8Array)[]): Promise<number>;
  drSaveVersion(...args: (string | number | Buffer | Uint8Array)[]): Promise<number>;
}

export interface RedisDocStoreOptions {
  prefix: string;
  ttlMs: number;
  onListenerError: ListenerErrorHandler;
  /** Runs a Redis call, turning connection errors into `RoomError('unavailable')`. */
  run<T>(operation: string, call: () => Promise<T>): Promise<T>;
  subscriber(): RedisSubscriber;
}

/**
 * The drafts on Redis, in each room's key space (see `redisDocScripts.ts`). Shares the
 * room store's connections: one command connection, one subscriber connection per node.
 */
export class RedisDocStore implements DocStore {
  private readonly redis: ScriptedRedis;

  constructor(
    redis: Redis,
    private readonly options: RedisDocStoreOptions,
  ) {
    redis.defineCommand('drAppendDoc', { numberOfKeys: 7, lua: APPEND_DOC_LUA });
    redis.defineCommand('drLoadDoc', { numberOfKeys: 2, lua: LOAD_DOC_LUA });
    redis.defineCommand('drCompactDoc', { numberOfKeys: 2, lua: COMPACT_DOC_LUA });
    redis.defineCommand('drSaveVersion', { numberOfKeys: 4, lua: SAVE_VERSION_LUA });
    this.redis = redis as ScriptedRedis;
  }

  async appendUpdate(roomId: string, doc: string, update: Uint8Array, origin: string): Promise<number> {
    const seq = await this.options.run('appendUpdate', () =>
      this.redis.drAppendDoc(
        ...this.roomKeys(roomId),
        this.docKey(roomId, doc, 'log'),
        this.docKey(roomId, doc, 'meta'),
        Buffer.from(update.buffer, update.byteOffset, update.byteLength),
        origin,
        this.channel(roomId, doc),
        doc,
        this.options.ttlMs,
      ),
    );
    if (seq < 0) throw new RoomError('not_found', `room ${roomId} not found`);
    return seq;
  }

  async load(roomId: string, doc: string): Promise<StoredDoc> {
    const [first, snap, ...updates] = await this.options.run('loadDoc', () =>
      this.redis.drLoadDocBuffer(this.docKey(roomId, doc, 'log'), this.docKey(roomId, doc, 'meta')),
    );
    const snapshot = snap.length > 0 ? new Uint8Array(snap) : null;
    const bytes = (snapshot?.byteLength ?? 0) + updates.reduce((n, u) => n + u.byteLength, 0);
    return { snapshot, updates: updates.map((u) => new Uint8Array(u)), firstSeq: Number(first), bytes };
  }

  async readSince(roomId: string, doc: string, seq: number): Promise<Uint8Array[] | null> {
    // Head and range in one MULTI, so a compaction in between cannot shift the indexes.
    const replies = await this.options.run('readSince', () =>
      this.redis
        .multi()
        .hget(this.docKey(roomId, doc, 'meta'), 'first')
        .lrangeBuffer(this.docKey(roomId, doc, 'log'), 0, -1)
        .exec(),
    );
    const first = Number(replies?.[0]?.[1] ?? 0);
    const list = (replies?.[1]?.[1] ?? []) as Buffer[];
    if (seq + 1 < first) return null;
    return list.slice(seq + 1 - first).map((u) => new Uint8Array(u));
  }

  async compact(roomId: string, doc: string, snapshot: Uint8Array, firstSeq: number, throughSeq: number): Promise<boolean> {
    const done = await this.options.run('compactDoc', () =>
      this.redis.drCompactDoc(this.docKey(roomId, doc, 'log'), this.docKey(roomId, doc, 'meta'), Buffer.from(snapshot), firstSeq, throughSeq),
    );
    return done === 1;
  }

  async publishAwareness(roomId: string, doc: string, update: Uint8Array, origin: string): Promise<void> {
    const payload = Buffer.concat([Buffer.from(`a ${origin} `), Buffer.from(update)]);
    await this.options.run('publishAwareness', () => this.redis.spublish(this.channel(roomId, doc), payload));
  }

  async subscribe(roomId: string, doc: string, listener: (notice: DocNotice) => void): Promise<() => Promise<void>> {
    const guarded = guardListener<DocNotice>(roomId, listener, this.options.onListenerError);
    const channelListener = {
      message: (payload: Buffer) => {
        const notice = decodeDocMessage(payload);
        if (notice) guarded(notice);
      },
      resync: () => guarded({ kind: 'resync' }),
    };
    return this.options.run('subscribeDoc', () => this.options.subscriber().add(this.channel(roomId, doc), channelListener));
  }

  async saveVersion(roomId: string, doc: string, version: DocVersion, keep: number): Promise<void> {
    const { state, ...info } = version;
    const saved = await this.options.run('saveVersion', () =>
      this.redis.drSaveVersion(
        this.roomKeys(roomId)[0],
        this.roomKeys(roomId)[4],
        this.docKey(roomId, doc, 'ver'),
        this.docKey(roomId, doc, 'verdata'),
        info.id,
        JSON.stringify(info),
        Buffer.from(state),
        keep,
        info.createdAt,
        doc,
        this.options.ttlMs,
      ),
    );
    if (saved < 0) throw new RoomError('not_found', `room ${roomId} not found`);
  }

  async listVersions(roomId: string, doc: string): Promise<DocVersionInfo[]> {
    const all = await this.options.run('listVersions', () => this.redis.hvals(this.docKey(roomId, doc, 'ver')));
    return all.map((json) => JSON.parse(json) as DocVersionInfo).sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  }

  async getVersion(roomId: string, doc: string, versionId: string): Promise<DocVersion | null> {
    const [info, state] = await this.options.run('getVersion', () =>
      Promise.all([this.redis.hget(this.docKey(roomId, doc, 'ver'), versionId), this.redis.hgetBuffer(this.docKey(roomId, doc, 'verdata'), versionId)]),
    );
    if (info === null || state === null) return null;
    return { ...(JSON.parse(info) as DocVersionInfo), state: new Uint8Array(state) };
  }

  /** Room meta, log, cmds, snap and docs set: a draft edit keeps its whole room alive. */
  private roomKeys(roomId: string): [string, string, string, string, string] {
    const k = (part: string) => `${this.options.prefix}{room:${roomId}}:${part}`;
    return [k('meta'), k('log'), k('cmds'), k('snap'), k('docs')];
  }

  /** Must match `docKey` in `redisDocScripts.ts`. */
  private docKey(roomId: string, doc: string, part: 'log' | 'meta' | 'ver' | 'verdata'): string {
    return `${this.options.prefix}{room:${roomId}}:doc:${doc}:${part}`;
  }

  private channel(roomId: string, doc: string): string {
    return `${this.options.prefix}{room:${roomId}}:doc:${doc}`;
  }
}

/** `u<seq> <origin> <update>` or `a <origin> <update>`; anything else is ignored. */
export function decodeDocMessage(payload: Buffer): DocNotice | null {
  const firstSpace = payload.indexOf(0x20);
  const secondSpace = firstSpace < 0 ? -1 : payload.indexOf(0x20, firstSpace + 1);
  if (secondSpace < 0) return null;
  const head = payload.subarray(0, firstSpace).toString();
  const origin = payload.subarray(firstSpace + 1, secondSpace).toString();
  const update = new Uint8Array(payload.subarray(secondSpace + 1));
  if (head === 'a') return { kind: 'awareness', update, origin };
  if (head.startsWith('u')) return { kind: 'update', seq: Number(head.slice(1)), update, origin };
  return null;
}
