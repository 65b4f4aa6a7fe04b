import { wireError, type WireError } from '../errors.ts';
import type { Command, CommandType } from '../protocol.ts';
import type { Actor } from './actor.ts';

type Role = Actor['role'];
const MOD: readonly Role[] = ['moderator'];
const ANYONE_BUT_DISPLAY: readonly Role[] = ['moderator', 'participant'];

/** Which roles may send each command. The display may send none. */
export const COMMAND_ROLES: Record<CommandType, readonly Role[]> = {
  'hand.raise': ['participant'],
  'hand.lower': ANYONE_BUT_DISPLAY,
  'floor.next': MOD,
  'floor.give': MOD,
  'floor.end': MOD,
  'queue.move': MOD,
  'timer.start': MOD,
  'timer.pause': MOD,
  'timer.add': MOD,
  'timer.reset': MOD,
  'agenda.add': MOD,
  'agenda.update': MOD,
  'agenda.remove': MOD,
  'agenda.move': MOD,
  'agenda.start': MOD,
  'agenda.finish': MOD,
  'participant.rename': ANYONE_BUT_DISPLAY,
  'participant.remove': MOD,
  'participant.revoke': MOD,
  'room.update': MOD,
};

/**
 * The one permission check for every command: role first, then ownership
 * (a participant acts only on themself). Returns null when allowed.
 */
export function authorize(actor: Actor, command: Command): WireError | null {
  if (!COMMAND_ROLES[command.type].includes(actor.role)) {
    return wireError('forbidden', `${actor.role} may not send ${command.type}`, 'role');
  }
  if (actor.role !== 'participant') return null;
  const target = 'participantId' in command ? command.participantId : undefined;
  if (target !== undefined && target !== actor.participantId) {
    return wireError('forbidden', `a participant may only ${command.type} themself`, 'not_own');
  }
  return null;
}
