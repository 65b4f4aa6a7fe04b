import type { ProjectedEvent, VersionedEvent } from '../protocol.ts';
import { tableOf, type Participant, type RoomState, type Table } from './state.ts';
import { EMPTY_FLOOR } from './stateUpdate.ts';

/**
 * Who reads a projection. Versions are room-wide; an audience that may not read an
 * event gets `{version, type: "hidden"}` in its place. The server projects once per
 * audience, not once per socket: moderators, the display, participants without a
 * table, and one audience per table (`table:<id>`).
 */
export type Audience = 'moderator' | 'display' | 'participant' | `table:${string}`;
export const AUDIENCES: readonly Audience[] = ['moderator', 'display', 'participant'];

/** Every audience a room has right now. */
export function audiencesOf(state: RoomState): Audience[] {
  return [...AUDIENCES, ...state.tables.map((t) => `table:${t.id}` as const)];
}

/** The audience of a participant: their table's, or the plain participant one. */
export function participantAudience(state: RoomState, participantId: string): Audience {
  const table = tableOf(state, participantId);
  return table ? `table:${table.id}` : 'participant';
}

const canSeeTable = (audience: Audience, tableId: string) => audience === 'moderator' || audience === `table:${tableId}`;

/**
 * The state as an audience may see it. Credentials never leave the server; profiles
 * (deliberation languages and balancing attributes such as age or gender) reach moderators only; a table's queue, speaker, go-round
 * and call for help reach only that table and the moderators.
 */
export function projectState(state: RoomState, audience: Audience): RoomState {
  const participants: Record<string, Participant> = {};
  for (const [id, p] of Object.entries(state.participants)) participants[id] = projectParticipant(p, audience);
  return { ...projectStateExceptParticipants(state, audience), participants };
}

/**
 * One participant as an audience sees them. Balancing attributes (age, gender, …) reach
 * moderators only; the languages people deliberate in are shown to everyone (a panelist
 * sees the languages they stated).
 */
export function projectParticipant({ tokenHash: _, ...p }: Participant, audience: Audience): Participant {
  return audience === 'moderator' ? p : { ...p, attributes: {} };
}

/** `projectState` with the participants left as they are: for encoders that project those one by one. */
export function projectStateExceptParticipants(state: RoomState, audience: Audience): RoomState {
  const tables = state.tables.map((t): Table => (canSeeTable(audience, t.id) ? t : { ...t, floor: EMPTY_FLOOR, round: null, helpRequestedAt: null }));
  return { ...state, tables };
}

/** One event as an audience may see it. */
export function projectEvent(event: VersionedEvent, audience: Audience): ProjectedEvent {
  const tableId = 'tableId' in event ? event.tableId : undefined;
  // `floor.ended` credits speaking time, which every audience sees in the statistics; on a
  // table's floor that other audiences see empty, folding it changes nothing else.
  const tableScoped = typeof tableId === 'string' && event.type !== 'participant.seated' && event.type !== 'floor.ended' && !event.type.startsWith('table.');
  if (tableScoped && !canSeeTable(audience, tableId)) return { version: event.version, type: 'hidden' };
  if (event.type === 'participant.profiled' && audience !== 'moderator') {
    if (event.languages === undefined) return { version: event.version, type: 'hidden' };
    const { attributes: _, ...languagesOnly } = event;
    return languagesOnly;
  }
  if (event.type === 'participant.joined' && event.tokenHash !== undefined) {
    const { tokenHash: _, ...rest } = event;
    return rest;
  }
  return event;
}
