import type { Command } from '../protocol.ts';
import type { Actor, DecideContext } from './actor.ts';
import { authorize } from './authorize.ts';
import { decideAgenda } from './decideAgenda.ts';
import { decideBreakout } from './decideBreakout.ts';
import { decideFloor } from './decideFloor.ts';
import { decideRoom } from './decideRoom.ts';
import { decideTables } from './decideTables.ts';
import type { Decision } from './decision.ts';
import type { RoomState } from './state.ts';

/**
 * The room's one decision function: `(state, command, actor, ctx) → events | error`.
 * Pure: time, ids, randomness and presence come from `ctx`. A rejection carries no
 * events, so it changes nothing.
 */
export function decide(state: RoomState, cmd: Command, actor: Actor, ctx: DecideContext): Decision {
  const denied = authorize(actor, cmd, state);
  if (denied) return { ok: false, error: denied };
  switch (cmd.type) {
    case 'hand.raise':
    case 'hand.lower':
    case 'floor.next':
    case 'floor.give':
    case 'floor.end':
    case 'queue.move':
    case 'timer.start':
    case 'timer.pause':
    case 'timer.add':
    case 'timer.reset':
      return decideFloor(state, cmd, actor, ctx);
    case 'agenda.add':
    case 'agenda.update':
    case 'agenda.remove':
    case 'agenda.move':
    case 'agenda.start':
    case 'agenda.finish':
      return decideAgenda(state, cmd, ctx);
    case 'participant.rename':
    case 'participant.remove':
    case 'participant.revoke':
    case 'room.update':
    case 'projector.show':
      return decideRoom(state, cmd, ctx);
    case 'participant.profile':
    case 'participants.profile':
    case 'tables.create':
    case 'table.update':
    case 'tables.clear':
    case 'tables.assign':
    case 'table.seat':
    case 'table.facilitator':
    case 'help.request':
    case 'help.answer':
      return decideTables(state, cmd, ctx);
    case 'breakout.start':
    case 'breakout.extend':
    case 'breakout.pause':
    case 'breakout.resume':
    case 'breakout.end':
    case 'broadcast':
    case 'broadcast.clear':
    case 'round.start':
    case 'round.skip':
    case 'round.stop':
      return decideBreakout(state, cmd, ctx);
    default:
      return assertNever(cmd);
  }
}

function assertNever(x: never): never {
  throw new Error(`unhandled command ${JSON.stringify(x)}`);
}
