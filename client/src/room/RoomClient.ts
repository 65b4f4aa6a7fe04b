import { io } from 'socket.io-client';
import { PROTOCOL_VERSION, type ClosedMessage, type CommandAck, type ConnectError, type Role, type RoomState, type StorageMessage, type WelcomeMessage } from '@dr/shared';
import { backoffDelayMs } from '../lib/backoff.ts';
import { CLOCK_RESYNC_MS, measureOffset } from './clockSync.ts';
import { CommandOutbox, type CommandInput } from './commandOutbox.ts';
import { foldEvents } from './eventLog.ts';
import type { EventsPayload, RoomSocket, SnapshotPayload, SyncAnswer } from './socketTypes.ts';

export type ConnectionStatus = 'connecting' | 'online' | 'reconnecting' | 'offline' | 'refused' | 'closed';
/**
 * The server's word on its storage: `down` while nothing can be saved, `back` for
 * {@link STORAGE_BACK_NOTE_MS} after it returned, `ok` otherwise (and while disconnected:
 * then the connection status is what matters, and the server says it again on connect).
 */
export type StorageStatus = 'ok' | 'down' | 'back';

/** Everything a view may read. Immutable: a new object whenever anything changes. */
export interface RoomSnapshot {
  readonly status: ConnectionStatus;
  /** Why the server refused the connection (`status === 'refused'`). */
  readonly refusal: ConnectError | null;
  readonly closedReason: ClosedMessage['reason'] | null;
  readonly role: Role | null;
  readonly participantId: string | null;
  /** The table a facilitator link runs (`role === 'facilitator'`); null otherwise. */
  readonly tableId: string | null;
  readonly publicUrl: string | null;
  /** Last applied event version; −1 before the first snapshot. */
  readonly version: number;
  readonly state: RoomState | null;
  readonly online: ReadonlySet<string>;
  /** Add to `Date.now()` to get the server's clock. */
  readonly clockOffsetMs: number;
  readonly storage: StorageStatus;
}

export interface RoomClientOptions {
  roomId: string;
  /** Moderator key, display key, participant token or a table's facilitator key. */
  key: string;
  /** Injected in tests; defaults to a same-origin socket.io connection. */
  createSocket?: (auth: Record<string, unknown>) => RoomSocket;
}

/** Refusals after which reconnecting cannot help. */
const FATAL_REFUSALS: ReadonlySet<string> = new Set(['unauthorized', 'room_not_found', 'client_too_old', 'client_too_new']);
const ACK_TIMEOUT_MS = 10_000;
const CLOCK_TIMEOUT_MS = 3_000;
/** How long "saved again" stays on screen once storage is back. */
export const STORAGE_BACK_NOTE_MS = 4_000;
/**
 * The answer to a command sent while the server says storage is down: it would only be
 * refused, and a silent retry later would surprise the person. Not sent, and said so.
 */
const STORAGE_DOWN_ACK: CommandAck = { ok: false, error: { code: 'unavailable', message: 'storage unavailable; not sent', reason: 'storage_down' } };
/** False in unit tests (node): the browser's online/visibility signals are then absent. */
const HAS_DOM = typeof window !== 'undefined' && typeof document !== 'undefined';

const INITIAL: RoomSnapshot = {
  status: 'connecting',
  refusal: null,
  closedReason: null,
  role: null,
  participantId: null,
  tableId: null,
  publicUrl: null,
  version: -1,
  state: null,
  online: new Set(),
  clockOffsetMs: 0,
  storage: 'ok',
};

function defaultSocket(auth: Record<string, unknown>): RoomSocket {
  return io({
    auth,
    // WebSocket first: one connection instead of a stream of polling requests on a
    // busy hall Wi-Fi, and no sticky sessions needed behind a load balancer. Networks
    // that block WebSockets still get in through long-polling.
    transports: ['websocket', 'polling'],
    tryAllTransports: true,
    // Capped exponential backoff with jitter: 1 s, 2 s, 4 s … ≤ 30 s, ±50 %.
    reconnectionDelay: 1000,
    reconnectionDelayMax: 30_000,
    randomizationFactor: 0.5,
    timeout: 10_000,
  });
}

/**
 * Owns one room connection: folds the server's events with the shared `apply`,
 * re-syncs after gaps and reconnects, estimates the server clock and delivers
 * commands. Views read it through `useSyncExternalStore` (see `hooks.ts`).
 */
export class RoomClient {
  private snap: RoomSnapshot = INITIAL;
  private readonly listeners = new Set<() => void>();
  private socket: RoomSocket | null = null;
  private readonly outbox: CommandOutbox;
  private syncing = false;
  /** Highest version the server announced; above ours means we still miss events. */
  private highestSeen = -1;
  private everConnected = false;
  private manualRetries = 0;
  private timers = new Set<ReturnType<typeof setTimeout>>();
  private clockTimer: ReturnType<typeof setInterval> | null = null;
  private storageBackTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly options: RoomClientOptions) {
    this.outbox = new CommandOutbox({
      connected: () => this.socket?.connected ?? false,
      emit: (cmd, cb) => this.socket!.timeout(ACK_TIMEOUT_MS).emit('command', cmd, (err: Error | null, ack: CommandAck) => cb(err, ack)),
    });
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): RoomSnapshot => this.snap;

  /** The room this client is connected to. */
  get roomId(): string {
    return this.options.roomId;
  }

  /** The secret this page joined with; the drafts' websocket presents the same one. */
  get key(): string {
    return this.options.key;
  }

  /** Server time now, by the best estimate of the offset. */
  serverNow(): number {
    return Date.now() + this.snap.clockOffsetMs;
  }

  /** Sends a command; resolves with its ack (retried with the same id when the outcome is unknown). */
  send(command: CommandInput): Promise<CommandAck> {
    if (this.snap.storage === 'down') return Promise.resolve(STORAGE_DOWN_ACK);
    return this.outbox.send(command);
  }

  start(): void {
    if (this.socket) return;
    const create = this.options.createSocket ?? defaultSocket;
    const s = create({ roomId: this.options.roomId, key: this.options.key, protocol: PROTOCOL_VERSION });
    this.socket = s;
    s.on('connect', this.onConnect);
    s.on('disconnect', this.onDisconnect);
    s.on('connect_error', this.onConnectError);
    s.on('welcome', this.onWelcome);
    s.on('snapshot', this.onSnapshot);
    s.on('events', this.onEvents);
    s.on('presence', (m) => this.set({ online: new Set(m.online) }));
    s.on('closed', (m) => this.end({ status: 'closed', closedReason: m.reason }));
    s.on('storage', this.onStorage);
    if (HAS_DOM) {
      window.addEventListener('online', this.onBrowserOnline);
      window.addEventListener('offline', this.onBrowserOffline);
      document.addEventListener('visibilitychange', this.onVisible);
    }
  }

  stop(): void {
    if (HAS_DOM) {
      window.removeEventListener('online', this.onBrowserOnline);
      window.removeEventListener('offline', this.onBrowserOffline);
      document.removeEventListener('visibilitychange', this.onVisible);
    }
    this.clearTimers();
    this.outbox.failAll();
    this.socket?.removeAllListeners();
    this.socket?.disconnect();
    this.socket = null;
  }

  private set(patch: Partial<RoomSnapshot>): void {
    this.snap = { ...this.snap, ...patch };
    for (const l of this.listeners) l();
  }

  /** Refused or closed for good: stop reconnecting and fail whatever is waiting. */
  private end(patch: Partial<RoomSnapshot>): void {
    this.set(patch);
    this.clearTimers();
    this.outbox.failAll();
    this.socket?.disconnect();
  }

  private onConnect = (): void => {
    this.everConnected = true;
    this.manualRetries = 0;
    this.set({ status: 'online', refusal: null });
    // The server also sends a snapshot on connect; asking from our version covers
    // servers that do not, and costs nothing when nothing was missed.
    if (this.snap.state) this.requestSync();
    this.outbox.flush();
    void this.syncClock();
    if (this.clockTimer === null) this.clockTimer = setInterval(() => void this.syncClock(), CLOCK_RESYNC_MS);
  };

  private onDisconnect = (reason: string): void => {
    this.outbox.disconnected();
    this.syncing = false;
    this.clearStorageBackTimer();
    if (this.snap.status === 'closed' || this.snap.status === 'refused') return;
    this.set({ status: HAS_DOM && navigator.onLine === false ? 'offline' : 'reconnecting', storage: 'ok' });
    // The server dropped us without saying why (restart, node moved): socket.io does
    // not retry on its own in that case, so we do.
    if (reason === 'io server disconnect') this.retryManually();
  };

  private onConnectError = (err: Error): void => {
    if (FATAL_REFUSALS.has(err.message)) return this.end({ status: 'refused', refusal: err.message as ConnectError });
    if (this.snap.status !== 'offline') this.set({ status: this.everConnected ? 'reconnecting' : 'connecting' });
    // A refusal from the server's middleware (e.g. `unavailable`) leaves the socket inactive.
    if (this.socket && !this.socket.active) this.retryManually();
  };

  private retryManually(): void {
    const t = setTimeout(() => {
      this.timers.delete(t);
      if (this.socket && !this.socket.connected && this.snap.status !== 'closed' && this.snap.status !== 'refused') this.socket.connect();
    }, backoffDelayMs(this.manualRetries++));
    this.timers.add(t);
  }

  private onWelcome = (m: WelcomeMessage): void => {
    // A first rough offset until the pings answer (the welcome's transit time is unknown).
    const offset = this.snap.clockOffsetMs === 0 ? m.serverNow - Date.now() : this.snap.clockOffsetMs;
    this.set({ role: m.role, participantId: m.participantId, tableId: m.tableId ?? null, publicUrl: m.publicUrl, clockOffsetMs: offset });
  };

  /** `up` after `down` shows "saved again" for a moment; `up` otherwise changes nothing. */
  private onStorage = (m: StorageMessage): void => {
    if (m?.status === 'down') {
      this.clearStorageBackTimer();
      if (this.snap.storage !== 'down') this.set({ storage: 'down' });
      return;
    }
    if (m?.status !== 'up' || this.snap.storage !== 'down') return;
    this.set({ storage: 'back' });
    this.storageBackTimer = setTimeout(() => {
      this.storageBackTimer = null;
      this.set({ storage: 'ok' });
    }, STORAGE_BACK_NOTE_MS);
  };

  private clearStorageBackTimer(): void {
    if (this.storageBackTimer !== null) clearTimeout(this.storageBackTimer);
    this.storageBackTimer = null;
  }

  private onSnapshot = (m: SnapshotPayload): void => {
    this.highestSeen = Math.max(this.highestSeen, m.version);
    this.set({ state: m.state, version: m.version });
  };

  private onEvents = (m: EventsPayload): void => {
    this.highestSeen = Math.max(this.highestSeen, m.version);
    if (!this.snap.state) return; // the snapshot comes first; a later sync covers the rest
    this.fold(m.events);
  };

  private fold(events: EventsPayload['events']): void {
    const { state, version } = this.snap;
    if (!state) return;
    let result;
    try {
      result = foldEvents(state, version, events);
    } catch (err) {
      // An event this build cannot apply: our copy is no longer trustworthy, start over.
      console.error(`room ${this.options.roomId}: cannot apply event, resyncing`, err);
      return this.requestSync(-1);
    }
    if (result.state !== state || result.version !== version) this.set({ state: result.state, version: result.version });
    if (result.gap) this.requestSync();
  }

  private requestSync(since = this.snap.version): void {
    const s = this.socket;
    if (this.syncing || !s?.connected) return;
    this.syncing = true;
    s.timeout(ACK_TIMEOUT_MS).emit('sync', { since }, (err: Error | null, answer: SyncAnswer) => {
      this.syncing = false;
      if (err || !answer.ok) return this.retrySyncLater();
      this.highestSeen = Math.max(this.highestSeen, answer.version);
      if ('state' in answer) this.set({ state: answer.state, version: answer.version });
      else this.fold(answer.events);
      // Batches that arrived during the sync were dropped at the gap: ask again.
      if (this.highestSeen > this.snap.version) this.requestSync();
    });
  }

  private retrySyncLater(): void {
    const t = setTimeout(() => {
      this.timers.delete(t);
      this.requestSync();
    }, backoffDelayMs(1));
    this.timers.add(t);
  }

  private async syncClock(): Promise<void> {
    const offset = await measureOffset(() => this.pingClock());
    if (offset !== null && offset !== this.snap.clockOffsetMs) this.set({ clockOffsetMs: offset });
  }

  private pingClock(): Promise<{ t0: number; t1: number; serverNow: number } | null> {
    const s = this.socket;
    if (!s?.connected) return Promise.resolve(null);
    const t0 = Date.now();
    return new Promise((resolve) => {
      s.timeout(CLOCK_TIMEOUT_MS).emit('clock', (err: Error | null, answer: { now: number }) => {
        resolve(err || typeof answer?.now !== 'number' ? null : { t0, t1: Date.now(), serverNow: answer.now });
      });
    });
  }

  private onBrowserOffline = (): void => {
    if (this.snap.status === 'online' || this.snap.status === 'reconnecting') this.set({ status: 'offline' });
  };

  private onBrowserOnline = (): void => {
    if (this.snap.status !== 'offline') return;
    this.set({ status: this.socket?.connected ? 'online' : 'reconnecting' });
    if (this.socket && !this.socket.active) this.socket.connect();
  };

  /** A phone waking up: its timers slept, so re-check the log and the clock. */
  private onVisible = (): void => {
    if (document.visibilityState !== 'visible' || !this.socket?.connected) return;
    this.requestSync();
    void this.syncClock();
  };

  private clearTimers(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    if (this.clockTimer !== null) clearInterval(this.clockTimer);
    this.clockTimer = null;
    this.clearStorageBackTimer();
  }
}
