import type { Socket } from 'socket.io-client';
import type { ClosedMessage, Command, CommandAck, PresenceMessage, ProjectedEvent, RoomState, StorageMessage, SyncRequest, WelcomeMessage, WireError } from '@dr/shared';

/** `snapshot` and `sync` answers carry the room state as the server projected it for us. */
export interface SnapshotPayload {
  version: number;
  state: RoomState;
}

export interface EventsPayload {
  version: number;
  events: ProjectedEvent[];
}

export type SyncAnswer =
  | { ok: true; version: number; events: ProjectedEvent[] }
  | { ok: true; version: number; state: RoomState }
  | { ok: false; error: WireError };

/** Server → client events (names as in `EV` of the shared protocol). */
export interface ServerToClientEvents {
  welcome: (m: WelcomeMessage) => void;
  snapshot: (m: SnapshotPayload) => void;
  events: (m: EventsPayload) => void;
  presence: (m: PresenceMessage) => void;
  closed: (m: ClosedMessage) => void;
  storage: (m: StorageMessage) => void;
}

/** Client → server events; every one is acknowledged. */
export interface ClientToServerEvents {
  command: (cmd: Command, ack: (answer: CommandAck) => void) => void;
  sync: (req: SyncRequest, ack: (answer: SyncAnswer) => void) => void;
  clock: (ack: (answer: { now: number }) => void) => void;
}

export type RoomSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
