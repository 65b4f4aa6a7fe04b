import type { Audience, ClosedMessage, PresenceMessage, ProjectedEvent, RoomState } from '@dr/shared';

/**
 * How a room reaches the sockets connected to this node. Keeps socket.io out of the
 * room logic: `RoomHost` projects once per audience and hands the result here.
 */
export interface RoomFanout {
  /** May hold events back briefly to send several in one message, always in order. */
  events(roomId: string, audience: Audience, message: { version: number; events: ProjectedEvent[] }): void;
  /**
   * Sends what is held back for the room (or one audience of it) now: before a command's
   * ack, so the sender has its events first, and before sockets move or close.
   */
  flush(roomId: string, audience?: Audience): void;
  /** To the sockets that show presence: moderators, the display, facilitator links. */
  presence(roomId: string, message: PresenceMessage): void;
  /** Tells a participant's sockets why, then disconnects them (revoked, removed). */
  closeParticipant(roomId: string, participantId: string, message: ClosedMessage): void;
  /** Moves a participant's sockets to another audience and sends them its snapshot. */
  rehome(roomId: string, participantId: string, from: Audience, to: Audience, snapshot: { version: number; state: RoomState }): void;
  /** Tells every socket of the room it was deleted, then disconnects them. */
  closeRoom(roomId: string, message: ClosedMessage): void;
}
