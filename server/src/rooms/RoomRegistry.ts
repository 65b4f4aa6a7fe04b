import { errorFields, log } from '../log.ts';
import type { RoomStore } from '../store/RoomStore.ts';
import type { RoomFanout } from './RoomFanout.ts';
import { RoomHost } from './RoomHost.ts';

/** A room nobody on this node uses is unloaded after this long (its log stays in the store). */
const IDLE_UNLOAD_MS = 60_000;

/**
 * The rooms this node has open. Loads each room once even when many sockets arrive
 * together, counts users, and unloads a room some time after its last user left.
 */
export class RoomRegistry {
  private readonly hosts = new Map<string, Promise<RoomHost | null>>();
  private readonly users = new Map<string, number>();
  private readonly idleTimers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly store: RoomStore,
    private readonly fanout: RoomFanout,
  ) {}

  /** The room's host, loaded if needed; null when the room does not exist. Pair with `release`. */
  async acquire(roomId: string): Promise<RoomHost | null> {
    this.users.set(roomId, (this.users.get(roomId) ?? 0) + 1);
    this.cancelIdle(roomId);
    try {
      const host = await this.load(roomId);
      if (!host || host.deleted) {
        this.release(roomId);
        return null;
      }
      return host;
    } catch (err) {
      this.release(roomId);
      throw err;
    }
  }

  release(roomId: string): void {
    const n = (this.users.get(roomId) ?? 1) - 1;
    if (n > 0) return void this.users.set(roomId, n);
    this.users.delete(roomId);
    this.cancelIdle(roomId);
    const timer = setTimeout(() => void this.unload(roomId), IDLE_UNLOAD_MS);
    timer.unref();
    this.idleTimers.set(roomId, timer);
  }

  /** Runs `fn` with the room held, for one-off HTTP requests. */
  async with<T>(roomId: string, fn: (host: RoomHost) => Promise<T>): Promise<T | null> {
    const host = await this.acquire(roomId);
    if (!host) return null;
    try {
      return await fn(host);
    } finally {
      this.release(roomId);
    }
  }

  async closeAll(): Promise<void> {
    for (const t of this.idleTimers.values()) clearTimeout(t);
    this.idleTimers.clear();
    const hosts = await Promise.all([...this.hosts.values()].map((p) => p.catch(() => null)));
    this.hosts.clear();
    await Promise.all(hosts.map((h) => h?.close()));
  }

  private load(roomId: string): Promise<RoomHost | null> {
    let p = this.hosts.get(roomId);
    if (!p) {
      p = RoomHost.load(roomId, this.store, this.fanout);
      this.hosts.set(roomId, p);
      // A failed or empty load is forgotten so the next attempt retries (storage may be back).
      p.then(
        (h) => h === null && this.hosts.delete(roomId),
        () => this.hosts.delete(roomId),
      );
    }
    return p;
  }

  private cancelIdle(roomId: string): void {
    const t = this.idleTimers.get(roomId);
    if (t) clearTimeout(t);
    this.idleTimers.delete(roomId);
  }

  private async unload(roomId: string): Promise<void> {
    this.idleTimers.delete(roomId);
    if ((this.users.get(roomId) ?? 0) > 0) return;
    const p = this.hosts.get(roomId);
    this.hosts.delete(roomId);
    const host = await p?.catch(() => null);
    await host?.close().catch((err) => log.warn('room unload failed', { roomId, ...errorFields(err) }));
  }
}
