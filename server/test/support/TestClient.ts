/**
 * A real socket.io client that keeps the room state the way the app does: snapshot,
 * then events folded with the shared `apply`. It records every version it receives, so
 * tests can assert order and the absence of gaps.
 */
import { io, type Socket } from 'socket.io-client';
import { apply, EV, PROTOCOL_VERSION, type CommandAck, type ProjectedEvent, type RoomEvent, type RoomState, type WelcomeMessage } from '@dr/shared';

let counter = 0;
export const cmdId = () => `c${++counter}-${Math.random().toString(36).slice(2, 8)}`;

export class TestClient {
  state: RoomState | null = null;
  version = -1;
  welcome: WelcomeMessage | null = null;
  /** Every version delivered by `events`, in arrival order. */
  readonly received: number[] = [];
  readonly rawEvents: ProjectedEvent[] = [];
  online: string[] = [];
  closedReason: string | null = null;
  /** Every `storage` status received, in order (the first one right after connect). */
  readonly storage: string[] = [];
  /** Batches that started after the next expected version (a missed event). */
  gaps = 0;
  private snapshotVersion = -1;
  private waiters: (() => void)[] = [];

  private constructor(readonly socket: Socket) {
    socket.on(EV.welcome, (w: WelcomeMessage) => (this.welcome = w));
    socket.on(EV.snapshot, (m: { version: number; state: RoomState }) => {
      this.state = m.state;
      this.version = m.version;
      this.snapshotVersion = m.version;
      this.notify();
    });
    socket.on(EV.events, (m: { version: number; events: ProjectedEvent[] }) => this.onEvents(m));
    socket.on(EV.presence, (m: { online: string[] }) => {
      this.online = m.online;
      this.notify();
    });
    socket.on('disconnect', () => this.notify());
    socket.on(EV.storage, (m: { status: string }) => {
      this.storage.push(m.status);
      this.notify();
    });
    socket.on(EV.closed, (m: { reason: string }) => {
      this.closedReason = m.reason;
      this.notify();
    });
  }

  /** Connects and resolves after the first snapshot; rejects with the connect_error message. */
  static connect(url: string, roomId: string, key: string, opts: { origin?: string; protocol?: number; polling?: boolean } = {}): Promise<TestClient> {
    const socket = io(url, {
      auth: { roomId, key, protocol: opts.protocol ?? PROTOCOL_VERSION },
      transports: opts.polling ? ['polling'] : ['websocket'],
      reconnection: false,
      forceNew: true,
      ...(opts.origin && { extraHeaders: { origin: opts.origin } }),
    });
    const client = new TestClient(socket);
    return new Promise((resolve, reject) => {
      socket.once('connect_error', (err) => {
        socket.close();
        reject(err);
      });
      client.waitFor(() => client.state !== null, 10_000).then(() => resolve(client), reject);
    });
  }

  command(cmd: Record<string, unknown>): Promise<CommandAck> {
    const withId = { id: cmdId(), ...cmd };
    return this.socket.timeout(10_000).emitWithAck(EV.command, withId) as Promise<CommandAck>;
  }

  /** Sends exactly what it is given, for malformed-input tests. */
  raw(event: string, ...args: unknown[]): Promise<unknown> {
    return this.socket.timeout(10_000).emitWithAck(event, ...args);
  }

  sync(since: number): Promise<{ ok: boolean; version: number; events?: ProjectedEvent[]; state?: RoomState }> {
    return this.socket.timeout(10_000).emitWithAck(EV.sync, { since });
  }

  /** Resolves once `predicate` holds, checked after every message; generous timeouts only. */
  waitFor(predicate: () => boolean, timeoutMs = 10_000): Promise<void> {
    if (predicate()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`waitFor timed out after ${timeoutMs} ms`)), timeoutMs);
      const check = () => {
        if (!predicate()) return this.waiters.push(check);
        clearTimeout(timer);
        resolve();
      };
      this.waiters.push(check);
    });
  }

  waitForVersion(v: number): Promise<void> {
    return this.waitFor(() => this.version >= v);
  }

  close(): void {
    this.socket.close();
  }

  private onEvents(m: { version: number; events: ProjectedEvent[] }): void {
    const first = m.version - m.events.length + 1;
    if (first > this.version + 1) this.gaps++;
    for (const e of m.events) {
      // A batch held back while this socket received its snapshot may repeat what the
      // snapshot covers; that is allowed (and skipped). Any other repeat is recorded.
      if (e.version > this.snapshotVersion) this.received.push(e.version);
      this.rawEvents.push(e);
      if (e.version <= this.version) continue;
      if (e.type !== 'hidden' && this.state) this.state = apply(this.state, e as RoomEvent);
      this.version = e.version;
    }
    this.notify();
  }

  private notify(): void {
    const waiting = this.waiters;
    this.waiters = [];
    waiting.forEach((w) => w());
  }
}
