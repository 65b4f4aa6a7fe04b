import { errorFields, log } from '../log.ts';
import type { DocStore } from '../store/DocStore.ts';
import { DocHost, type DocLimits } from './DocHost.ts';

/** A draft nobody on this node edits stays loaded this long, so a reconnect is cheap. */
const IDLE_UNLOAD_MS = 30_000;

/** The drafts this node has open: loaded once however many connect at once, unloaded when idle. */
export class DocRegistry {
  private readonly hosts = new Map<string, Promise<DocHost>>();
  private readonly users = new Map<string, number>();
  private readonly idle = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly store: DocStore,
    private readonly limits: DocLimits,
  ) {}

  async acquire(roomId: string, name: string): Promise<DocHost> {
    const key = `${roomId}|${name}`;
    this.users.set(key, (this.users.get(key) ?? 0) + 1);
    const timer = this.idle.get(key);
    if (timer) clearTimeout(timer);
    this.idle.delete(key);
    let p = this.hosts.get(key);
    if (!p) {
      p = DocHost.open(this.store, roomId, name, this.limits);
      this.hosts.set(key, p);
      p.catch(() => this.hosts.get(key) === p && this.hosts.delete(key));
    }
    try {
      return await p;
    } catch (error) {
      this.release(roomId, name);
      throw error;
    }
  }

  release(roomId: string, name: string): void {
    const key = `${roomId}|${name}`;
    const n = (this.users.get(key) ?? 1) - 1;
    if (n > 0) return void this.users.set(key, n);
    this.users.delete(key);
    const timer = setTimeout(() => void this.unload(key), IDLE_UNLOAD_MS);
    timer.unref();
    this.idle.set(key, timer);
  }

  async closeAll(): Promise<void> {
    for (const t of this.idle.values()) clearTimeout(t);
    this.idle.clear();
    const hosts = await Promise.all([...this.hosts.values()].map((p) => p.catch(() => null)));
    this.hosts.clear();
    await Promise.all(hosts.map((h) => h?.close()));
  }

  private async unload(key: string): Promise<void> {
    this.idle.delete(key);
    if ((this.users.get(key) ?? 0) > 0) return;
    const p = this.hosts.get(key);
    this.hosts.delete(key);
    const host = await p?.catch(() => null);
    await host?.close().catch((error) => log.warn('draft unload failed', { key, ...errorFields(error) }));
  }
}
