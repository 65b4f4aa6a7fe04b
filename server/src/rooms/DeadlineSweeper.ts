import { errorFields, log } from '../log.ts';
import type { RoomStore } from '../store/RoomStore.ts';
import type { RoomRegistry } from './RoomRegistry.ts';

/** How often a node looks for due deadlines of rooms nobody has open. */
export const SWEEP_INTERVAL_MS = 1_000;
const SWEEP_BATCH = 50;

/**
 * One timer per node (not per room): rooms with a due deadline in the store's index are
 * loaded and their deadline attempted, so a breakout ends on time even when the node
 * that started it died and no phone is connected. Nodes that race here are harmless:
 * the append's version check lets one succeed.
 */
export class DeadlineSweeper {
  private timer: NodeJS.Timeout | null = null;
  private running = false;

  constructor(
    private readonly store: RoomStore,
    private readonly registry: RoomRegistry,
  ) {}

  start(): void {
    this.timer ??= setInterval(() => void this.sweep(), SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** One pass; exposed for tests. */
  async sweep(now = Date.now()): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (const roomId of await this.store.dueDeadlines(now, SWEEP_BATCH)) {
        const found = await this.registry.with(roomId, (host) => host.fireDueDeadlines().then(() => true));
        // A room that no longer exists leaves the index.
        if (found === null) await this.store.setDeadline(roomId, null);
      }
    } catch (err) {
      log.warn('deadline sweep failed', errorFields(err));
    } finally {
      this.running = false;
    }
  }
}
