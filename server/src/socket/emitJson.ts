import type { Socket } from 'socket.io';

/**
 * Emits an event whose payload is already JSON, as socket.io's own encoder would
 * (protocol 5: `2["event",payload]` on the default namespace, one engine.io message),
 * skipping the per-socket walk for binary parts and the re-encoding of a large payload.
 * Socket.io's broadcasts write pre-encoded packets to each connection the same way.
 */
export function emitJson(socket: Socket, event: string, json: string): void {
  if (socket.nsp.name !== '/') throw new Error('emitJson serves the default namespace only');
  socket.conn.write(`2[${JSON.stringify(event)},${json}]`);
}
