import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import { LIMITS, type StorageMessage } from '@dr/shared';
import type { Config } from '../config.ts';
import { errorFields, log } from '../log.ts';
import type { RoomRegistry } from '../rooms/RoomRegistry.ts';
import { isCrossOriginAllowed, isOriginAllowed } from '../security/origins.ts';
import { authenticate } from './authenticate.ts';
import { onConnection } from './connection.ts';

/** socket.io on the default namespace: origin allowlist, small frames, key check at connect. */
export function createSocketServer(httpServer: HttpServer, config: Config): Server {
  const io = new Server(httpServer, {
    serveClient: false,
    maxHttpBufferSize: LIMITS.MAX_FRAME_BYTES,
    // Upgrades for other paths (the Yjs websocket) must survive socket.io.
    destroyUpgrade: false,
    connectTimeout: 10_000,
    pingInterval: config.socketPing.intervalMs,
    pingTimeout: config.socketPing.timeoutMs,
    // Long-polling from an allowed other origin needs CORS headers; same-origin needs none.
    cors: { origin: (origin, cb) => cb(null, isCrossOriginAllowed(origin, config)) },
    allowRequest: (req, cb) => {
      const ok = isOriginAllowed(req.headers.origin, req.headers.host, config);
      cb(ok ? null : 'origin not allowed', ok);
    },
  });
  return io;
}

/**
 * Authenticates each socket and wires its handlers to the room registry. `storage` is this
 * node's storage state as clients are shown it, sent to each socket as it connects.
 */
export function attachRoomHandlers(io: Server, config: Config, registry: RoomRegistry, storage: () => StorageMessage): void {
  const publicUrlFor = (socket: Socket) => {
    if (config.publicUrl) return config.publicUrl;
    const secure = socket.handshake.secure || socket.handshake.headers['x-forwarded-proto'] === 'https';
    return `${secure ? 'https' : 'http'}://${socket.handshake.headers.host}`;
  };
  io.use((socket, next) => {
    authenticate(registry)(socket, next).catch((err) => {
      log.error('socket auth failed', errorFields(err));
      next(new Error('unavailable'));
    });
  });
  io.on('connection', (socket) => {
    try {
      onConnection(socket, config, registry, publicUrlFor, storage);
    } catch (err) {
      log.error('socket setup failed', errorFields(err));
      socket.disconnect(true);
    }
  });
}
