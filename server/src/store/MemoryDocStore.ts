import { RoomError } from '@dr/shared';
import type { DocNotice, DocStore, DocVersion, DocVersionInfo, StoredDoc } from './DocStore.ts';
import type { MemoryDoc, MemoryRoom, MemoryRoomDatabase } from './MemoryRoomDatabase.ts';
import { guardListener, type ListenerErrorHandler } from './storeUtil.ts';

export interface MemoryDocStoreOptions {
  ttlMs: number;
  onListenerError: ListenerErrorHandler;
  /** The live room (lazy expiry); throws once the store is closed. */
  room(roomId: string): MemoryRoom | undefined;
}

const channelOf = (roomId: string, doc: string) => `${roomId}|doc|${doc}`;
const copy = (bytes: Uint8Array) => new Uint8Array(bytes);

/**
 * The drafts in process memory, with the Redis store's semantics: append and publish
 * together, compaction that keeps concurrent appends, notices delivered asynchronously in
 * order. Drafts live inside their room, so deleting or expiring the room drops them.
 */
export class MemoryDocStore implements DocStore {
  private readonly subscriptions = new Set<{ channel: string; listener: (n: DocNotice) => void }>();

  constructor(
    private readonly database: MemoryRoomDatabase,
    private readonly options: MemoryDocStoreOptions,
  ) {}

  async appendUpdate(roomId: string, doc: string, update: Uint8Array, origin: string): Promise<number> {
    const room = this.options.room(roomId);
    if (!room) throw new RoomError('not_found', `room ${roomId} not found`);
    const d = docOf(room, doc);
    d.updates.push(copy(update));
    room.expiresAt = Date.now() + this.options.ttlMs;
    const seq = d.firstSeq + d.updates.length - 1;
    this.database.publish(channelOf(roomId, doc), { kind: 'update', seq, update: copy(update), origin });
    return seq;
  }

  async load(roomId: string, doc: string): Promise<StoredDoc> {
    const d = this.options.room(roomId)?.docs.get(doc);
    if (!d) return { snapshot: null, updates: [], firstSeq: 0, bytes: 0 };
    const bytes = (d.snapshot?.byteLength ?? 0) + d.updates.reduce((n, u) => n + u.byteLength, 0);
    return { snapshot: d.snapshot && copy(d.snapshot), updates: d.updates.map(copy), firstSeq: d.firstSeq, bytes };
  }

  async readSince(roomId: string, doc: string, seq: number): Promise<Uint8Array[] | null> {
    const d = this.options.room(roomId)?.docs.get(doc);
    if (!d) return seq + 1 < 0 ? null : [];
    if (seq + 1 < d.firstSeq) return null;
    return d.updates.slice(seq + 1 - d.firstSeq).map(copy);
  }

  async compact(roomId: string, doc: string, snapshot: Uint8Array, firstSeq: number, throughSeq: number): Promise<boolean> {
    const d = this.options.room(roomId)?.docs.get(doc);
    const drop = throughSeq - firstSeq + 1;
    if (!d || d.firstSeq !== firstSeq || drop <= 0 || d.updates.length < drop) return false;
    d.updates = d.updates.slice(drop);
    d.snapshot = copy(snapshot);
    d.firstSeq = throughSeq + 1;
    return true;
  }

  async publishAwareness(roomId: string, doc: string, update: Uint8Array, origin: string): Promise<void> {
    this.options.room(roomId);
    this.database.publish(channelOf(roomId, doc), { kind: 'awareness', update: copy(update), origin });
  }

  async subscribe(roomId: string, doc: string, listener: (notice: DocNotice) => void): Promise<() => Promise<void>> {
    this.options.room(roomId);
    const entry = { channel: channelOf(roomId, doc), listener: guardListener<DocNotice>(roomId, listener, this.options.onListenerError) };
    this.subscriptions.add(entry);
    this.database.subscribe(entry.channel, entry.listener);
    return async () => {
      this.subscriptions.delete(entry);
      this.database.unsubscribe(entry.channel, entry.listener);
    };
  }

  async saveVersion(roomId: string, doc: string, version: DocVersion, keep: number): Promise<void> {
    const room = this.options.room(roomId);
    if (!room) throw new RoomError('not_found', `room ${roomId} not found`);
    const versions = docOf(room, doc).versions;
    versions.set(version.id, { ...version, state: copy(version.state) });
    const oldestFirst = [...versions.values()].sort((a, b) => a.createdAt - b.createdAt);
    for (const old of oldestFirst.slice(0, Math.max(0, versions.size - keep))) versions.delete(old.id);
  }

  async listVersions(roomId: string, doc: string): Promise<DocVersionInfo[]> {
    const versions = this.options.room(roomId)?.docs.get(doc)?.versions;
    if (!versions) return [];
    return [...versions.values()].map(({ state: _, ...info }) => info).sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  }

  async getVersion(roomId: string, doc: string, versionId: string): Promise<DocVersion | null> {
    const v = this.options.room(roomId)?.docs.get(doc)?.versions.get(versionId);
    return v ? { ...v, state: copy(v.state) } : null;
  }

  /** Drops this handle's subscriptions, as a closed Redis connection would. */
  close(): void {
    for (const { channel, listener } of this.subscriptions) this.database.unsubscribe(channel, listener);
    this.subscriptions.clear();
  }
}

function docOf(room: MemoryRoom, name: string): MemoryDoc {
  let d = room.docs.get(name);
  if (!d) room.docs.set(name, (d = { snapshot: null, updates: [], firstSeq: 0, versions: new Map() }));
  return d;
}
