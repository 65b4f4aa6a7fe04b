/**
 * Deadlines are part of the room's state, not timers: a breakout's warning and end, and
 * each go-round turn's end, are computed from clocks. When one is due, any server node
 * may attempt it as an ordinary system command; the store's atomic append with its
 * version check lets exactly one succeed, and the others find it no longer due.
 */
import type { DecideContext } from './actor.ts';
import { isRunning, remainingMs, type Clock } from './clock.ts';
import { accept, reject, type Decision } from './decision.ts';
import { endBreakout } from './decideBreakout.ts';
import { advanceRound } from './rounds.ts';
import { tableById, type RoomState } from './state.ts';

/** Issued by the server, never accepted from a client. */
export type SystemCommand =
  | { type: 'breakout.warn' }
  | { type: 'breakout.expire' }
  /** `position` names the turn, so an attempt for a turn that already moved on is refused. */
  | { type: 'round.advance'; tableId: string; position: number };

export interface Deadline {
  at: number;
  command: SystemCommand;
}

/** When a running clock reaches zero (its end time); null while it is paused. */
export function clockEndsAt(clock: Clock): number | null {
  return clock.startedAt === null ? null : clock.startedAt + clock.durationMs - clock.elapsedMs;
}

/** Every pending deadline of the room, in no particular order. */
export function pendingDeadlines(state: RoomState): Deadline[] {
  const out: Deadline[] = [];
  const b = state.breakout;
  const end = b && b.status === 'running' ? clockEndsAt(b.clock) : null;
  if (end !== null) {
    const lead = state.settings.breakoutWarningMs;
    // A breakout shorter than the warning's lead gets no warning.
    if (!b!.warned && b!.clock.durationMs > lead) out.push({ at: end - lead, command: { type: 'breakout.warn' } });
    out.push({ at: end, command: { type: 'breakout.expire' } });
  }
  for (const t of state.tables) {
    const s = t.floor.speaker;
    const turnEnd = t.round && s ? clockEndsAt(s.clock) : null;
    if (turnEnd !== null) out.push({ at: turnEnd, command: { type: 'round.advance', tableId: t.id, position: t.round!.position } });
  }
  return out;
}

/** The earliest pending deadline, or null. */
export function nextDeadline(state: RoomState): Deadline | null {
  return pendingDeadlines(state).reduce<Deadline | null>((min, d) => (min === null || d.at < min.at ? d : min), null);
}

/** Decides a system command: accepted only while it is still due and not yet done. */
export function decideSystem(state: RoomState, cmd: SystemCommand, ctx: DecideContext): Decision {
  const { now } = ctx;
  const notDue = reject('conflict', 'not due (already done or moved)', 'not_due');
  const b = state.breakout;
  switch (cmd.type) {
    case 'breakout.warn': {
      if (!b || b.status !== 'running' || b.warned) return notDue;
      const remaining = remainingMs(b.clock, now);
      if (remaining > state.settings.breakoutWarningMs || b.clock.durationMs <= state.settings.breakoutWarningMs) return notDue;
      return accept(now, { type: 'breakout.warned', remainingMs: Math.max(0, remaining) });
    }
    case 'breakout.expire':
      if (!b || b.status !== 'running' || remainingMs(b.clock, now) > 0) return notDue;
      return accept(now, ...endBreakout(state, 'time', now));
    case 'round.advance': {
      const table = tableById(state, cmd.tableId);
      const s = table?.floor.speaker;
      if (!table?.round || table.round.position !== cmd.position || !s || !isRunning(s.clock) || remainingMs(s.clock, now) > 0) return notDue;
      return accept(now, ...advanceRound(state, table, 'time', now, ctx.online));
    }
  }
}
