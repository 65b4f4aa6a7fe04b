import type { CommandOf } from '../protocol.ts';
import type { Actor, DecideContext } from './actor.ts';
import { elapsedMs, isRunning, newClock } from './clock.ts';
import { accept, reject, type Decision, type Draft } from './decision.ts';
import { insertionIndex, queuePosition } from './queue.ts';
import { turnDurationMs, type HandKind, type RoomState } from './state.ts';

type FloorCommand = CommandOf<
  'hand.raise' | 'hand.lower' | 'floor.next' | 'floor.give' | 'floor.end' | 'queue.move' | 'timer.start' | 'timer.pause' | 'timer.add' | 'timer.reset'
>;

/** Decides speaker-queue and speaking-timer commands. Roles were checked by `authorize`. */
export function decideFloor(state: RoomState, cmd: FloorCommand, actor: Actor, ctx: DecideContext): Decision {
  const { now } = ctx;
  const { queue, speaker } = state.floor;
  switch (cmd.type) {
    case 'hand.raise': {
      if (actor.role !== 'participant') return reject('forbidden', 'only participants raise hands', 'role');
      const me = state.participants[actor.participantId];
      if (!me || me.status !== 'active') return reject('not_found', 'unknown participant', 'participant_not_found');
      if (speaker?.participantId === me.id) return reject('conflict', 'you have the floor', 'already_speaking');
      if (queuePosition(queue, me.id) >= 0) return reject('conflict', 'hand already raised', 'hand_already_raised');
      const limit = state.settings.queueLimit;
      if (limit !== null && me.raises >= limit) return reject('conflict', 'queue limit reached for this session', 'queue_limit_reached');
      return accept(now, { type: 'hand.raised', participantId: me.id, kind: cmd.kind, index: insertionIndex(state, me.id, cmd.kind) });
    }
    case 'hand.lower': {
      const target = cmd.participantId ?? (actor.role === 'participant' ? actor.participantId : undefined);
      if (target === undefined) return reject('invalid', 'participantId is required', 'participant_required');
      if (!state.participants[target]) return reject('not_found', 'unknown participant', 'participant_not_found');
      if (queuePosition(queue, target) < 0) return reject('conflict', 'hand is not raised', 'hand_not_raised');
      return accept(now, { type: 'hand.lowered', participantId: target, byModerator: actor.role === 'moderator' });
    }
    case 'floor.next': {
      const head = queue[0];
      if (!head) return reject('conflict', 'the queue is empty', 'queue_empty');
      return accept(now, ...handOver(state, head.participantId, head.kind, now));
    }
    case 'floor.give': {
      const p = state.participants[cmd.participantId];
      if (!p || p.status === 'removed') return reject('not_found', 'unknown participant', 'participant_not_found');
      if (speaker?.participantId === p.id) return reject('conflict', 'already has the floor', 'already_speaking');
      const kind = queue[queuePosition(queue, p.id)]?.kind ?? 'speak';
      return accept(now, ...handOver(state, p.id, kind, now));
    }
    case 'floor.end':
      if (!speaker) return reject('conflict', 'nobody has the floor', 'no_speaker');
      return accept(now, endTurn(state, now)!);
    case 'queue.move': {
      const from = queuePosition(queue, cmd.participantId);
      if (from < 0) return reject('conflict', 'not in the queue', 'hand_not_raised');
      return accept(now, { type: 'queue.moved', participantId: cmd.participantId, index: Math.min(cmd.index, queue.length - 1) });
    }
    default:
      return decideTimer(state, cmd, now);
  }
}

function decideTimer(state: RoomState, cmd: CommandOf<'timer.start' | 'timer.pause' | 'timer.add' | 'timer.reset'>, now: number): Decision {
  const speaker = state.floor.speaker;
  if (!speaker) return reject('conflict', 'nobody has the floor', 'no_speaker');
  switch (cmd.type) {
    case 'timer.start':
      if (isRunning(speaker.clock)) return reject('conflict', 'the timer is already running', 'timer_running');
      return accept(now, { type: 'timer.started' });
    case 'timer.pause':
      if (!isRunning(speaker.clock)) return reject('conflict', 'the timer is not running', 'timer_paused');
      return accept(now, { type: 'timer.paused' });
    case 'timer.add':
      return accept(now, { type: 'timer.adjusted', ms: cmd.ms });
    case 'timer.reset':
      return accept(now, { type: 'timer.reset', durationMs: turnDurationMs(state) });
  }
}

/** The current turn's end, if someone has the floor. */
export function endTurn(state: RoomState, now: number): Draft | null {
  const s = state.floor.speaker;
  return s ? { type: 'floor.ended', participantId: s.participantId, spokenMs: s.spokenBeforeResetMs + elapsedMs(s.clock, now) } : null;
}

function handOver(state: RoomState, participantId: string, kind: HandKind, now: number): Draft[] {
  const end = endTurn(state, now);
  const given: Draft = { type: 'floor.given', participantId, kind, clock: newClock(turnDurationMs(state), now) };
  return end ? [end, given] : [given];
}
