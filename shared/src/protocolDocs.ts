/**
 * One sentence per command and event, typed against the schemas: adding a message
 * without documenting it fails the type check, and `docs/protocol.md` is generated
 * from these plus the zod schemas (see `protocolDoc.ts`).
 */
import type { CommandType } from './protocol.ts';
import type { RoomEventType } from './domain/events.ts';

export const COMMAND_DOCS: Record<CommandType, string> = {
  'hand.raise': 'Ask for the floor. `kind`: `speak` (default), `reply` (direct reply to the speaker) or `point` (point of order). Already queued or speaking → `conflict`.',
  'hand.lower': 'Lower a hand: one\'s own (no `participantId`), or anyone\'s (moderator). Not queued → `conflict`.',
  'floor.next': 'The head of the queue gets the floor; the current turn, if any, ends first. Empty queue → `conflict`.',
  'floor.give': 'Give the floor to anyone present, queued or not.',
  'floor.end': 'End the current turn. Nobody speaking → `conflict`.',
  'queue.move': 'Place a queue entry at a 0-based index (clamped). It then keeps its place relative to the others: new hands do not pass it by rule.',
  'timer.start': 'Start or resume the speaking clock. Already running → `conflict`.',
  'timer.pause': 'Pause the speaking clock. Not running → `conflict`.',
  'timer.add': 'Add `ms` to the turn (negative removes time; the UI sends +30 000).',
  'timer.reset': 'Back to the full turn duration, stopped.',
  'agenda.add': 'Add an agenda item with a planned duration and, optionally, a speaking time per turn for it.',
  'agenda.update': 'Change an item\'s title, planned duration or speaking time.',
  'agenda.remove': 'Remove an item. The running item → `conflict` (finish it first).',
  'agenda.move': 'Move an item to a 0-based index.',
  'agenda.start': 'Make an item the current one; a running item is finished first.',
  'agenda.finish': 'Finish the current item. None running → `conflict`.',
  'participant.rename': 'Rename a participant (moderator: anyone; participant: themself).',
  'participant.remove': 'Remove a participant: out of the queue, turn ended, token revoked, sockets closed with `closed {reason:"removed"}`.',
  'participant.revoke': 'Revoke a participant\'s token (a lost phone): sockets closed with `closed {reason:"revoked"}`; the person may join again.',
  'room.update': 'Change the title, languages or session settings (`joinOpen`, `progressiveStack`, `queueLimit`, `defaultSpeakingMs`).',
};

export const EVENT_DOCS: Record<RoomEventType, string> = {
  'room.created': 'Always version 0.',
  'room.updated': 'Only the changed fields are present in `changes`.',
  'participant.joined': 'Someone joined with the code (from `POST /api/join`).',
  'participant.renamed': '',
  'participant.removed': 'Also removes their queue entry.',
  'participant.revoked': '',
  'hand.raised': '`index`: where the entry was inserted by the queue rule.',
  'hand.lowered': '`byModerator` tells a lowered hand from a withdrawn one.',
  'queue.moved': 'The entry becomes pinned (`pinned: true` in state).',
  'floor.given': 'Removes the speaker from the queue; `clock` runs from `at`.',
  'floor.ended': '`spokenMs` is added to the speaker\'s `spokenMs` and `turns`.',
  'timer.started': '',
  'timer.paused': '',
  'timer.adjusted': '',
  'timer.reset': '',
  'agenda.added': '',
  'agenda.updated': '',
  'agenda.removed': '',
  'agenda.moved': '',
  'agenda.started': '',
  'agenda.finished': '',
};
