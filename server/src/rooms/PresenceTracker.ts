/** Presence is not a log event: it is sent at most this often, so 500 phones joining at once cost one message per audience. */
export const PRESENCE_COALESCE_MS = 250;
/** Each node repeats who it has connected this often; what other nodes said expires after {@link PRESENCE_STALE_MS}. */
export const PRESENCE_HEARTBEAT_MS = 10_000;
export const PRESENCE_STALE_MS = 25_000;

/** Where this node's presence goes to the other nodes (lossy pub/sub: the heartbeat repairs losses). */
export type PresencePublisher = (online: string[]) => void;

/**
 * Who is connected to the room, on every node. Counts live connections per participant
 * on this node, hears the other nodes' lists (repeated every heartbeat; a node that died
 * is forgotten once its list goes stale), and reports the union, coalesced.
 */
export class PresenceTracker {
  private readonly counts = new Map<string, number>();
  private readonly remote = new Map<string, { online: Set<string>; at: number }>();
  private reportTimer: NodeJS.Timeout | null = null;
  private readonly heartbeat: NodeJS.Timeout | null;
  private publishPending = false;

  constructor(
    private readonly report: (online: string[]) => void,
    private readonly publish: PresencePublisher | null = null,
    private readonly now: () => number = Date.now,
  ) {
    this.heartbeat = publish ? setInterval(() => this.beat(), PRESENCE_HEARTBEAT_MS) : null;
    this.heartbeat?.unref();
  }

  /** Whether someone has a live connection on any node; decisions read this directly. */
  has(participantId: string): boolean {
    if (this.counts.has(participantId)) return true;
    const fresh = this.now() - PRESENCE_STALE_MS;
    for (const r of this.remote.values()) if (r.at >= fresh && r.online.has(participantId)) return true;
    return false;
  }

  online(): string[] {
    const all = new Set(this.counts.keys());
    const fresh = this.now() - PRESENCE_STALE_MS;
    for (const r of this.remote.values()) if (r.at >= fresh) for (const id of r.online) all.add(id);
    return [...all];
  }

  connected(participantId: string): void {
    this.counts.set(participantId, (this.counts.get(participantId) ?? 0) + 1);
    this.schedule(true);
  }

  disconnected(participantId: string): void {
    const n = (this.counts.get(participantId) ?? 0) - 1;
    if (n > 0) this.counts.set(participantId, n);
    else this.counts.delete(participantId);
    this.schedule(true);
  }

  /** Another node's list of who it has connected (its whole list, not a change). */
  remoteUpdate(node: string, online: string[]): void {
    if (online.length === 0) this.remote.delete(node);
    else this.remote.set(node, { online: new Set(online), at: this.now() });
    this.schedule(false);
  }

  /** This node lets go of the room: the others forget its connections now rather than at staleness. */
  dispose(): void {
    if (this.reportTimer) clearTimeout(this.reportTimer);
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.reportTimer = null;
    if (this.counts.size > 0) this.publish?.([]);
  }

  private beat(): void {
    if (this.counts.size > 0) this.publish?.([...this.counts.keys()]);
    const fresh = this.now() - PRESENCE_STALE_MS;
    let pruned = false;
    for (const [node, r] of this.remote) if (r.at < fresh) pruned = this.remote.delete(node) || pruned;
    if (pruned) this.schedule(false);
  }

  private schedule(publish: boolean): void {
    this.publishPending ||= publish;
    if (this.reportTimer) return;
    this.reportTimer = setTimeout(() => {
      this.reportTimer = null;
      if (this.publishPending) this.publish?.([...this.counts.keys()]);
      this.publishPending = false;
      this.report(this.online());
    }, PRESENCE_COALESCE_MS);
  }
}
