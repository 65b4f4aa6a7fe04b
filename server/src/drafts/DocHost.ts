import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import * as decoding from 'lib0/decoding';
import { errorFields, log } from '../log.ts';
import { lastSeqOf, type DocNotice, type DocStore, type StoredDoc } from '../store/DocStore.ts';
import { encodeAwareness, encodeSyncStep1, encodeSyncStep2, encodeUpdate } from './yMessages.ts';

/** One connection as the document sees it. */
export interface DocPeer {
  /** Unique across nodes: notices carry it, so a writer is not sent its own update back. */
  readonly origin: string;
  send(message: Uint8Array): void;
}

export interface DocLimits {
  maxDocumentBytes: number;
  compactAfterUpdates: number;
  compactAfterBytes: number;
  /** Awareness renewals (same state, newer clock) are batched this long; changes go at once. */
  renewalFlushMs: number;
}

export type WriteResult = 'ok' | 'full';

/**
 * A draft as one node serves it: the document in memory, its peers on this node, and
 * the store's feed. Updates from peers are stored first; the store's publish is the only
 * way they come back in, here and on every other node, in sequence order, so every node
 * applies and fans out the same updates the same way. A gap in the sequence (a lost
 * publish) is filled from the store before going on.
 */
export class DocHost {
  readonly doc = new Y.Doc();
  readonly awareness = new Awareness(this.doc);
  private readonly peers = new Set<DocPeer>();
  private unsubscribe: (() => Promise<void>) | null = null;
  private lastSeq = -1;
  private firstSeq = 0;
  private bytes = 0;
  private snapshotBytes = 0;
  /** Sequence numbers whose bytes `write` counted before the feed delivered them. */
  private readonly counted = new Set<number>();
  private catchUp: Promise<void> | null = null;
  /** A notice arrived while catching up: it may lie beyond what that read saw. */
  private gapAgain = false;
  private compacting: Promise<void> | null = null;
  private renewals = new Set<number>();
  private renewalTimer: NodeJS.Timeout | null = null;
  private closed = false;

  private constructor(
    private readonly store: DocStore,
    readonly roomId: string,
    readonly name: string,
    private readonly limits: DocLimits,
  ) {
    this.awareness.setLocalState(null);
  }

  /** Subscribes first, then loads: nothing appended in between can be missed. */
  static async open(store: DocStore, roomId: string, name: string, limits: DocLimits): Promise<DocHost> {
    const host = new DocHost(store, roomId, name, limits);
    const queued: DocNotice[] = [];
    let loaded = false;
    host.unsubscribe = await store.subscribe(roomId, name, (n) => (loaded ? host.onNotice(n) : queued.push(n)));
    try {
      host.applyStored(await store.load(roomId, name));
    } catch (error) {
      await host.close();
      throw error;
    }
    loaded = true;
    for (const n of queued) host.onNotice(n);
    return host;
  }

  /** Starts the sync: our state vector (the client answers with what we miss) and our whole state. */
  addPeer(peer: DocPeer): void {
    this.peers.add(peer);
    peer.send(encodeSyncStep1(this.doc));
    peer.send(encodeSyncStep2(this.doc));
    if (this.awareness.getStates().size > 0) peer.send(encodeAwareness(encodeAwarenessUpdate(this.awareness, [...this.awareness.getStates().keys()])));
  }

  /** The peer left: its cursors leave with it, on every node. */
  removePeer(peer: DocPeer, awarenessClients: Iterable<number>): void {
    this.peers.delete(peer);
    const gone = [...awarenessClients].filter((id) => this.awareness.getStates().has(id));
    if (gone.length === 0 || this.closed) return;
    removeAwarenessStates(this.awareness, gone, 'disconnect');
    this.publishAwareness(encodeAwarenessUpdate(this.awareness, gone), peer.origin);
  }

  /** A client's sync step 1: what it misses, from our copy. */
  answerSyncStep1(peer: DocPeer, stateVector: Uint8Array): void {
    peer.send(encodeSyncStep2(this.doc, stateVector));
  }

  /** Everyone's cursors, for a client that asks. */
  answerAwarenessQuery(peer: DocPeer): void {
    const ids = [...this.awareness.getStates().keys()];
    if (ids.length > 0) peer.send(encodeAwareness(encodeAwarenessUpdate(this.awareness, ids)));
  }

  /**
   * Stores a writer's update; it reaches every peer (here and elsewhere) through the
   * store's feed. 'full' when the document would outgrow its limit even after compaction.
   */
  async write(peer: DocPeer, update: Uint8Array): Promise<WriteResult> {
    if (this.bytes + update.byteLength > this.limits.maxDocumentBytes) {
      await this.compact();
      if (this.bytes + update.byteLength > this.limits.maxDocumentBytes) return 'full';
    }
    const seq = await this.store.appendUpdate(this.roomId, this.name, update, peer.origin);
    // Count the bytes now, not when the feed brings the update back: the next write's size
    // check must see this one. Whoever comes second (feed or here) does not count it again.
    if (seq > this.lastSeq) {
      this.bytes += update.byteLength;
      this.counted.add(seq);
    }
    const pending = seq - this.firstSeq + 1;
    if (pending >= this.limits.compactAfterUpdates || this.bytes - this.snapshotBytes >= this.limits.compactAfterBytes) void this.compact();
    return 'ok';
  }

  /** A writer's awareness, for every node (not stored). */
  publishAwareness(update: Uint8Array, origin: string): void {
    this.store.publishAwareness(this.roomId, this.name, update, origin).catch((error) => log.debug('awareness publish failed', { roomId: this.roomId, ...errorFields(error) }));
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.renewalTimer) clearTimeout(this.renewalTimer);
    this.awareness.destroy();
    await this.compacting?.catch(() => undefined);
    await this.unsubscribe?.().catch(() => undefined);
    this.unsubscribe = null;
    this.doc.destroy();
  }

  private onNotice(notice: DocNotice): void {
    if (this.closed) return;
    if (notice.kind === 'awareness') return this.onAwareness(notice.update, notice.origin);
    if (notice.kind === 'resync' || this.catchUp) return void this.fillGap();
    if (notice.seq <= this.lastSeq) return;
    if (notice.seq > this.lastSeq + 1) return void this.fillGap();
    this.lastSeq = notice.seq;
    if (!this.counted.delete(notice.seq)) this.bytes += notice.update.byteLength;
    this.applyAndFanOut(notice.update, notice.origin);
  }

  private applyAndFanOut(update: Uint8Array, origin: string | null): void {
    try {
      Y.applyUpdate(this.doc, update, 'store');
    } catch (error) {
      // Updates were fully decoded before they were stored; this would be a Yjs bug.
      log.error('stored draft update failed to apply', { roomId: this.roomId, doc: this.name, ...errorFields(error) });
      return;
    }
    const message = encodeUpdate(update);
    for (const peer of this.peers) if (peer.origin !== origin) peer.send(message);
  }

  /** Reads what the feed skipped, once at a time; notices arriving meanwhile are covered by the read or the next round. */
  private fillGap(): Promise<void> {
    if (this.catchUp) {
      this.gapAgain = true;
      return this.catchUp;
    }
    this.catchUp = (async () => {
      try {
        const before = Y.encodeStateVector(this.doc);
        const since = await this.store.readSince(this.roomId, this.name, this.lastSeq);
        if (since === null) this.applyStored(await this.store.load(this.roomId, this.name));
        else {
          for (const u of since) {
            Y.applyUpdate(this.doc, u, 'store');
            this.lastSeq++;
            if (!this.counted.delete(this.lastSeq)) this.bytes += u.byteLength;
          }
        }
        const missed = Y.encodeStateAsUpdate(this.doc, before);
        for (const peer of this.peers) peer.send(encodeUpdate(missed));
      } catch (error) {
        log.warn('draft catch-up failed; retrying', { roomId: this.roomId, doc: this.name, ...errorFields(error) });
        setTimeout(() => !this.closed && void this.fillGap(), 1_000).unref();
      } finally {
        this.catchUp = null;
        if (this.gapAgain && !this.closed) {
          this.gapAgain = false;
          void this.fillGap();
        }
      }
    })();
    return this.catchUp;
  }

  private applyStored(stored: StoredDoc): void {
    applyEach(this.doc, stored, (error) => log.error('stored draft update skipped', { roomId: this.roomId, doc: this.name, ...errorFields(error) }));
    this.lastSeq = Math.max(this.lastSeq, lastSeqOf(stored));
    this.firstSeq = stored.firstSeq;
    this.bytes = stored.bytes;
    for (const seq of this.counted) if (seq <= this.lastSeq) this.counted.delete(seq);
    this.snapshotBytes = stored.snapshot?.byteLength ?? 0;
  }

  /**
   * Merges the stored snapshot and updates into one snapshot, in the background. The
   * merge is computed from the store, not from this node's copy, so it holds exactly the
   * updates it replaces; another node's compaction in between makes ours a no-op.
   */
  private compact(): Promise<void> {
    if (this.compacting) return this.compacting;
    this.compacting = (async () => {
      try {
        const stored = await this.store.load(this.roomId, this.name);
        if (stored.updates.length === 0) return;
        const merged = mergeStored(stored);
        const done = await this.store.compact(this.roomId, this.name, merged, stored.firstSeq, lastSeqOf(stored));
        const later = this.bytes - stored.bytes;
        this.firstSeq = done ? lastSeqOf(stored) + 1 : stored.firstSeq;
        this.snapshotBytes = done ? merged.byteLength : (stored.snapshot?.byteLength ?? 0);
        this.bytes = (done ? merged.byteLength : stored.bytes) + Math.max(0, later);
      } catch (error) {
        log.warn('draft compaction failed', { roomId: this.roomId, doc: this.name, ...errorFields(error) });
      } finally {
        this.compacting = null;
      }
    })();
    return this.compacting;
  }

  /**
   * Cursor moves go out at once; renewals (the same state with a newer clock, sent by
   * every client every 15 s) are batched into one message per peer per flush.
   */
  private onAwareness(update: Uint8Array, origin: string): void {
    let renewal: number[] | null = [];
    try {
      const decoder = decoding.createDecoder(update);
      const count = decoding.readVarUint(decoder);
      for (let i = 0; i < count; i++) {
        const client = decoding.readVarUint(decoder);
        decoding.readVarUint(decoder);
        const state = decoding.readVarString(decoder);
        const current = this.awareness.getStates().get(client);
        if (renewal && state !== 'null' && current !== undefined && JSON.stringify(current) === state) renewal.push(client);
        else renewal = null;
      }
      applyAwarenessUpdate(this.awareness, update, origin);
    } catch (error) {
      log.debug('awareness update ignored', { roomId: this.roomId, ...errorFields(error) });
      return;
    }
    if (renewal && renewal.length > 0) {
      for (const id of renewal) this.renewals.add(id);
      this.renewalTimer ??= setTimeout(() => this.flushRenewals(), this.limits.renewalFlushMs);
      return;
    }
    const message = encodeAwareness(update);
    for (const peer of this.peers) if (peer.origin !== origin) peer.send(message);
  }

  private flushRenewals(): void {
    this.renewalTimer = null;
    const ids = [...this.renewals].filter((id) => this.awareness.getStates().has(id));
    this.renewals.clear();
    if (ids.length === 0 || this.closed) return;
    const message = encodeAwareness(encodeAwarenessUpdate(this.awareness, ids));
    for (const peer of this.peers) peer.send(message);
  }
}

/** Snapshot and updates as one garbage-collected update. */
export function mergeStored(stored: StoredDoc): Uint8Array {
  const doc = new Y.Doc();
  try {
    applyEach(doc, stored, () => undefined);
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

/**
 * Applies snapshot and updates one by one: an update that Yjs cannot integrate (it was
 * fully decoded before it was stored, so this would be a Yjs bug) is skipped rather than
 * making the whole document unloadable.
 */
function applyEach(doc: Y.Doc, stored: StoredDoc, onError: (error: unknown) => void): void {
  for (const u of stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates) {
    try {
      Y.applyUpdate(doc, u, 'store');
    } catch (error) {
      onError(error);
    }
  }
}
