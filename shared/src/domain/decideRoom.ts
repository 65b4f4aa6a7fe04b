import { LIMITS, type CommandOf } from '../protocol.ts';
import type { DecideContext } from './actor.ts';
import { applyAll } from './apply.ts';
import { resumeInterruptedRounds } from './rounds.ts';
import { endTurn } from './turns.ts';
import { accept, reject, type Decision, type Draft } from './decision.ts';
import { tableById, tableOf, type Language, type RoomState, type Table } from './state.ts';

type RoomCommand = CommandOf<'participant.rename' | 'participant.remove' | 'participant.revoke' | 'room.update' | 'projector.show'>;

/** Decides participant management and room settings. */
export function decideRoom(state: RoomState, cmd: RoomCommand, ctx: DecideContext): Decision {
  const { now } = ctx;
  // Idempotent: a second press of the same button is not an error worth showing.
  if (cmd.type === 'projector.show') return accept(now, { type: 'projector.shown', view: cmd.view });
  if (cmd.type === 'room.update') {
    const { id: _id, type: _type, ...changes } = cmd;
    const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
    if (Object.keys(defined).length === 0) return reject('invalid', 'nothing to change', 'no_changes');
    if (typeof cmd.lateArrivalTableId === 'string' && !tableById(state, cmd.lateArrivalTableId)) return reject('not_found', 'unknown table', 'table_not_found');
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
      // Their turn ends wherever they hold the floor, so their speaking time is kept.
      const table = tableOf(state, p.id);
      const ends = [
        state.floor.speaker?.participantId === p.id ? endTurn(state.floor, undefined, now) : null,
        table?.floor.speaker?.participantId === p.id ? endTurn(table.floor, table.id, now) : null,
      ].filter((e): e is Draft => e !== null);
      const drafts: Draft[] = [...ends, { type: 'participant.removed', participantId: p.id }];
      return accept(now, ...drafts, ...resumeInterruptedRounds(state, drafts, applyAll, now, ctx.online));
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
  const participantId = ctx.newId('p');
  const joined: Draft = { type: 'participant.joined', participantId, name: input.name, language: input.language, tokenHash: input.tokenHash };
  // Once tables exist, a late arrival sits where the moderator said, or at the smallest table.
  const table = lateArrivalTable(state);
  return accept(ctx.now, joined, ...(table ? [{ type: 'participant.seated', participantId, tableId: table.id } as Draft] : []));
}

function lateArrivalTable(state: RoomState): Table | undefined {
  const chosen = state.settings.lateArrivalTableId;
  const picked = chosen === null ? undefined : tableById(state, chosen);
  if (picked) return picked;
  return [...state.tables].sort((a, b) => a.members.length - b.members.length || a.number - b.number)[0];
}
