import type { Socket } from 'socket.io';
import { CONNECT_ERRORS, MIN_PROTOCOL_VERSION, PROTOCOL_VERSION, RoomError, SocketAuth, type Actor } from '@dr/shared';
import { errorFields, log } from '../log.ts';
import { identify } from '../rooms/identify.ts';
import type { RoomHost } from '../rooms/RoomHost.ts';
import type { RoomRegistry } from '../rooms/RoomRegistry.ts';

/** What a socket is, fixed at connect. */
export interface SocketSession {
  roomId: string;
  actor: Actor;
  host: RoomHost;
}

function refuse(next: (err?: Error) => void, code: keyof typeof CONNECT_ERRORS): void {
  next(new Error(CONNECT_ERRORS[code]));
}

/**
 * socket.io middleware: a wrong or missing key is refused before the socket joins
 * anything, so it never sees the room. Unknown rooms answer `unauthorized` too, so ids
 * cannot be probed.
 */
export function authenticate(registry: RoomRegistry) {
  return async (socket: Socket, next: (err?: Error) => void): Promise<void> => {
    const auth = SocketAuth.safeParse(socket.handshake.auth);
    if (!auth.success) return refuse(next, 'unauthorized');
    const protocol = auth.data.protocol ?? PROTOCOL_VERSION;
    if (protocol < MIN_PROTOCOL_VERSION) return refuse(next, 'client_too_old');
    if (protocol > PROTOCOL_VERSION) return refuse(next, 'client_too_new');
    let host: RoomHost | null;
    try {
      host = await registry.acquire(auth.data.roomId);
    } catch (err) {
      log.warn('socket auth: storage unavailable', { roomId: auth.data.roomId, ...errorFields(err) });
      return refuse(next, err instanceof RoomError && err.code !== 'unavailable' ? 'unauthorized' : 'unavailable');
    }
    if (!host) return refuse(next, 'unauthorized');
    const actor = identify(host, auth.data.key);
    if (!actor) {
      registry.release(host.roomId);
      return refuse(next, 'unauthorized');
    }
    const session: SocketSession = { roomId: host.roomId, actor, host };
    socket.data.session = session;
    next();
  };
}
