/** Presence is not a log event: it is sent at most this often, so 500 phones joining at once cost one message per audience. */
export const PRESENCE_COALESCE_MS = 250;

/** Counts live connections per participant on this node and reports changes, coalesced. */
export class PresenceTracker {
  private readonly counts = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly report: (online: string[]) => void) {}

  /** Whether someone has a live connection on this node; decisions read this directly. */
  has(participantId: string): boolean {
    return this.counts.has(participantId);
  }

  online(): string[] {
    return [...this.counts.keys()];
  }

  connected(participantId: string): void {
    this.counts.set(participantId, (this.counts.get(participantId) ?? 0) + 1);
    this.schedule();
  }

  disconnected(participantId: string): void {
    const n = (this.counts.get(participantId) ?? 0) - 1;
    if (n > 0) this.counts.set(participantId, n);
    else this.counts.delete(participantId);
    this.schedule();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.report(this.online());
    }, PRESENCE_COALESCE_MS);
  }
}
