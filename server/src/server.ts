import { createServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EV } from '@dr/shared';
import type { Config } from './config.ts';
import { createApp } from './http/app.ts';
import { joinEndpoint } from './http/joinEndpoint.ts';
import { attachDraftServer, type DraftServer } from './drafts/draftServer.ts';
import { DraftVersions } from './drafts/draftVersions.ts';
import { CombinedFanout } from './rooms/CombinedFanout.ts';
import { DeadlineSweeper } from './rooms/DeadlineSweeper.ts';
import { RoomRegistry } from './rooms/RoomRegistry.ts';
import { RoomService } from './rooms/roomService.ts';
import { attachRoomHandlers, createSocketServer } from './socket/createSocketServer.ts';
import { CommandDrain } from './socket/CommandDrain.ts';
import { SocketIoFanout } from './socket/SocketIoFanout.ts';
import { StorageStatusReporter } from './socket/StorageStatusReporter.ts';
import type { RoomStore } from './store/RoomStore.ts';

/** How long a stopping node waits for running commands to be acked. */
const DRAIN_COMMANDS_MS = 5_000;
/** How long closed connections get to finish their close handshakes before they are cut. */
const CLOSE_GRACE_MS = 2_000;

export interface RunningServer {
  httpServer: HttpServer;
  /** `http://host:port` as bound (tests connect here). */
  url: string;
  port: number;
  /** The Yjs endpoint (its connection count, for tests and health). */
  drafts: DraftServer;
  /**
   * Graceful stop: stops listening (`/healthz` fails at once), lets running commands finish
   * and be acked, then drops every connection so clients reconnect elsewhere, and unloads
   * rooms. The store is the caller's to close.
   */
  close(): Promise<void>;
}

/** Everything on one port: the client, the REST API, socket.io and the Yjs websocket. */
export async function startServer(config: Config, store: RoomStore): Promise<RunningServer> {
  // The app must be the server's request listener *before* socket.io attaches: socket.io
  // then claims its own path (/socket.io/, long-polling included) and hands the rest on.
  let app: ((req: IncomingMessage, res: ServerResponse) => void) | null = null;
  let join: ((req: IncomingMessage, res: ServerResponse) => boolean) | null = null;
  const httpServer = createServer((req, res) => join?.(req, res) || app?.(req, res));
  const io = createSocketServer(httpServer, config);
  const socketFanout = new SocketIoFanout(io);
  const fanout = new CombinedFanout(socketFanout);
  const registry = new RoomRegistry(store, fanout);
  // Every socket of this node hears whether this node reaches storage (`io.local`: each node speaks for itself).
  const storageStatus = new StorageStatusReporter(store, (message) => io.local.emit(EV.storage, message));
  attachRoomHandlers(io, config, registry, () => storageStatus.current);
  const commands = new CommandDrain(io);
  const drafts = attachDraftServer(httpServer, config, registry, store.docs, config.drafts);
  fanout.add(drafts);
  const rooms = new RoomService(store, registry);
  join = joinEndpoint(config, rooms);
  app = createApp(config, store, rooms, new DraftVersions(store.docs, registry));
  const sweeper = new DeadlineSweeper(store, registry);
  sweeper.start();
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  return {
    httpServer,
    port,
    drafts,
    url: `http://${shownHost}:${port}`,
    close: async () => {
      // No new connections: the balancer's health checks fail at once (refused), and so do
      // its connects, which it sends to another node (`option redispatch`).
      const allClosed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
      sweeper.stop();
      storageStatus.stop();
      // Running commands finish and their acks are written; new ones get `unavailable` (retried elsewhere, same id).
      commands.stop();
      await commands.idle(DRAIN_COMMANDS_MS);
      // Events held back for batching go out first. Then drop transports rather than socket.io
      // sessions: a client told `disconnect` would not reconnect on its own, one whose
      // connection dropped does, through the balancer.
      socketFanout.close();
      for (const socket of io.of('/').sockets.values()) socket.conn.close();
      await drafts.close();
      const grace = new Promise<void>((resolve) => setTimeout(resolve, CLOSE_GRACE_MS).unref());
      await Promise.race([allClosed, grace]);
      httpServer.closeAllConnections?.();
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await registry.closeAll();
    },
  };
}
