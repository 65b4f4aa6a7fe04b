import type { Server } from 'socket.io';
import { EV, type Audience, type ClosedMessage, type PresenceMessage, type ProjectedEvent } from '@dr/shared';
import type { RoomFanout } from '../rooms/RoomFanout.ts';

/** socket.io room names: one per audience, one per participant (to close their sockets). */
export const audienceRoom = (roomId: string, audience: Audience) => `${roomId}|${audience}`;
export const participantRoom = (roomId: string, participantId: string) => `${roomId}|p|${participantId}`;

/**
 * Emits to this node's sockets only (`io.local`): every node receives every event from
 * the store and serves its own sockets, so a cluster-wide broadcast would duplicate.
 */
export class SocketIoFanout implements RoomFanout {
  constructor(private readonly io: Server) {}

  events(roomId: string, audience: Audience, message: { version: number; events: ProjectedEvent[] }): void {
    this.io.local.to(audienceRoom(roomId, audience)).emit(EV.events, message);
  }

  presence(roomId: string, audiences: readonly Audience[], message: PresenceMessage): void {
    this.io.local.to(audiences.map((a) => audienceRoom(roomId, a))).emit(EV.presence, message);
  }

  closeParticipant(roomId: string, participantId: string, message: ClosedMessage): void {
    const room = participantRoom(roomId, participantId);
    this.io.local.to(room).emit(EV.closed, message);
    this.io.local.in(room).disconnectSockets(true);
  }

  closeRoom(roomId: string, message: ClosedMessage): void {
    const rooms = (['moderator', 'display', 'participant'] as const).map((a) => audienceRoom(roomId, a));
    this.io.local.to(rooms).emit(EV.closed, message);
    this.io.local.in(rooms).disconnectSockets(true);
  }
}
