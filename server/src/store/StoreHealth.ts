import type { Cluster, Redis } from 'ioredis';

/** While a connection looks open but calls time out, how often to ask whether it answers again. */
export const HEALTH_PROBE_INTERVAL_MS = 1_000;

/**
 * One store's own view of whether its backend answers, with listeners for changes. Starts
 * healthy: a connection that never comes up reports `close`/`reconnecting` soon enough.
 */
export class StoreHealth {
  private value = true;
  private readonly listeners = new Set<(healthy: boolean) => void>();

  get healthy(): boolean {
    return this.value;
  }

  set(healthy: boolean): void {
    if (healthy === this.value) return;
    this.value = healthy;
    for (const listener of [...this.listeners]) listener(healthy);
  }

  onChange(listener: (healthy: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }
}

/** ioredis' message for `commandTimeout`: the connection may still look open (a frozen or cut-off Redis). */
const isTimeout = (error: unknown): boolean => error instanceof Error && /timed? ?out/i.test(error.message);

/**
 * Follows a Redis (or Redis Cluster) connection: down on `close`, `reconnecting` and `end`,
 * up on `ready`. A Redis that stops answering without closing the socket (paused, or the
 * network silently drops packets) shows up only as timed-out calls: `callFailed` then marks
 * it down and pings every {@link HEALTH_PROBE_INTERVAL_MS} until it answers.
 */
export class RedisHealthWatch {
  readonly health = new StoreHealth();
  private probe: NodeJS.Timeout | null = null;
  /** A ping is out: a frozen Redis answers none, and they must not pile up. */
  private pinging = false;
  private stopped = false;

  constructor(private readonly connection: Redis | Cluster) {
    const down = () => this.set(false);
    connection.on('close', down);
    connection.on('reconnecting', down);
    connection.on('end', down);
    connection.on('ready', () => this.set(true));
  }

  /** A store call failed: a timeout on an open connection means Redis no longer answers. */
  callFailed(error: unknown): void {
    if (this.stopped || !isTimeout(error) || this.connection.status !== 'ready') return;
    this.set(false);
    this.probe ??= setInterval(() => void this.ping(), HEALTH_PROBE_INTERVAL_MS);
    // The probe only watches; it must not keep the process alive.
    this.probe.unref();
  }

  /** Stops probing and reports nothing more (the store is closing). */
  stop(): void {
    this.stopped = true;
    this.clearProbe();
  }

  private async ping(): Promise<void> {
    if (this.pinging) return;
    this.pinging = true;
    const answered = await this.connection.ping().then(
      (reply) => reply === 'PONG',
      () => false,
    );
    this.pinging = false;
    if (answered && this.connection.status === 'ready') this.set(true);
  }

  private set(healthy: boolean): void {
    if (this.stopped) return;
    if (healthy) this.clearProbe();
    this.health.set(healthy);
  }

  private clearProbe(): void {
    if (this.probe) clearInterval(this.probe);
    this.probe = null;
  }
}
