import { LIMITS, type CommandOf } from '../protocol.ts';
import type { DecideContext } from './actor.ts';
import { endTurn } from './decideFloor.ts';
import { accept, reject, type Decision, type Draft } from './decision.ts';
import type { Language, RoomState } from './state.ts';

type RoomCommand = CommandOf<'participant.rename' | 'participant.remove' | 'participant.revoke' | 'room.update'>;

/** Decides participant management and room settings. */
export function decideRoom(state: RoomState, cmd: RoomCommand, ctx: DecideContext): Decision {
  const { now } = ctx;
  if (cmd.type === 'room.update') {
    const { id: _id, type: _type, ...changes } = cmd;
    const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
    if (Object.keys(defined).length === 0) return reject('invalid', 'nothing to change', 'no_changes');
    return accept(now, { type: 'room.updated', changes: defined });
  }
  const p = state.participants[cmd.participantId];
  if (!p || p.status === 'removed') return reject('not_found', 'unknown participant', 'participant_not_found');
  switch (cmd.type) {
    case 'participant.rename':
      return accept(now, { type: 'participant.renamed', participantId: p.id, name: cmd.name });
    case 'participant.revoke':
      if (p.status !== 'active') return reject('conflict', 'already revoked', 'already_revoked');
      return accept(now, { type: 'participant.revoked', participantId: p.id });
    case 'participant.remove': {
      const end = state.floor.speaker?.participantId === p.id ? endTurn(state, now) : null;
      const removed: Draft = { type: 'participant.removed', participantId: p.id };
      return accept(now, ...(end ? [end, removed] : [removed]));
    }
  }
}

/** What the server knows about a join request (HTTP `POST /api/join`). */
export interface JoinInput {
  name: string;
  language: Language | null;
  tokenHash: string;
}

/** Decides a join; the server issues it as a system command, so it bypasses `authorize`. */
export function decideJoin(state: RoomState, input: JoinInput, ctx: DecideContext): Decision {
  if (!state.settings.joinOpen) return reject('conflict', 'joining is closed', 'join_closed');
  if (Object.keys(state.participants).length >= LIMITS.MAX_PARTICIPANTS) return reject('conflict', 'the room is full', 'room_full');
  return accept(ctx.now, {
    type: 'participant.joined',
    participantId: ctx.newId('p'),
    name: input.name,
    language: input.language,
    tokenHash: input.tokenHash,
  });
}
