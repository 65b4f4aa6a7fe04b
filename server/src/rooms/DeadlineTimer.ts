import { nextDeadline, type Deadline, type RoomState } from '@dr/shared';

/** A failed attempt (storage down) is retried this much later. */
const RETRY_MS = 1_000;
/** Floor for re-trying a deadline that was not yet due, so a clock skew cannot spin. */
const MIN_RETRY_MS = 20;
/** setTimeout's limit; a later deadline is re-armed when this one fires. */
const MAX_TIMEOUT_MS = 2 **31 - 1;

/**
 * One timer per open room, for its earliest deadline only, re-armed from the state after
 * every change. It never decides anything: it asks the room to attempt the deadline's
 * system command, which the store's version check makes happen exactly once across nodes.
 */
export class DeadlineTimer {
  private timer: NodeJS.Timeout | null = null;
  private armedFor: Deadline | null = null;
  private disposed = false;

  constructor(
    private readonly attempt: (deadline: Deadline) => Promise<void>,
    private readonly currentState: () => RoomState,
  ) {}

  /** Points the timer at the state's earliest deadline (or none). */
  rearm(state: RoomState): Deadline | null {
    const next = nextDeadline(state);
    if (sameDeadline(next, this.armedFor)) return next;
    this.arm(next, next ? next.at - Date.now() : 0);
    return next;
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private arm(deadline: Deadline | null, inMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.armedFor = deadline;
    if (!deadline || this.disposed) return;
    this.timer = setTimeout(() => void this.fire(deadline), Math.min(MAX_TIMEOUT_MS, Math.max(0, inMs)));
    this.timer.unref();
  }

  private async fire(deadline: Deadline): Promise<void> {
    this.timer = null;
    try {
      await this.attempt(deadline);
    } catch {
      if (sameDeadline(deadline, this.armedFor)) this.arm(deadline, RETRY_MS);
      return;
    }
    // Still the earliest deadline (the timer fired a hair early): look again shortly.
    const next = nextDeadline(this.currentState());
    if (sameDeadline(next, deadline)) this.arm(next, Math.max(MIN_RETRY_MS, next!.at - Date.now()));
    else this.rearm(this.currentState());
  }
}

function sameDeadline(a: Deadline | null, b: Deadline | null): boolean {
  return a === b || (a !== null && b !== null && a.at === b.at && JSON.stringify(a.command) === JSON.stringify(b.command));
}
