import { draftRoomName, type DraftRef } from '@dr/shared';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as auth from 'y-protocols/auth';
import { messageAuth, WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { CaretUser } from './caretUser.ts';
import { closeProblem, deniedProblem, draftDbName, draftServerUrl, draftStatus, isFinalClose, isFinalProblem, type DraftProblem, type DraftStatus } from './draftConnection.ts';

/** What views read about one draft's connection. Immutable: a new object on every change. */
export interface DraftSessionState {
  status: DraftStatus;
  /** The server's copy has been merged in since the last (re)connect. */
  synced: boolean;
  /** This device's saved copy is loaded (or there is none). */
  localLoaded: boolean;
  problem: DraftProblem | null;
}

export interface DraftSessionOptions {
  roomId: string;
  /** The page's secret: moderator or display key, participant token or facilitator key. */
  key: string;
  draft: DraftRef;
  /** Tests: where the Yjs endpoint is (default: this page's origin) and a fake socket. */
  serverUrl?: string;
  WebSocket?: typeof WebSocket;
}

/** Cap on y-websocket's backoff: a hall of phones must not hammer a restarting server. */
const MAX_BACKOFF_MS = 30_000;
/**
 * Ask for the server's state this often. Readers publish no awareness, so without it a
 * quiet document sends them nothing and y-websocket's 30 s silence watchdog would drop them.
 */
const RESYNC_MS = 20_000;
const hasWindow = typeof window !== 'undefined';

function openPersistence(name: string, doc: Y.Doc): IndexeddbPersistence | null {
  // Private modes without IndexedDB: the draft still works, it just does not survive a reload offline.
  if (typeof indexedDB === 'undefined') return null;
  try {
    return new IndexeddbPersistence(name, doc);
  } catch {
    return null;
  }
}

/**
 * One draft on this device: its Yjs document, the copy kept in IndexedDB (so a phone that
 * loses the network keeps what it typed and sends it when back) and the websocket to the server.
 */
export class DraftSession {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  private readonly persistence: IndexeddbPersistence | null;
  private snap: DraftSessionState;
  private readonly listeners = new Set<() => void>();
  private everFailed = false;

  constructor(options: DraftSessionOptions) {
    this.persistence = openPersistence(draftDbName(options.roomId, options.draft), this.doc);
    this.snap = { status: 'connecting', synced: false, localLoaded: this.persistence === null, problem: null };
    this.provider = new WebsocketProvider(options.serverUrl ?? draftServerUrl(window.location), draftRoomName(options.roomId, options.draft), this.doc, {
      connect: false,
      ...(options.WebSocket ? { WebSocketPolyfill: options.WebSocket } : {}),
      params: { key: options.key },
      // The server is the only path between copies, so its access check sees every update.
      disableBc: true,
      maxBackoffTime: MAX_BACKOFF_MS,
      resyncInterval: RESYNC_MS,
      // y-websocket's default gives up on every 44xx; a flood (4429) or an oversized update
      // (4413) is worth another try after the backoff.
      shouldReconnect: (event) => !isFinalClose(event.code),
    });
    // y-protocols starts everyone with an empty state; readers must appear nowhere.
    this.provider.awareness.setLocalState(null);
    this.provider.messageHandlers[messageAuth] = (_encoder, decoder, provider) =>
      auth.readAuthMessage(decoder, provider.doc, (_doc, reason) => this.set({ problem: deniedProblem(reason) }));
    this.provider.on('status', this.onStatus);
    this.provider.on('sync', this.onSync);
    this.provider.on('connection-close', this.onClose);
    void this.persistence?.whenSynced.then(() => this.set({ localLoaded: true }));
    if (hasWindow) {
      window.addEventListener('online', this.onBrowserOnline);
      window.addEventListener('offline', this.onBrowserOffline);
    }
    this.provider.connect();
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): DraftSessionState => this.snap;

  /** Publishes this person's caret (a writer) or nothing at all (null: a reader). */
  setUser(user: CaretUser | null): void {
    const awareness = this.provider.awareness;
    const current = awareness.getLocalState();
    if (user === null) {
      if (current !== null) awareness.setLocalState(null);
      return;
    }
    const was = current?.user as CaretUser | undefined;
    if (was && was.name === user.name && was.color === user.color && was.role === user.role) return;
    // Keep the caret position the editor already published.
    awareness.setLocalState({ ...(current ?? {}), user });
  }

  /** Resolves once the server's copy is merged in; rejects on a final refusal or after `timeoutMs`. */
  whenSynced(timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (this.snap.synced) return done(null);
        if (this.snap.problem && this.isFinal()) done(new Error(this.snap.problem));
      };
      const timer = setTimeout(() => done(new Error('timeout')), timeoutMs);
      const unsubscribe = this.subscribe(check);
      function done(error: Error | null) {
        clearTimeout(timer);
        unsubscribe();
        if (error) reject(error);
        else resolve();
      }
      check();
    });
  }

  destroy(): void {
    if (hasWindow) {
      window.removeEventListener('online', this.onBrowserOnline);
      window.removeEventListener('offline', this.onBrowserOffline);
    }
    this.listeners.clear();
    // Tell the others our caret is gone now rather than after their 30 s timeout.
    this.provider.awareness.setLocalState(null);
    this.provider.destroy();
    void this.persistence?.destroy();
    this.doc.destroy();
  }

  private set(patch: Partial<DraftSessionState>): void {
    this.snap = { ...this.snap, ...patch };
    for (const l of this.listeners) l();
  }

  private isFinal(): boolean {
    return isFinalProblem(this.snap.problem);
  }

  private refreshStatus(): void {
    const status = draftStatus(this.provider.wsconnected, this.everFailed, !hasWindow || navigator.onLine !== false);
    if (status !== this.snap.status) this.set({ status });
  }

  private onStatus = ({ status }: { status: 'connected' | 'disconnected' | 'connecting' }): void => {
    // A refusal from the last connection may no longer hold (moved tables, space freed).
    if (status === 'connected' && this.snap.problem && !this.isFinal()) this.set({ problem: null });
    this.refreshStatus();
  };

  private onSync = (synced: boolean): void => {
    if (synced !== this.snap.synced) this.set({ synced });
  };

  private onClose = (event: CloseEvent | null): void => {
    // null: we closed it ourselves (destroy, or y-websocket's silence watchdog).
    if (event) this.everFailed = true;
    const problem = event ? closeProblem(event.code) : null;
    if (event && isFinalClose(event.code)) {
      // Also stops the retry that y-websocket already scheduled before this event.
      this.provider.shouldConnect = false;
      // The room or table is gone: what this device kept can never be sent anywhere.
      if (problem === 'room-deleted' || problem === 'unknown-document') void this.persistence?.clearData();
    }
    if (problem) this.set({ problem });
    this.refreshStatus();
  };

  private onBrowserOnline = (): void => {
    // Back on the network: try now instead of waiting out the backoff.
    if (!this.isFinal() && !this.provider.wsconnected) this.provider.connect();
    this.refreshStatus();
  };

  private onBrowserOffline = (): void => this.refreshStatus();
}
