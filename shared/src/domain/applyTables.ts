import { pauseClock, remainingMs, startClock, extendClock } from './clock.ts';
import type { EventOf } from './events.ts';
import { SEATING_HISTORY_ROUNDS, type RoomState, type Table } from './state.ts';
import { EMPTY_FLOOR, stripUndefined, updateParticipant, updateTable, withoutPerson } from './stateUpdate.ts';

export type TablesEvent = EventOf<
  | 'participant.profiled'
  | 'tables.created'
  | 'table.updated'
  | 'tables.cleared'
  | 'tables.assigned'
  | 'participant.seated'
  | 'table.facilitator.set'
  | 'breakout.started'
  | 'breakout.extended'
  | 'breakout.paused'
  | 'breakout.resumed'
  | 'breakout.warned'
  | 'breakout.ended'
  | 'broadcast.sent'
  | 'broadcast.cleared'
  | 'round.started'
  | 'round.advanced'
  | 'round.stopped'
  | 'help.requested'
  | 'help.answered'
>;

/** Folds table, breakout, go-round and broadcast events. */
export function applyTables(state: RoomState, event: TablesEvent): RoomState {
  switch (event.type) {
    case 'participant.profiled':
      return updateParticipant(state, event.participantId, (p) => ({ ...p, ...stripUndefined({ languages: event.languages, attributes: event.attributes }) }));
    case 'tables.created': {
      const added: Table[] = event.tables.map((t) => ({ id: t.tableId, name: t.name, number: t.number, languages: t.languages, members: [], facilitatorId: null, floor: EMPTY_FLOOR, round: null, helpRequestedAt: null }));
      return { ...state, tables: [...state.tables, ...added] };
    }
    case 'table.updated':
      return updateTable(state, event.tableId, (t) => ({ ...t, ...stripUndefined(event.changes) }));
    case 'tables.cleared':
      return { ...state, tables: [], settings: { ...state.settings, lateArrivalTableId: null } };
    case 'tables.assigned':
      return { ...state, tables: state.tables.map((t) => withMembers(t, event.seats[t.id] ?? [])) };
    case 'participant.seated':
      return { ...state, tables: state.tables.map((t) => (t.id === event.tableId ? withMembers(t, [...t.members.filter((m) => m !== event.participantId), event.participantId]) : withMembers(t, t.members.filter((m) => m !== event.participantId)))) };
    case 'table.facilitator.set':
      return updateTable(state, event.tableId, (t) => ({ ...t, facilitatorId: event.participantId }));
    case 'breakout.started': {
      const groups = state.tables.map((t) => t.members).filter((m) => m.length > 0);
      return { ...state, breakout: { status: 'running', clock: event.clock, startedAt: event.at, warned: false }, seatingHistory: [...state.seatingHistory, groups].slice(-SEATING_HISTORY_ROUNDS) };
    }
    case 'breakout.extended':
      return withBreakout(state, (b) => {
        const clock = extendClock(b.clock, event.ms);
        // The warning is re-armed when the new end leaves room for it again.
        return { ...b, clock, warned: b.warned && remainingMs(clock, event.at) <= state.settings.breakoutWarningMs };
      });
    case 'breakout.paused':
      return withBreakout(state, (b) => ({ ...b, status: 'paused', clock: pauseClock(b.clock, event.at) }));
    case 'breakout.resumed':
      return withBreakout(state, (b) => ({ ...b, status: 'running', clock: startClock(b.clock, event.at) }));
    case 'breakout.warned':
      return withBreakout(state, (b) => ({ ...b, warned: true }));
    case 'breakout.ended':
      return { ...state, breakout: null, tables: state.tables.map((t) => ({ ...t, floor: EMPTY_FLOOR, round: null, helpRequestedAt: null })) };
    case 'broadcast.sent':
      return { ...state, broadcast: { id: event.broadcastId, text: event.text, at: event.at } };
    case 'broadcast.cleared':
      return { ...state, broadcast: null };
    case 'round.started':
      return updateTable(state, event.tableId, (t) => ({ ...t, round: { order: event.order, position: -1, turnMs: event.turnMs } }));
    case 'round.advanced':
      return updateTable(state, event.tableId, (t) => {
        if (!t.round || event.to === null || event.clock === null) return { ...t, round: null, floor: { ...t.floor, speaker: null } };
        const speaker = { participantId: event.to, kind: 'speak' as const, clock: event.clock, since: event.at, spokenBeforeResetMs: 0 };
        return { ...t, round: { ...t.round, position: event.position }, floor: { queue: t.floor.queue.filter((e) => e.participantId !== event.to), speaker } };
      });
    case 'round.stopped':
      return updateTable(state, event.tableId, (t) => ({ ...t, round: null, floor: { ...t.floor, speaker: null } }));
    case 'help.requested':
      return updateTable(state, event.tableId, (t) => ({ ...t, helpRequestedAt: event.at }));
    case 'help.answered':
      return updateTable(state, event.tableId, (t) => ({ ...t, helpRequestedAt: null }));
  }
}

/** New members; people who left lose their place in the table's queue, floor and facilitator role. */
function withMembers(table: Table, members: string[]): Table {
  if (members.length === table.members.length && members.every((m, i) => m === table.members[i])) return table;
  let floor = table.floor;
  for (const gone of table.members.filter((m) => !members.includes(m))) floor = withoutPerson(floor, gone, true);
  const facilitatorId = table.facilitatorId !== null && members.includes(table.facilitatorId) ? table.facilitatorId : null;
  return { ...table, members, floor, facilitatorId };
}

function withBreakout(state: RoomState, fn: (b: NonNullable<RoomState['breakout']>) => NonNullable<RoomState['breakout']>): RoomState {
  return state.breakout ? { ...state, breakout: fn(state.breakout) } : state;
}
