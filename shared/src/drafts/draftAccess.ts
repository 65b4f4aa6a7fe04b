import type { Actor } from '../domain/actor.ts';
import { tableById, type RoomState } from '../domain/state.ts';
import type { DraftRef } from './draftNames.ts';

/**
 * What an actor may do with a draft: `write`, `read`, `none` (refused), or `unknown`
 * when the draft does not exist (a table that is not, or no longer, in the room).
 */
export type DraftAccess = 'write' | 'read' | 'none' | 'unknown';

/**
 * The one access rule for drafts, asked at connect and again for every update, so a
 * panelist moved to another table loses write access at once.
 * - Table draft: its members and its facilitator (member or helper link) write; moderators
 *   write every draft; everyone else in the room reads (the projector, other tables).
 * - Plenary draft: moderators write, and so do table facilitators (they promote their
 *   table's passages into it); everyone else reads.
 * Removed or revoked participants get nothing.
 */
export function draftAccess(state: RoomState, actor: Actor, draft: DraftRef): DraftAccess {
  const table = draft.kind === 'table' ? tableById(state, draft.tableId) : undefined;
  if (draft.kind === 'table' && !table) return 'unknown';
  switch (actor.role) {
    case 'moderator':
      return 'write';
    case 'display':
      return 'read';
    case 'facilitator': {
      const own = tableById(state, actor.tableId);
      if (!own) return 'none';
      return draft.kind === 'plenary' || own.id === table?.id ? 'write' : 'read';
    }
    case 'participant': {
      const me = state.participants[actor.participantId];
      if (me?.status !== 'active') return 'none';
      if (table) return table.members.includes(me.id) || table.facilitatorId === me.id ? 'write' : 'read';
      return state.tables.some((t) => t.facilitatorId === me.id) ? 'write' : 'read';
    }
  }
}
