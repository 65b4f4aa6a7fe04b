import type { RoomEvent } from './events.ts';
import type { Language } from './state.ts';

/** The first event of every room's log (version 0). */
export function roomCreatedEvent(input: { roomId: string; joinCode: string; title: string; language: Language; secondLanguage: Language | null }, now: number): RoomEvent {
  return { type: 'room.created', at: now, ...input, secondLanguage: input.secondLanguage === input.language ? null : input.secondLanguage };
}
