import type { HandKind, QueueEntry, RoomState } from './state.ts';

/** Priority of a request kind: lower goes first. */
export const KIND_RANK: Record<HandKind, number> = { point: 0, reply: 1, speak: 2 };

/**
 * Where a new request enters the queue: behind every unpinned entry that ranks the
 * same or higher (points of order, then replies, then hands; arrival order within a
 * class; with the progressive stack, less speaking time first within a class).
 * Pinned entries are skipped by the scan, so an entry the moderator moved keeps its
 * place relative to everyone already queued. The queue only ever changes by
 * insert, remove and move, so the order people saw is never reshuffled behind them.
 */
export function insertionIndex(state: RoomState, queue: readonly QueueEntry[], participantId: string, kind: HandKind): number {
  const progressive = state.settings.progressiveStack;
  const spoken = (pid: string) => (progressive ? (state.participants[pid]?.spokenMs ?? 0) : 0);
  const rank = KIND_RANK[kind];
  const mySpoken = spoken(participantId);
  let index = 0;
  queue.forEach((entry, i) => {
    if (entry.pinned) return;
    const r = KIND_RANK[entry.kind];
    if (r < rank || (r === rank && spoken(entry.participantId) <= mySpoken)) index = i + 1;
  });
  return index;
}

export function queuePosition(queue: readonly QueueEntry[], participantId: string): number {
  return queue.findIndex((e) => e.participantId === participantId);
}

export function insertAt<T>(list: readonly T[], index: number, item: T): T[] {
  const i = Math.max(0, Math.min(index, list.length));
  return [...list.slice(0, i), item, ...list.slice(i)];
}

export function moveTo<T>(list: readonly T[], from: number, to: number, update: (item: T) => T = (x) => x): T[] {
  const item = list[from];
  if (item === undefined) return [...list];
  const without = [...list.slice(0, from), ...list.slice(from + 1)];
  return insertAt(without, to, update(item));
}
