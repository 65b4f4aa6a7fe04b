import type { ProjectedEvent, VersionedEvent } from '../protocol.ts';
import type { Participant, RoomState } from './state.ts';

/**
 * Who reads a projection. Versions are room-wide; an audience that may not read an
 * event gets `{version, type: "hidden"}` in its place. The server projects once per
 * audience, not once per socket.
 */
export type Audience = 'moderator' | 'display' | 'participant';
export const AUDIENCES: readonly Audience[] = ['moderator', 'display', 'participant'];

/** The state as an audience may see it. Credentials never leave the server. */
export function projectState(state: RoomState, _audience: Audience): RoomState {
  const participants: Record<string, Participant> = {};
  for (const [id, { tokenHash: _, ...p }] of Object.entries(state.participants)) participants[id] = p;
  return { ...state, participants };
}

/** One event as an audience may see it. */
export function projectEvent(event: VersionedEvent, _audience: Audience): ProjectedEvent {
  if (event.type === 'participant.joined' && event.tokenHash !== undefined) {
    const { tokenHash: _, ...rest } = event;
    return rest;
  }
  return event;
}
