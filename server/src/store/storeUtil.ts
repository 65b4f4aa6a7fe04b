import { RoomError } from '@dr/shared';
import type { RoomEvent, VersionedEvent } from '@dr/shared';
import type { AppendEntry, StoreNotice } from './RoomStore.ts';

/** Called when a subscriber throws; the store keeps delivering to the others. */
export type ListenerErrorHandler = (error: unknown, roomId: string) => void;

/** Default: say which room's listener failed, since the notice itself is not retried. */
export const logListenerError: ListenerErrorHandler = (error, roomId) => {
  console.error(`[store] subscriber of room ${roomId} threw`, error);
};

/** Empty batches would make version −1 ambiguous (no room vs. empty room) and acks meaningless. */
export function assertEvents(events: readonly RoomEvent[], what: string): void {
  if (events.length === 0) throw new RoomError('invalid', `${what} needs at least one event`);
}

/** A group append needs at least one entry, and every entry at least one event. */
export function assertEntries(entries: readonly AppendEntry[]): void {
  if (entries.length === 0) throw new RoomError('invalid', 'append needs at least one entry');
  for (const e of entries) assertEvents(e.events, 'append');
}

/**
 * The event without any `version` it may already carry (e.g. a re-sent VersionedEvent),
 * so the store's stamp is the only one.
 */
export function withoutVersion(event: RoomEvent): Record<string, unknown> {
  const { version: _ignored, ...rest } = event as RoomEvent & { version?: unknown };
  return rest;
}

/**
 * A JSON round-trip copy. Both backends copy through JSON (Redis stores strings), so
 * `undefined` fields and class instances behave the same in memory as in Redis.
 */
export function jsonCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value ?? null)) as T;
}

/** A copy of `event` carrying `version` as its first key, as both backends store it. */
export function stampVersion(event: RoomEvent, version: number): VersionedEvent {
  return { version, ...jsonCopy(withoutVersion(event)) } as unknown as VersionedEvent;
}

/** Versions are list indexes: anything but an integer ≥ −1 is a caller bug. */
export function assertVersion(version: number, what: string): void {
  if (!Number.isInteger(version) || version < -1) throw new RoomError('invalid', `${what} must be an integer ≥ -1`);
}

/** Wraps a listener so one subscriber's exception cannot stop delivery to the others. */
export function guardListener<N = StoreNotice>(
  roomId: string,
  listener: (notice: N) => void,
  onError: ListenerErrorHandler,
): (notice: N) => void {
  return (notice) => {
    try {
      listener(notice);
    } catch (error) {
      onError(error, roomId);
    }
  };
}
