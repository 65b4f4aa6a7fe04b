import type { CommandOf } from '../protocol.ts';
import type { Actor, DecideContext } from './actor.ts';
import { isRunning, newClock } from './clock.ts';
import { accept, reject, type Decision, type Draft } from './decision.ts';
import { insertionIndex, queuePosition } from './queue.ts';
import { advanceRound } from './rounds.ts';
import { at, endTurn } from './turns.ts';
import { floorOf, tableById, turnDurationMs, type Floor, type HandKind, type RoomState } from './state.ts';

type FloorCommand = CommandOf<
  'hand.raise' | 'hand.lower' | 'floor.next' | 'floor.give' | 'floor.end' | 'queue.move' | 'timer.start' | 'timer.pause' | 'timer.add' | 'timer.reset'
>;


/**
 * Decides speaker-queue and speaking-timer commands on the plenary floor, or on a
 * table's when the command names one. Roles and table scope were checked by `authorize`.
 */
export function decideFloor(state: RoomState, cmd: FloorCommand, actor: Actor, ctx: DecideContext): Decision {
  const { now } = ctx;
  const tableId = cmd.tableId;
  const floor = floorOf(state, tableId);
  if (!floor) return reject('not_found', 'unknown table', 'table_not_found');
  // Tables deliberate only during a breakout: `breakout.ended` clears their floors, so nothing may start there outside one.
  if (tableId !== undefined && !state.breakout) return reject('conflict', 'no breakout is running', 'no_breakout');
  const { queue, speaker } = floor;
  switch (cmd.type) {
    case 'hand.raise': {
      if (actor.role !== 'participant') return reject('forbidden', 'only participants raise hands', 'role');
      const me = state.participants[actor.participantId];
      if (!me || me.status !== 'active') return reject('not_found', 'unknown participant', 'participant_not_found');
      if (speaker?.participantId === me.id) return reject('conflict', 'you have the floor', 'already_speaking');
      if (queuePosition(queue, me.id) >= 0) return reject('conflict', 'hand already raised', 'hand_already_raised');
      // The session limit counts plenary requests only (`raises`, as every audience sees it).
      const limit = tableId === undefined ? state.settings.queueLimit : null;
      if (limit !== null && me.raises >= limit) return reject('conflict', 'queue limit reached for this session', 'queue_limit_reached');
      return accept(now, { type: 'hand.raised', ...at(tableId), participantId: me.id, kind: cmd.kind, index: insertionIndex(state, queue, me.id, cmd.kind) });
    }
    case 'hand.lower': {
      const target = cmd.participantId ?? (actor.role === 'participant' ? actor.participantId : undefined);
      if (target === undefined) return reject('invalid', 'participantId is required', 'participant_required');
      if (!state.participants[target]) return reject('not_found', 'unknown participant', 'participant_not_found');
      if (queuePosition(queue, target) < 0) return reject('conflict', 'hand is not raised', 'hand_not_raised');
      return accept(now, { type: 'hand.lowered', ...at(tableId), participantId: target, byModerator: actor.role === 'moderator' || target !== (actor.role === 'participant' ? actor.participantId : '') });
    }
    case 'floor.next': {
      const head = queue[0];
      if (!head) return reject('conflict', 'the queue is empty', 'queue_empty');
      return accept(now, ...handOver(state, floor, tableId, head.participantId, head.kind, now));
    }
    case 'floor.give': {
      const p = state.participants[cmd.participantId];
      if (!p || p.status === 'removed') return reject('not_found', 'unknown participant', 'participant_not_found');
      if (tableId !== undefined && !tableById(state, tableId)?.members.includes(p.id)) return reject('conflict', 'not at this table', 'not_member');
      if (speaker?.participantId === p.id) return reject('conflict', 'already has the floor', 'already_speaking');
      const kind = queue[queuePosition(queue, p.id)]?.kind ?? 'speak';
      return accept(now, ...handOver(state, floor, tableId, p.id, kind, now));
    }
    case 'floor.end': {
      if (!speaker) return reject('conflict', 'nobody has the floor', 'no_speaker');
      const table = tableId === undefined ? undefined : tableById(state, tableId);
      // In a go-round, a speaker who ends early hands on to the next member.
      if (table?.round) return accept(now, ...advanceRound(state, table, 'ended_early', now, ctx.online));
      return accept(now, endTurn(floor, tableId, now)!);
    }
    case 'queue.move': {
      const from = queuePosition(queue, cmd.participantId);
      if (from < 0) return reject('conflict', 'not in the queue', 'hand_not_raised');
      return accept(now, { type: 'queue.moved', ...at(tableId), participantId: cmd.participantId, index: Math.min(cmd.index, queue.length - 1) });
    }
    default:
      return decideTimer(state, floor, cmd, now);
  }
}

function decideTimer(state: RoomState, floor: Floor, cmd: CommandOf<'timer.start' | 'timer.pause' | 'timer.add' | 'timer.reset'>, now: number): Decision {
  const speaker = floor.speaker;
  const tableId = cmd.tableId;
  if (!speaker) return reject('conflict', 'nobody has the floor', 'no_speaker');
  switch (cmd.type) {
    case 'timer.start':
      if (isRunning(speaker.clock)) return reject('conflict', 'the timer is already running', 'timer_running');
      return accept(now, { type: 'timer.started', ...at(tableId) });
    case 'timer.pause':
      if (!isRunning(speaker.clock)) return reject('conflict', 'the timer is not running', 'timer_paused');
      return accept(now, { type: 'timer.paused', ...at(tableId) });
    case 'timer.add':
      return accept(now, { type: 'timer.adjusted', ...at(tableId), ms: cmd.ms });
    case 'timer.reset':
      return accept(now, { type: 'timer.reset', ...at(tableId), durationMs: turnDurationMs(state, tableId) });
  }
}

function handOver(state: RoomState, floor: Floor, tableId: string | undefined, participantId: string, kind: HandKind, now: number): Draft[] {
  const end = endTurn(floor, tableId, now);
  const given: Draft = { type: 'floor.given', ...at(tableId), participantId, kind, clock: newClock(turnDurationMs(state, tableId), now) };
  return end ? [end, given] : [given];
}
