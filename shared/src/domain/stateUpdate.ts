/** Small immutable updaters shared by the apply functions. */
import type { Floor, Participant, RoomState, Table } from './state.ts';

export function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function updateParticipant(state: RoomState, id: string, fn: (p: Participant) => Participant): RoomState {
  const p = state.participants[id];
  return p ? { ...state, participants: { ...state.participants, [id]: fn(p) } } : state;
}

export function updateTable(state: RoomState, id: string, fn: (t: Table) => Table): RoomState {
  return { ...state, tables: state.tables.map((t) => (t.id === id ? fn(t) : t)) };
}

/** Updates the plenary floor, or a table's when `tableId` is given (unknown table: no change). */
export function updateFloor(state: RoomState, tableId: string | undefined, fn: (f: Floor) => Floor): RoomState {
  if (tableId === undefined) return { ...state, floor: fn(state.floor) };
  return updateTable(state, tableId, (t) => ({ ...t, floor: fn(t.floor) }));
}

export const EMPTY_FLOOR: Floor = { queue: [], speaker: null };

/** Takes someone off a floor's queue (and off the floor when `alsoSpeaker`). */
export function withoutPerson(floor: Floor, participantId: string, alsoSpeaker = false): Floor {
  const queue = floor.queue.filter((e) => e.participantId !== participantId);
  const speaker = alsoSpeaker && floor.speaker?.participantId === participantId ? null : floor.speaker;
  return queue.length === floor.queue.length && speaker === floor.speaker ? floor : { queue, speaker };
}
