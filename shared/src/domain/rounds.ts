import { newClock } from './clock.ts';
import type { Draft } from './decision.ts';
import { endTurn } from './turns.ts';
import type { RoomState, Table } from './state.ts';

export type AdvanceReason = 'start' | 'time' | 'ended_early' | 'skipped';

/**
 * Hands a go-round on to the next member who is present, ending the current turn.
 * Members who left the table or are offline are passed over and named in `skipped`,
 * so the log says who missed their turn and why. Past the last member the round ends.
 */
export function advanceRound(state: RoomState, table: Table, reason: AdvanceReason, now: number, online?: ReadonlySet<string>): Draft[] {
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
export function startRound(state: RoomState, table: Table, turnMs: number, now: number, online?: ReadonlySet<string>): Draft[] {
  const end = endTurn(table.floor, table.id, now);
  const started: Draft = { type: 'round.started', tableId: table.id, order: [...table.members], turnMs };
  const fresh: Table = { ...table, floor: { ...table.floor, speaker: null }, round: { order: [...table.members], position: -1, turnMs } };
  return [...(end ? [end] : []), started, ...advanceRound(state, fresh, 'start', now, online)];
}
