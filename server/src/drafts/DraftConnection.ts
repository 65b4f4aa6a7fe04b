import type { WebSocket } from 'ws';
import { DRAFT_CLOSE, DRAFT_FULL_REASON, DRAFT_READ_ONLY_REASON, RoomError, draftAccess, draftKey, type Actor, type DraftAccess, type DraftCloseReason, type DraftRef } from '@dr/shared';
import { errorFields, log } from '../log.ts';
import { identify } from '../rooms/identify.ts';
import type { RoomHost } from '../rooms/RoomHost.ts';
import type { RoomRegistry } from '../rooms/RoomRegistry.ts';
import { TokenBucket } from '../security/TokenBucket.ts';
import type { DocHost, DocPeer } from './DocHost.ts';
import type { DocRegistry } from './DocRegistry.ts';
import { wouldChange } from './updateEffect.ts';
import { encodePermissionDenied, KEEPALIVE, parseClientMessage, type ClientMessage } from './yMessages.ts';

export interface DraftConnectionLimits {
  maxMessageBytes: number;
  messageBurst: number;
  messagesPerSecond: number;
  /** A client reading slower than this much buffered output is dropped. */
  maxBufferedBytes: number;
}

export interface DraftConnectionDeps {
  rooms: RoomRegistry;
  docs: DocRegistry;
  limits: DraftConnectionLimits;
}

/** Messages that may arrive while the key is being checked (the client speaks first). */
const MAX_QUEUED = 64;
/** Idle connections get a no-op message this often: y-websocket reconnects after 30 s of silence. */
const KEEPALIVE_AFTER_MS = 10_000;

/**
 * One y-websocket connection. The key is checked before anything of the document is
 * sent; afterwards every update is checked against the room's current state, so rights
 * follow seating changes at once. Read-only peers' changes are dropped and answered with
 * permission-denied; they keep receiving. Protocol violations close the socket with a
 * `DRAFT_CLOSE` code and never touch the document.
 */
export class DraftConnection implements DocPeer {
  private phase: 'authenticating' | 'open' | 'closed' = 'authenticating';
  private readonly queued: Uint8Array[] = [];
  private readonly bucket: TokenBucket;
  private readonly ownAwareness = new Set<number>();
  private room: RoomHost | null = null;
  private actor: Actor | null = null;
  private doc: DocHost | null = null;
  private writes: Promise<unknown> = Promise.resolve();
  private lastSentAt = Date.now();
  private answeredPing = true;

  constructor(
    private readonly ws: WebSocket,
    readonly roomId: string,
    private readonly draft: DraftRef,
    private readonly key: string | null,
    readonly origin: string,
    private readonly deps: DraftConnectionDeps,
    private readonly onClosed: (c: DraftConnection) => void,
  ) {
    this.bucket = new TokenBucket(deps.limits.messagesPerSecond, deps.limits.messageBurst, Date.now());
    ws.binaryType = 'nodebuffer';
    ws.on('message', (data: Buffer, isBinary: boolean) => this.onRaw(data, isBinary));
    ws.on('close', () => this.onClose());
    ws.on('error', () => undefined);
    ws.on('pong', () => void (this.answeredPing = true));
    void this.authenticate();
  }

  send(message: Uint8Array): void {
    if (this.phase !== 'open' || this.ws.readyState !== this.ws.OPEN) return;
    if (this.ws.bufferedAmount > this.deps.limits.maxBufferedBytes) {
      log.warn('draft client too slow; dropping it', { roomId: this.roomId });
      this.ws.terminate();
      return;
    }
    this.lastSentAt = Date.now();
    this.ws.send(message);
  }

  close(reason: DraftCloseReason): void {
    if (this.phase === 'closed') return;
    this.phase = 'closed';
    if (this.ws.readyState === this.ws.OPEN || this.ws.readyState === this.ws.CONNECTING) this.ws.close(DRAFT_CLOSE[reason], reason);
    this.release();
  }

  /** Called periodically by the server: keepalive, dead-peer detection, rights lost while idle. */
  tick(now: number): void {
    if (this.phase !== 'open') return;
    if (!this.answeredPing) return void this.ws.terminate();
    this.answeredPing = false;
    this.ws.ping();
    const access = this.access();
    if (access === 'unknown' || access === 'none') return this.close(this.room?.deleted ? 'room_deleted' : access === 'none' ? 'forbidden' : 'unknown_document');
    if (now - this.lastSentAt >= KEEPALIVE_AFTER_MS) this.send(KEEPALIVE);
  }

  private async authenticate(): Promise<void> {
    if (!this.key) return this.close('bad_key');
    try {
      this.room = await this.deps.rooms.acquire(this.roomId);
    } catch (error) {
      log.warn('draft auth: storage unavailable', { roomId: this.roomId, ...errorFields(error) });
      return this.close('unavailable');
    }
    if (!this.room) return this.close('bad_key');
    if (this.isClosed()) return this.release();
    this.actor = identify(this.room, this.key);
    if (!this.actor) return this.close('bad_key');
    const access = this.access();
    if (access === 'unknown') return this.close('unknown_document');
    if (access === 'none') return this.close('forbidden');
    try {
      this.doc = await this.deps.docs.acquire(this.roomId, draftKey(this.draft));
    } catch (error) {
      log.warn('draft load failed', { roomId: this.roomId, ...errorFields(error) });
      return this.close('unavailable');
    }
    if (this.isClosed()) return this.release();
    this.phase = 'open';
    this.doc.addPeer(this);
    for (const data of this.queued.splice(0)) this.handle(data);
  }

  /** The participant behind the key, once known (null for moderators, display, links). */
  get participantId(): string | null {
    return this.actor?.role === 'participant' ? this.actor.participantId : null;
  }

  /** Re-read after an await: the socket may have closed meanwhile. */
  private isClosed(): boolean {
    return this.phase === 'closed';
  }

  private access(): DraftAccess {
    if (!this.room || !this.actor || this.room.deleted) return 'unknown';
    return draftAccess(this.room.current().state, this.actor, this.draft);
  }

  private onRaw(data: Buffer, isBinary: boolean): void {
    if (this.phase === 'closed') return;
    if (!isBinary) return this.close('malformed');
    if (data.byteLength > this.deps.limits.maxMessageBytes) return this.close('too_large');
    if (!this.bucket.take(Date.now())) return this.close('flood');
    if (this.phase === 'authenticating') {
      if (this.queued.length >= MAX_QUEUED) return this.close('flood');
      this.queued.push(new Uint8Array(data));
      return;
    }
    this.handle(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  }

  private handle(data: Uint8Array): void {
    const doc = this.doc;
    if (!doc || this.phase !== 'open') return;
    let message: ClientMessage;
    try {
      message = parseClientMessage(data);
    } catch {
      return this.close('malformed');
    }
    switch (message.kind) {
      case 'sync-step1':
        return doc.answerSyncStep1(this, message.stateVector);
      case 'update':
        return this.onUpdate(doc, message.update);
      case 'awareness':
        // Read-only peers' cursors are nobody's business: not applied, not fanned out.
        if (this.access() !== 'write') return;
        for (const id of message.clients) this.ownAwareness.add(id);
        return doc.publishAwareness(message.update, this.origin);
      case 'query-awareness':
        return doc.answerAwarenessQuery(this);
      case 'ignored':
        return;
    }
  }

  private onUpdate(doc: DocHost, update: Uint8Array): void {
    const access = this.access();
    if (access === 'unknown') return this.close(this.room?.deleted ? 'room_deleted' : 'unknown_document');
    if (access === 'none') return this.close('forbidden');
    if (access === 'read') {
      if (wouldChangeSafe(doc, update)) this.send(encodePermissionDenied(DRAFT_READ_ONLY_REASON));
      return;
    }
    // One write at a time per connection: a later update never overtakes an earlier one.
    this.writes = this.writes.then(async () => {
      if (this.phase !== 'open') return;
      try {
        if ((await doc.write(this, update)) === 'full') this.send(encodePermissionDenied(DRAFT_FULL_REASON));
      } catch (error) {
        // Not stored: close, so the client reconnects and sends it again in its sync step 2.
        if (error instanceof RoomError && error.code === 'not_found') return this.close('room_deleted');
        log.warn('draft update not stored', { roomId: this.roomId, ...errorFields(error) });
        this.close('unavailable');
      }
    });
  }

  private onClose(): void {
    this.phase = 'closed';
    this.release();
    this.onClosed(this);
  }

  private release(): void {
    if (this.doc) {
      this.doc.removePeer(this, this.ownAwareness);
      this.deps.docs.release(this.roomId, draftKey(this.draft));
      this.doc = null;
    }
    if (this.room) {
      this.deps.rooms.release(this.roomId);
      this.room = null;
    }
  }
}

function wouldChangeSafe(doc: DocHost, update: Uint8Array): boolean {
  try {
    return wouldChange(doc.doc, update);
  } catch {
    return true;
  }
}
