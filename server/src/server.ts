import { createServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from './config.ts';
import { createApp } from './http/app.ts';
import { attachDraftServer, type DraftServer } from './drafts/draftServer.ts';
import { DraftVersions } from './drafts/draftVersions.ts';
import { CombinedFanout } from './rooms/CombinedFanout.ts';
import { DeadlineSweeper } from './rooms/DeadlineSweeper.ts';
import { RoomRegistry } from './rooms/RoomRegistry.ts';
import { RoomService } from './rooms/roomService.ts';
import { attachRoomHandlers, createSocketServer } from './socket/createSocketServer.ts';
import { SocketIoFanout } from './socket/SocketIoFanout.ts';
import type { RoomStore } from './store/RoomStore.ts';

export interface RunningServer {
  httpServer: HttpServer;
  /** `http://host:port` as bound (tests connect here). */
  url: string;
  port: number;
  /** The Yjs endpoint (its connection count, for tests and health). */
  drafts: DraftServer;
  /** Stops accepting, disconnects clients, unloads rooms. The store is the caller's to close. */
  close(): Promise<void>;
}

/** Everything on one port: the client, the REST API, socket.io and the Yjs websocket. */
export async function startServer(config: Config, store: RoomStore): Promise<RunningServer> {
  // The app must be the server's request listener *before* socket.io attaches: socket.io
  // then claims its own path (/socket.io/, long-polling included) and hands the rest on.
  let app: ((req: IncomingMessage, res: ServerResponse) => void) | null = null;
  const httpServer = createServer((req, res) => app?.(req, res));
  const io = createSocketServer(httpServer, config);
  const fanout = new CombinedFanout(new SocketIoFanout(io));
  const registry = new RoomRegistry(store, fanout);
  attachRoomHandlers(io, config, registry);
  const drafts = attachDraftServer(httpServer, config, registry, store.docs, config.drafts);
  fanout.add(drafts);
  app = createApp(config, store, new RoomService(store, registry), new DraftVersions(store.docs, registry));
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
      sweeper.stop();
      await drafts.close();
      io.disconnectSockets(true);
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await registry.closeAll();
      httpServer.closeAllConnections?.();
    },
  };
}
