import type { RoomEvent } from './events.ts';
import { applyFloor } from './applyFloor.ts';
import { applyTables } from './applyTables.ts';
import { moveTo } from './queue.ts';
import type { AgendaItem, Participant, RoomState } from './state.ts';
import { stripUndefined, updateParticipant, withoutPerson } from './stateUpdate.ts';

/**
 * Folds one event into the state. Pure and total: the server and every client run it,
 * so it must never consult anything but its arguments.
 */
export function apply(state: RoomState, event: RoomEvent): RoomState {
  switch (event.type) {
    case 'room.created':
      return { ...state, roomId: event.roomId, joinCode: event.joinCode, title: event.title, language: event.language, secondLanguage: event.secondLanguage, createdAt: event.at };
    case 'projector.shown':
      return { ...state, projector: { view: event.view } };
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
        languages: [],
        attributes: {},
        ...(event.tokenHash !== undefined && { tokenHash: event.tokenHash }),
      };
      return { ...state, participants: { ...state.participants, [p.id]: p } };
    }
    case 'participant.renamed':
      return updateParticipant(state, event.participantId, (p) => ({ ...p, name: event.name }));
    case 'participant.revoked':
      return updateParticipant(state, event.participantId, ({ tokenHash: _, ...p }) => ({ ...p, status: 'revoked' }));
    case 'participant.removed':
      return removeEverywhere(updateParticipant(state, event.participantId, ({ tokenHash: _, ...p }) => ({ ...p, status: 'removed' })), event.participantId);
    case 'hand.raised':
    case 'hand.lowered':
    case 'queue.moved':
    case 'floor.given':
    case 'floor.ended':
    case 'timer.started':
    case 'timer.paused':
    case 'timer.adjusted':
    case 'timer.reset':
      return applyFloor(state, event);
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
      return applyTables(state, event);
  }
}

/** Folds a batch of events. */
export function applyAll(state: RoomState, events: readonly RoomEvent[]): RoomState {
  return events.reduce(apply, state);
}

/** A removed person leaves every queue and every table. */
function removeEverywhere(state: RoomState, id: string): RoomState {
  return {
    ...state,
    floor: withoutPerson(state.floor, id),
    tables: state.tables.map((t) =>
      t.members.includes(id) ? { ...t, members: t.members.filter((m) => m !== id), floor: withoutPerson(t.floor, id, true), facilitatorId: t.facilitatorId === id ? null : t.facilitatorId } : t,
    ),
  };
}

function updateItem(state: RoomState, id: string, fn: (i: AgendaItem) => AgendaItem): RoomState {
  return { ...state, agenda: { ...state.agenda, items: state.agenda.items.map((i) => (i.id === id ? fn(i) : i)) } };
}
