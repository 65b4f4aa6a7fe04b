import type { Server } from 'socket.io';
import { EV, type Audience, type ClosedMessage, type PresenceMessage, type ProjectedEvent, type RoomState } from '@dr/shared';
import type { RoomFanout } from '../rooms/RoomFanout.ts';
import { EventBatcher } from './EventBatcher.ts';

/** A phone gets at most one `events` message per audience this often; a lone event goes at once. */
export const DEFAULT_BATCH_WINDOW_MS = 10;

/** socket.io room names: one per audience, one per participant (to close their sockets). */
export const audienceRoom = (roomId: string, audience: Audience) => `${roomId}|${audience}`;
export const participantRoom = (roomId: string, participantId: string) => `${roomId}|p|${participantId}`;
/** Sockets that are shown who is online (moderators, display, facilitator links). */
export const presenceRoom = (roomId: string) => `${roomId}|presence`;
/** Every socket of the room, whatever its audience. */
export const roomRoom = (roomId: string) => `${roomId}|all`;

/**
 * Emits to this node's sockets only (`io.local`): every node receives every event from
 * the store and serves its own sockets, so a cluster-wide broadcast would duplicate.
 */
export class SocketIoFanout implements RoomFanout {
  private readonly batcher: EventBatcher;

  /** `batchWindowMs`: at most one `events` message per audience per window (0: one per append). */
  constructor(
    private readonly io: Server,
    batchWindowMs = DEFAULT_BATCH_WINDOW_MS,
  ) {
    this.batcher = new EventBatcher((roomId, audience, message) => this.io.local.to(audienceRoom(roomId, audience)).emit(EV.events, message), batchWindowMs);
  }

  events(roomId: string, audience: Audience, message: { version: number; events: ProjectedEvent[] }): void {
    this.batcher.push(roomId, audience, message);
  }

  flush(roomId: string, audience?: Audience): void {
    if (audience) this.batcher.flushAudience(roomId, audience);
    else this.batcher.flushRoom(roomId);
  }

  /** Sends everything held back; for shutdown. */
  close(): void {
    this.batcher.close();
  }

  presence(roomId: string, message: PresenceMessage): void {
    this.io.local.to(presenceRoom(roomId)).emit(EV.presence, message);
  }

  closeParticipant(roomId: string, participantId: string, message: ClosedMessage): void {
    this.batcher.flushRoom(roomId);
    const room = participantRoom(roomId, participantId);
    this.io.local.to(room).emit(EV.closed, message);
    this.io.local.in(room).disconnectSockets(true);
  }

  rehome(roomId: string, participantId: string, from: Audience, to: Audience, snapshot: { version: number; state: RoomState }): void {
    // What the old audience still owes goes out before the move; the snapshot covers the rest.
    this.batcher.flushRoom(roomId);
    const mine = this.io.local.in(participantRoom(roomId, participantId));
    mine.socketsLeave(audienceRoom(roomId, from));
    mine.socketsJoin(audienceRoom(roomId, to));
    mine.emit(EV.snapshot, snapshot);
  }

  closeRoom(roomId: string, message: ClosedMessage): void {
    this.batcher.flushRoom(roomId);
    const room = roomRoom(roomId);
    this.io.local.to(room).emit(EV.closed, message);
    this.io.local.in(room).disconnectSockets(true);
  }
}
