import type { StorageMessage } from '@dr/shared';
import { log } from '../log.ts';
import type { RoomStore } from '../store/RoomStore.ts';

/**
 * How long storage must stay out of reach before clients are told: a reconnect that takes
 * a few hundred milliseconds is not worth a banner on every phone in the hall.
 */
export const STORAGE_DOWN_REPORT_DELAY_MS = 1_000;

/**
 * What this node tells its clients about its storage, debounced: `down` once the store
 * has been unhealthy for {@link STORAGE_DOWN_REPORT_DELAY_MS} without a break, `up` as soon
 * as it is healthy again (and only after a `down`, so a blip sends nothing at all).
 */
export class StorageStatusReporter {
  private reported: StorageMessage['status'] = 'up';
  private timer: NodeJS.Timeout | null = null;
  private readonly unsubscribe: () => void;

  constructor(
    store: Pick<RoomStore, 'healthy' | 'onHealthChange'>,
    private readonly emit: (message: StorageMessage) => void,
    private readonly delayMs = STORAGE_DOWN_REPORT_DELAY_MS,
  ) {
    this.unsubscribe = store.onHealthChange((healthy) => (healthy ? this.up() : this.down()));
    if (!store.healthy) this.down();
  }

  /** The state as reported to clients; a socket that connects is sent this. */
  get current(): StorageMessage {
    return { status: this.reported };
  }

  stop(): void {
    this.unsubscribe();
    this.clearTimer();
  }

  private down(): void {
    if (this.reported === 'down' || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.report('down');
    }, this.delayMs);
    this.timer.unref();
  }

  private up(): void {
    this.clearTimer();
    if (this.reported === 'up') return;
    this.report('up');
  }

  private report(status: StorageMessage['status']): void {
    this.reported = status;
    if (status === 'down') log.warn('storage unreachable: clients are shown it is down');
    else log.info('storage reachable again: clients are told');
    this.emit({ status });
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
