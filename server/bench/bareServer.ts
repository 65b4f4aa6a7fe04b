/** The baseline: socket.io with no room logic — ack and broadcast each command as-is. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { EV } from '@dr/shared';

export async function startBareServer(): Promise<{ url: string; close(): Promise<void> }> {
  const http = createServer();
  const io = new Server(http, { serveClient: false });
  let version = 0;
  io.on('connection', (socket) => {
    socket.on(EV.command, (cmd: Record<string, unknown>, ack: (a: unknown) => void) => {
      version++;
      io.emit(EV.events, { version, events: [{ ...cmd, version }] });
      ack({ ok: true, version });
    });
  });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    close: () => new Promise((r) => io.close(() => r())),
  };
}
