import { canSit, type Participant, type Table } from '@dr/shared';

/**
 * Reading a table for display: its go-round, and who sits at a table whose languages
 * they do not speak. Pure, so the desk, the phones and the projector agree.
 */

export interface RoundProgress {
  /** 1-based turn number in the round's order. */
  turn: number;
  total: number;
  current: string | null;
  /** The next member still seated after the current one (absent ones are skipped by the server). */
  next: string | null;
}

export function roundProgress(table: Table): RoundProgress | null {
  const round = table.round;
  if (!round) return null;
  const next = round.order.slice(round.position + 1).find((id) => table.members.includes(id)) ?? null;
  return { turn: Math.max(1, round.position + 1), total: round.order.length, current: table.floor.speaker?.participantId ?? null, next };
}

/** Members who speak none of the table's languages (always empty for an "any" table). */
export function misfits(table: Table, participants: Record<string, Participant>): string[] {
  return table.members.filter((id) => {
    const p = participants[id];
    return p !== undefined && !canSit(p, table);
  });
}
