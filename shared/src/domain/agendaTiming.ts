import type { AgendaItem, RoomState } from './state.ts';

export interface AgendaTiming {
  /** Time spent on the active item so far, or null when none runs. */
  activeElapsedMs: number | null;
  /** Positive: the active item runs over its plan. */
  activeOverMs: number | null;
  /** Over (+) or under (−) plan for the whole session: finished items plus the active one. */
  sessionOverMs: number;
  plannedTotalMs: number;
}

function spentMs(item: AgendaItem, now: number): number {
  if (item.startedAt === null) return 0;
  return (item.endedAt ?? now) - item.startedAt;
}

/** Running over/under for the active item and the session, computed from timestamps. */
export function agendaTiming(state: RoomState, now: number): AgendaTiming {
  let sessionOverMs = 0;
  let plannedTotalMs = 0;
  let active: AgendaItem | null = null;
  for (const item of state.agenda.items) {
    plannedTotalMs += item.plannedMs;
    if (item.status === 'done') sessionOverMs += spentMs(item, now) - item.plannedMs;
    if (item.status === 'active') active = item;
  }
  if (!active) return { activeElapsedMs: null, activeOverMs: null, sessionOverMs, plannedTotalMs };
  const elapsed = spentMs(active, now);
  const over = elapsed - active.plannedMs;
  // An item still within its plan does not yet make the session run under.
  return { activeElapsedMs: elapsed, activeOverMs: over, sessionOverMs: sessionOverMs + Math.max(0, over), plannedTotalMs };
}
