import type { OnlineView } from './actor.ts';
import { newClock } from './clock.ts';
import type { Draft } from './decision.ts';
import type { RoomEvent } from './events.ts';
import { endTurn } from './turns.ts';
import type { RoomState, Table } from './state.ts';

export type AdvanceReason = 'start' | 'time' | 'ended_early' | 'skipped';

/**
 * Hands a go-round on to the next member who is present, ending the current turn.
 * Members who left the table or are offline are passed over and named in `skipped`,
 * so the log says who missed their turn and why. Past the last member the round ends.
 */
export function advanceRound(state: RoomState, table: Table, reason: AdvanceReason, now: number, online?: OnlineView): Draft[] {
  const round = table.round;
  if (!round) return [];
  const skipped: string[] = [];
  let position = round.order.length;
  for (let i = round.position + 1; i < round.order.length; i++) {
    const pid = round.order[i]!;
    const present = table.members.includes(pid) && state.participants[pid]?.status === 'active' && (online === undefined || online.has(pid));
    if (present) {
      position = i;
      break;
    }
    skipped.push(pid);
  }
  const to = round.order[position] ?? null;
  const end = endTurn(table.floor, table.id, now);
  const advanced: Draft = {
    type: 'round.advanced',
    tableId: table.id,
    from: table.floor.speaker?.participantId ?? null,
    to,
    position,
    skipped,
    reason,
    clock: to === null ? null : newClock(round.turnMs, now),
  };
  return end ? [end, advanced] : [advanced];
}

/** Starts a go-round over the table's members in seating order. */
export function startRound(state: RoomState, table: Table, turnMs: number, now: number, online?: OnlineView): Draft[] {
  const end = endTurn(table.floor, table.id, now);
  const started: Draft = { type: 'round.started', tableId: table.id, order: [...table.members], turnMs };
  const fresh: Table = { ...table, floor: { ...table.floor, speaker: null }, round: { order: [...table.members], position: -1, turnMs } };
  return [...(end ? [end] : []), started, ...advanceRound(state, fresh, 'start', now, online)];
}

/**
 * After people left tables (moved, reseated, removed), a go-round whose speaker left has
 * nobody on the floor and no deadline: hand it on to the next member present, so it
 * never stalls. `drafts` are the events decided so far; they are folded with `fold` to
 * see the tables as they will be.
 */
export function resumeInterruptedRounds(
  state: RoomState,
  drafts: Draft[],
  fold: (s: RoomState, events: RoomEvent[]) => RoomState,
  now: number,
  online?: OnlineView,
): Draft[] {
  const after = fold(state, drafts.map((d) => ({ ...d, at: now }) as RoomEvent));
  return after.tables.flatMap((t) => {
    const before = state.tables.find((x) => x.id === t.id);
    const interrupted = t.round && before?.floor.speaker && !t.floor.speaker && t.round.position < t.round.order.length;
    return interrupted ? advanceRound(after, t, 'skipped', now, online) : [];
  });
}
