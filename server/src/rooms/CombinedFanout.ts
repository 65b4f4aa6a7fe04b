import type { Audience, ClosedMessage, PresenceMessage, ProjectedEvent, RoomState } from '@dr/shared';
import type { RoomFanout } from './RoomFanout.ts';

/** What else must hear that a room or a participant is gone (the draft connections). */
export interface RoomClosedListener {
  closeRoom(roomId: string): void;
  closeParticipant(roomId: string, participantId: string): void;
}

/** The socket.io fan-out, plus the listeners that must drop connections when people or rooms go. */
export class CombinedFanout implements RoomFanout {
  private readonly listeners: RoomClosedListener[] = [];

  constructor(private readonly inner: RoomFanout) {}

  /** Listeners are added after construction: the draft server needs the registry this fan-out feeds. */
  add(listener: RoomClosedListener): void {
    this.listeners.push(listener);
  }

  events(roomId: string, audience: Audience, message: { version: number; events: ProjectedEvent[] }): void {
    this.inner.events(roomId, audience, message);
  }

  flush(roomId: string, audience?: Audience): void {
    this.inner.flush(roomId, audience);
  }

  presence(roomId: string, message: PresenceMessage): void {
    this.inner.presence(roomId, message);
  }

  closeParticipant(roomId: string, participantId: string, message: ClosedMessage): void {
    this.inner.closeParticipant(roomId, participantId, message);
    for (const l of this.listeners) l.closeParticipant(roomId, participantId);
  }

  rehome(roomId: string, participantId: string, from: Audience, to: Audience, snapshot: { version: number; state: RoomState }): void {
    this.inner.rehome(roomId, participantId, from, to, snapshot);
  }

  closeRoom(roomId: string, message: ClosedMessage): void {
    this.inner.closeRoom(roomId, message);
    for (const l of this.listeners) l.closeRoom(roomId);
  }
}
