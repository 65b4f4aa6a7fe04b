import { elapsedMs, extendClock, pauseClock, resetClock, startClock } from './clock.ts';
import type { EventOf } from './events.ts';
import { insertAt, moveTo, queuePosition } from './queue.ts';
import type { RoomState, Speaker } from './state.ts';
import { updateFloor, updateParticipant, withoutPerson } from './stateUpdate.ts';

export type FloorEvent = EventOf<'hand.raised' | 'hand.lowered' | 'queue.moved' | 'floor.given' | 'floor.ended' | 'timer.started' | 'timer.paused' | 'timer.adjusted' | 'timer.reset'>;

/** Folds a floor event into the plenary floor or, with `tableId`, into that table's. */
export function applyFloor(state: RoomState, event: FloorEvent): RoomState {
  const onFloor = (fn: Parameters<typeof updateFloor>[2]) => updateFloor(state, event.tableId, fn);
  const onClock = (fn: (c: Speaker['clock']) => Speaker['clock']) => onFloor((f) => (f.speaker ? { ...f, speaker: { ...f.speaker, clock: fn(f.speaker.clock) } } : f));
  switch (event.type) {
    case 'hand.raised': {
      const entry = { participantId: event.participantId, kind: event.kind, raisedAt: event.at, pinned: false };
      // Only plenary requests count towards `raises` (the session's queue limit): a table's are hidden from other audiences.
      const next = event.tableId === undefined ? updateParticipant(state, event.participantId, (p) => ({ ...p, raises: p.raises + 1 })) : state;
      return updateFloor(next, event.tableId, (f) => ({ ...f, queue: insertAt(f.queue, event.index, entry) }));
    }
    case 'hand.lowered':
      return onFloor((f) => withoutPerson(f, event.participantId));
    case 'queue.moved':
      return onFloor((f) => ({ ...f, queue: moveTo(f.queue, queuePosition(f.queue, event.participantId), event.index, (e) => ({ ...e, pinned: true })) }));
    case 'floor.given': {
      const speaker: Speaker = { participantId: event.participantId, kind: event.kind, clock: event.clock, since: event.at, spokenBeforeResetMs: 0 };
      return onFloor((f) => ({ speaker, queue: f.queue.filter((e) => e.participantId !== event.participantId) }));
    }
    case 'floor.ended': {
      const next = updateParticipant(state, event.participantId, (p) => ({ ...p, spokenMs: p.spokenMs + event.spokenMs, turns: p.turns + 1 }));
      return updateFloor(next, event.tableId, (f) => ({ ...f, speaker: null }));
    }
    case 'timer.started':
      return onClock((c) => startClock(c, event.at));
    case 'timer.paused':
      return onClock((c) => pauseClock(c, event.at));
    case 'timer.adjusted':
      return onClock((c) => extendClock(c, event.ms));
    case 'timer.reset':
      return onFloor((f) => {
        const s = f.speaker;
        if (!s) return f;
        const clock = { ...resetClock(s.clock), durationMs: event.durationMs };
        return { ...f, speaker: { ...s, clock, spokenBeforeResetMs: s.spokenBeforeResetMs + elapsedMs(s.clock, event.at) } };
      });
  }
}
