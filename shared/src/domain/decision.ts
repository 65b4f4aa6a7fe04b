import { wireError, type ErrorCode, type WireError } from '../errors.ts';
import type { RoomEvent } from './events.ts';

/** What `decide` returns: events to append, or a typed error and nothing else. */
export type Decision = { ok: true; events: RoomEvent[] } | { ok: false; error: WireError };

/** Events without their timestamp: `decide` stamps them all with `ctx.now`. */
export type Draft = RoomEvent extends infer E ? (E extends RoomEvent ? Omit<E, 'at'> : never) : never;

export const reject = (code: ErrorCode, message: string, reason?: string): Decision => ({
  ok: false,
  error: wireError(code, message, reason),
});

export const accept = (now: number, ...events: Draft[]): Decision => ({
  ok: true,
  events: events.map((e) => ({ ...e, at: now }) as RoomEvent),
});
