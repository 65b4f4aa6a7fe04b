import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from './config.ts';
import { createApp } from './http/app.ts';
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
  /** Stops accepting, disconnects clients, unloads rooms. The store is the caller's to close. */
  close(): Promise<void>;
}

/** Everything on one port: the client, the REST API, socket.io (and the Yjs websocket to come). */
export async function startServer(config: Config, store: RoomStore): Promise<RunningServer> {
  const httpServer = createServer();
  const io = createSocketServer(httpServer, config);
  const registry = new RoomRegistry(store, new SocketIoFanout(io));
  attachRoomHandlers(io, config, registry);
  const app = createApp(config, store, new RoomService(store, registry));
  httpServer.on('request', app);
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  return {
    httpServer,
    port,
    url: `http://${shownHost}:${port}`,
    close: async () => {
      io.disconnectSockets(true);
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await registry.closeAll();
      httpServer.closeAllConnections?.();
    },
  };
}
