import { apply, type ProjectedEvent, type RoomState } from '@dr/shared';

/**
 * Folding a batch of versioned events into the local copy of the room.
 * Versions are consecutive and gapless; an already-seen version is skipped
 * (it may arrive twice around a re-sync) and a jump means we missed something.
 */
export interface FoldResult {
  state: RoomState;
  version: number;
  /** True when an event skipped ahead: the caller must `sync {since: version}`. */
  gap: boolean;
}

export function foldEvents(state: RoomState, version: number, events: readonly ProjectedEvent[]): FoldResult {
  let s = state;
  let v = version;
  for (const event of events) {
    if (event.version <= v) continue;
    if (event.version !== v + 1) return { state: s, version: v, gap: true };
    // `hidden` stands in for an event this audience may not read: advance only.
    if (event.type !== 'hidden') s = apply(s, event);
    v = event.version;
  }
  return { state: s, version: v, gap: false };
}

/** The first version a batch covers, from the batch's `version` and length. */
export function batchStart(batch: { version: number; events: readonly unknown[] }): number {
  return batch.version - batch.events.length + 1;
}
