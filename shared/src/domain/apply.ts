import { elapsedMs, extendClock, pauseClock, resetClock, startClock } from './clock.ts';
import type { RoomEvent } from './events.ts';
import { insertAt, moveTo, queuePosition } from './queue.ts';
import type { AgendaItem, Participant, RoomState, Speaker } from './state.ts';

/**
 * Folds one event into the state. Pure and total: the server and every client run it,
 * so it must never consult anything but its arguments.
 */
export function apply(state: RoomState, event: RoomEvent): RoomState {
  switch (event.type) {
    case 'room.created':
      return { ...state, roomId: event.roomId, joinCode: event.joinCode, title: event.title, language: event.language, secondLanguage: event.secondLanguage, createdAt: event.at };
    case 'room.updated': {
      const { title, language, secondLanguage, ...settings } = event.changes;
      return {
        ...state,
        ...(title !== undefined && { title }),
        ...(language !== undefined && { language }),
        ...(secondLanguage !== undefined && { secondLanguage }),
        settings: { ...state.settings, ...stripUndefined(settings) },
      };
    }
    case 'participant.joined': {
      const p: Participant = {
        id: event.participantId,
        name: event.name,
        language: event.language,
        joinedAt: event.at,
        status: 'active',
        spokenMs: 0,
        turns: 0,
        raises: 0,
        ...(event.tokenHash !== undefined && { tokenHash: event.tokenHash }),
      };
      return { ...state, participants: { ...state.participants, [p.id]: p } };
    }
    case 'participant.renamed':
      return updateParticipant(state, event.participantId, (p) => ({ ...p, name: event.name }));
    case 'participant.revoked':
      return updateParticipant(state, event.participantId, ({ tokenHash: _, ...p }) => ({ ...p, status: 'revoked' }));
    case 'participant.removed': {
      const next = updateParticipant(state, event.participantId, ({ tokenHash: _, ...p }) => ({ ...p, status: 'removed' }));
      return withFloor(next, { queue: next.floor.queue.filter((e) => e.participantId !== event.participantId) });
    }
    case 'hand.raised': {
      const entry = { participantId: event.participantId, kind: event.kind, raisedAt: event.at, pinned: false };
      const next = updateParticipant(state, event.participantId, (p) => ({ ...p, raises: p.raises + 1 }));
      return withFloor(next, { queue: insertAt(next.floor.queue, event.index, entry) });
    }
    case 'hand.lowered':
      return withFloor(state, { queue: state.floor.queue.filter((e) => e.participantId !== event.participantId) });
    case 'queue.moved': {
      const from = queuePosition(state.floor.queue, event.participantId);
      return withFloor(state, { queue: moveTo(state.floor.queue, from, event.index, (e) => ({ ...e, pinned: true })) });
    }
    case 'floor.given': {
      const speaker: Speaker = { participantId: event.participantId, kind: event.kind, clock: event.clock, since: event.at, spokenBeforeResetMs: 0 };
      return withFloor(state, { speaker, queue: state.floor.queue.filter((e) => e.participantId !== event.participantId) });
    }
    case 'floor.ended': {
      const next = updateParticipant(state, event.participantId, (p) => ({ ...p, spokenMs: p.spokenMs + event.spokenMs, turns: p.turns + 1 }));
      return withFloor(next, { speaker: null });
    }
    case 'timer.started':
      return updateSpeakerClock(state, (c) => startClock(c, event.at));
    case 'timer.paused':
      return updateSpeakerClock(state, (c) => pauseClock(c, event.at));
    case 'timer.adjusted':
      return updateSpeakerClock(state, (c) => extendClock(c, event.ms));
    case 'timer.reset': {
      const s = state.floor.speaker;
      if (!s) return state;
      const clock = { ...resetClock(s.clock), durationMs: event.durationMs };
      return withFloor(state, { speaker: { ...s, clock, spokenBeforeResetMs: s.spokenBeforeResetMs + elapsedMs(s.clock, event.at) } });
    }
    case 'agenda.added': {
      const item: AgendaItem = { id: event.itemId, title: event.title, plannedMs: event.plannedMs, speakingMs: event.speakingMs, status: 'pending', startedAt: null, endedAt: null };
      return { ...state, agenda: { ...state.agenda, items: [...state.agenda.items, item] } };
    }
    case 'agenda.updated':
      return updateItem(state, event.itemId, (i) => ({ ...i, ...stripUndefined(event.changes) }));
    case 'agenda.removed':
      return { ...state, agenda: { ...state.agenda, items: state.agenda.items.filter((i) => i.id !== event.itemId) } };
    case 'agenda.moved': {
      const from = state.agenda.items.findIndex((i) => i.id === event.itemId);
      return { ...state, agenda: { ...state.agenda, items: moveTo(state.agenda.items, from, event.index) } };
    }
    case 'agenda.started': {
      const next = updateItem(state, event.itemId, (i) => ({ ...i, status: 'active', startedAt: i.startedAt ?? event.at, endedAt: null }));
      return { ...next, agenda: { ...next.agenda, activeId: event.itemId } };
    }
    case 'agenda.finished': {
      const next = updateItem(state, event.itemId, (i) => ({ ...i, status: 'done', endedAt: event.at }));
      return { ...next, agenda: { ...next.agenda, activeId: next.agenda.activeId === event.itemId ? null : next.agenda.activeId } };
    }
    default:
      return assertNever(event);
  }
}

/** Folds a batch of events. */
export function applyAll(state: RoomState, events: readonly RoomEvent[]): RoomState {
  return events.reduce(apply, state);
}

function assertNever(x: never): never {
  throw new Error(`unknown event ${JSON.stringify(x)}`);
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function withFloor(state: RoomState, floor: Partial<RoomState['floor']>): RoomState {
  return { ...state, floor: { ...state.floor, ...floor } };
}

function updateParticipant(state: RoomState, id: string, fn: (p: Participant) => Participant): RoomState {
  const p = state.participants[id];
  return p ? { ...state, participants: { ...state.participants, [id]: fn(p) } } : state;
}

function updateSpeakerClock(state: RoomState, fn: (c: Speaker['clock']) => Speaker['clock']): RoomState {
  const s = state.floor.speaker;
  return s ? withFloor(state, { speaker: { ...s, clock: fn(s.clock) } }) : state;
}

function updateItem(state: RoomState, id: string, fn: (i: AgendaItem) => AgendaItem): RoomState {
  return { ...state, agenda: { ...state.agenda, items: state.agenda.items.map((i) => (i.id === id ? fn(i) : i)) } };
}
