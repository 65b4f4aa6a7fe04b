import { wireError, type WireError } from '../errors.ts';
import type { Command, CommandType } from '../protocol.ts';
import type { Actor } from './actor.ts';
import { tableById, type RoomState } from './state.ts';

type Role = Actor['role'];

/**
 * Who may send a command:
 * - `moderator`: moderators only.
 * - `participant`: participants only (a table-scoped one only at their own table).
 * - `self`: moderators for anyone; a participant for themself.
 * - `facilitator`: moderators; a participant only with the `tableId` of the table they facilitate.
 * - `self_or_facilitator`: as `self`, and a facilitator for anyone at their table.
 * The display may send nothing.
 */
export type Permission = 'moderator' | 'participant' | 'self' | 'facilitator' | 'self_or_facilitator';

export const COMMAND_PERMISSIONS: Record<CommandType, Permission> = {
  'hand.raise': 'participant',
  'hand.lower': 'self_or_facilitator',
  'floor.next': 'facilitator',
  'floor.give': 'facilitator',
  'floor.end': 'facilitator',
  'queue.move': 'facilitator',
  'timer.start': 'facilitator',
  'timer.pause': 'facilitator',
  'timer.add': 'facilitator',
  'timer.reset': 'facilitator',
  'agenda.add': 'moderator',
  'agenda.update': 'moderator',
  'agenda.remove': 'moderator',
  'agenda.move': 'moderator',
  'agenda.start': 'moderator',
  'agenda.finish': 'moderator',
  'participant.rename': 'self',
  'participant.remove': 'moderator',
  'participant.revoke': 'moderator',
  'room.update': 'moderator',
  'projector.show': 'moderator',
  'participant.profile': 'self',
  'participants.profile': 'moderator',
  'tables.create': 'moderator',
  'table.update': 'moderator',
  'tables.clear': 'moderator',
  'tables.assign': 'moderator',
  'table.seat': 'moderator',
  'table.facilitator': 'moderator',
  'breakout.start': 'moderator',
  'breakout.extend': 'moderator',
  'breakout.pause': 'moderator',
  'breakout.resume': 'moderator',
  'breakout.end': 'moderator',
  broadcast: 'moderator',
  'broadcast.clear': 'moderator',
  'round.start': 'facilitator',
  'round.skip': 'facilitator',
  'round.stop': 'facilitator',
  'help.request': 'participant',
  'help.answer': 'moderator',
};

const ROLES_FOR: Record<Permission, readonly Role[]> = {
  moderator: ['moderator'],
  participant: ['participant'],
  self: ['moderator', 'participant'],
  facilitator: ['moderator', 'participant', 'facilitator'],
  self_or_facilitator: ['moderator', 'participant', 'facilitator'],
};

/** Which roles may send each command at all (finer checks follow in `authorize`). */
export const COMMAND_ROLES: Record<CommandType, readonly Role[]> = {
  ...(Object.fromEntries(Object.entries(COMMAND_PERMISSIONS).map(([type, p]) => [type, ROLES_FOR[p]])) as unknown as Record<CommandType, readonly Role[]>),
  // A helper running a table can call the moderators for it too.
  'help.request': ['participant', 'facilitator'],
};

const deny = (message: string, reason: string) => wireError('forbidden', message, reason);

/**
 * The one permission check for every command: role, then ownership (a participant acts
 * on themself), then table scope (a participant acts only at their own table; a
 * facilitator runs only their table's floor). Returns null when allowed.
 */
export function authorize(actor: Actor, command: Command, state: RoomState): WireError | null {
  const permission = COMMAND_PERMISSIONS[command.type];
  if (!COMMAND_ROLES[command.type].includes(actor.role)) return deny(`${actor.role} may not send ${command.type}`, 'role');
  if (actor.role === 'facilitator') return authorizeFacilitatorLink(actor.tableId, command, state);
  if (actor.role !== 'participant') return null;
  const me = actor.participantId;
  const tableId = 'tableId' in command ? (command.tableId ?? undefined) : undefined;
  const target = 'participantId' in command ? (command.participantId ?? undefined) : undefined;
  const table = tableId === undefined ? undefined : tableById(state, tableId);
  const facilitates = table !== undefined && table.facilitatorId === me;
  if (permission === 'facilitator' || (permission === 'self_or_facilitator' && target !== undefined && target !== me)) {
    if (facilitates && (target === undefined || table.members.includes(target))) return null;
    const reason = permission === 'self_or_facilitator' ? 'not_own' : tableId === undefined ? 'role' : 'not_facilitator';
    return deny(`only the table's facilitator or a moderator may send ${command.type}`, reason);
  }
  if (target !== undefined && target !== me) return deny(`a participant may only ${command.type} themself`, 'not_own');
  if (tableId !== undefined && !table?.members.includes(me)) return deny('a participant acts only at their own table', 'not_member');
  if (command.type === 'participant.profile' && command.attributes !== undefined) return deny('only moderators set attributes', 'role');
  return null;
}

/** A facilitator link acts only at its own table, and only on that table's members. */
function authorizeFacilitatorLink(ownTable: string, command: Command, state: RoomState): WireError | null {
  const tableId = 'tableId' in command ? (command.tableId ?? undefined) : undefined;
  const target = 'participantId' in command ? (command.participantId ?? undefined) : undefined;
  const table = tableById(state, ownTable);
  if (tableId !== ownTable || !table) return deny('a facilitator link runs its own table only', 'not_facilitator');
  if (target !== undefined && !table.members.includes(target)) return deny('not a member of this table', 'not_facilitator');
  if (command.type === 'hand.lower' && target === undefined) return deny('a facilitator link has no hand to lower', 'role');
  if (COMMAND_PERMISSIONS[command.type] === 'participant' && command.type !== 'help.request') return deny('a facilitator link is not a participant', 'role');
  return null;
}
