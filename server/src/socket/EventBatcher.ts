import type { Audience, ProjectedEvent } from '@dr/shared';

export type EventsMessage = { version: number; events: ProjectedEvent[] };
/** An audience inside its window: what accumulated since it last sent, and the window's length. */
type Entry = { pending: EventsMessage | null; timer: NodeJS.Timeout; windowMs: number };

/**
 * Throttles each (room, audience)'s `events` messages to one per window, merging what
 * arrives meanwhile into one message. The first message after a quiet window goes at
 * once, so a lone action costs no latency; a burst (a hall joining, a busy queue) costs
 * each phone one message per window instead of one per event — the difference between
 * n and n² messages when n people arrive at once. While every window has something to
 * send, the window doubles (up to `maxWindowMs`): a sustained burst to a big audience
 * costs fewer, larger messages; one quiet window and the audience starts over.
 * Merging keeps versions consecutive: every message for an audience covers the next
 * versions after the previous one.
 */
export class EventBatcher {
  private readonly rooms = new Map<string, Map<Audience, Entry>>();

  constructor(
    private readonly send: (roomId: string, audience: Audience, message: EventsMessage) => void,
    private readonly windowMs: number,
    private readonly maxWindowMs = windowMs * 8,
  ) {}

  push(roomId: string, audience: Audience, message: EventsMessage): void {
    let room = this.rooms.get(roomId);
    const entry = room?.get(audience);
    if (entry) {
      if (entry.pending) {
        entry.pending.version = message.version;
        entry.pending.events.push(...message.events);
      } else entry.pending = { version: message.version, events: [...message.events] };
      return;
    }
    this.send(roomId, audience, message);
    if (!room) this.rooms.set(roomId, (room = new Map()));
    room.set(audience, { pending: null, timer: this.quiet(roomId, audience, this.windowMs), windowMs: this.windowMs });
  }

  /** Sends whatever a room holds back, now (before its sockets are closed or moved). */
  flushRoom(roomId: string): void {
    for (const audience of [...(this.rooms.get(roomId)?.keys() ?? [])]) this.release(roomId, audience);
  }

  /** Sends what one audience of a room holds back, now. */
  flushAudience(roomId: string, audience: Audience): void {
    if (this.rooms.get(roomId)?.get(audience)?.pending) this.release(roomId, audience);
  }

  /** Sends everything held back and stops the timers. */
  close(): void {
    for (const roomId of [...this.rooms.keys()]) {
      this.flushRoom(roomId);
      for (const entry of this.rooms.get(roomId)?.values() ?? []) clearTimeout(entry.timer);
    }
    this.rooms.clear();
  }

  private quiet(roomId: string, audience: Audience, ms: number): NodeJS.Timeout {
    const timer = setTimeout(() => this.release(roomId, audience), ms);
    timer.unref();
    return timer;
  }

  /** End of a window: send what accumulated and start another, or forget a quiet audience. */
  private release(roomId: string, audience: Audience): void {
    const room = this.rooms.get(roomId);
    const entry = room?.get(audience);
    if (!room || !entry) return;
    clearTimeout(entry.timer);
    if (!entry.pending) {
      room.delete(audience);
      if (room.size === 0) this.rooms.delete(roomId);
      return;
    }
    const message = entry.pending;
    entry.pending = null;
    entry.windowMs = Math.min(entry.windowMs * 2, this.maxWindowMs);
    entry.timer = this.quiet(roomId, audience, entry.windowMs);
    this.send(roomId, audience, message);
  }
}
