import type { Command } from '../protocol.ts';
import type { Actor, DecideContext } from './actor.ts';
import { authorize } from './authorize.ts';
import { decideAgenda } from './decideAgenda.ts';
import { decideFloor } from './decideFloor.ts';
import { decideRoom } from './decideRoom.ts';
import type { Decision } from './decision.ts';
import type { RoomState } from './state.ts';

/**
 * The room's one decision function: `(state, command, actor, ctx) → events | error`.
 * Pure: time and ids come from `ctx`. A rejection carries no events, so it changes nothing.
 */
export function decide(state: RoomState, cmd: Command, actor: Actor, ctx: DecideContext): Decision {
  const denied = authorize(actor, cmd);
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
      return decideRoom(state, cmd, ctx);
    default:
      return assertNever(cmd);
  }
}

function assertNever(x: never): never {
  throw new Error(`unhandled command ${JSON.stringify(x)}`);
}
