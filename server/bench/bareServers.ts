/**
 * The baselines: socket.io and y-websocket with no room logic. The socket.io one does the
 * same fan-out as the service (ack; broadcast each command to everyone; a snapshot on
 * connect; a join endpoint that hands out a token),
 * so the ratio is the price of validation, roles, the log and ordered delivery.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { WebSocketServer } from 'ws';
// The server half that y-websocket 3 no longer ships.
import { setupWSConnection } from '@y/websocket-server/utils';

export interface Listening {
  url: string;
  close(): Promise<void>;
}

async function listen(http: HttpServer): Promise<string> {
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', () => r()));
  return `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
}

export async function startBareSocketIo(): Promise<Listening> {
  const http = createServer((req, res) => {
    if (req.method === 'POST' && req.url === '/api/join') {
      req.resume();
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ token: randomBytes(32).toString('base64url') }));
      });
      return;
    }
    res.writeHead(404).end();
  });
  const io = new Server(http, { serveClient: false, maxHttpBufferSize: 64 * 1024 });
  let version = 0;
  io.on('connection', (socket) => {
    socket.emit('snapshot', { version, state: {} });
    socket.on('command', (cmd: Record<string, unknown>, ack: unknown) => {
      if (typeof ack !== 'function') return;
      if (cmd?.type === 'echo') return ack({ ok: true, version });
      version++;
      io.emit('events', { version, events: [{ ...cmd, version }] });
      ack({ ok: true, version });
    });
  });
  const url = await listen(http);
  return { url, close: () => new Promise((r) => io.close(() => r())) };
}

export async function startBareYjs(): Promise<Listening> {
  const http = createServer((_req, res) => res.writeHead(404).end());
  const wss = new WebSocketServer({ server: http, perMessageDeflate: false });
  // One document per path, as y-websocket names them.
  wss.on('connection', (ws, req) => setupWSConnection(ws, req, { docName: (req.url ?? '/').split('?')[0]!.slice(1) }));
  const url = await listen(http);
  return {
    url,
    close: async () => {
      wss.clients.forEach((c) => c.terminate());
      await new Promise<void>((r) => http.close(() => r()));
    },
  };
}
