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

/** A bare server's answer to one join window: what accumulated goes to everyone. */
const JOIN_WINDOW_MS = 80;

/**
 * The join with the work any server of a room must do, and nothing else: hand out a
 * token, tell everyone present who arrived (one broadcast per window, as a crowd's
 * arrivals are best told), and give the newcomer a snapshot listing everyone, in the
 * service's wire shape. No validation, roles, log or ordering: what separates the
 * service from this is their price; what separates this from `startBareSocketIo` is the
 * price of the join's own fan-out, which no implementation avoids.
 */
export async function startBareSocketIoJoin(): Promise<Listening> {
  const people = new Map<string, string>();
  const tokens = new Map<string, string>();
  let version = 0;
  let snapshot: { version: number; json: string } | null = null;
  let pending: unknown[] = [];
  let window: NodeJS.Timeout | null = null;
  let io: Server;
  const release = () => {
    window = null;
    if (pending.length === 0) return;
    io.emit('events', { version, events: pending });
    pending = [];
    window = setTimeout(release, JOIN_WINDOW_MS);
  };
  const http = createServer((req, res) => {
    if (req.method !== 'POST' || req.url !== '/api/join') return void res.writeHead(404).end();
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const { name } = JSON.parse(Buffer.concat(chunks).toString()) as { name: string };
      const id = `p_${randomBytes(9).toString('base64url')}`;
      const token = randomBytes(32).toString('base64url');
      const person = { id, name, language: 'fr', joinedAt: Date.now(), status: 'active', spokenMs: 0, turns: 0, raises: 0, languages: [], attributes: {} };
      people.set(id, `${JSON.stringify(id)}:${JSON.stringify(person)}`);
      tokens.set(token, id);
      pending.push({ type: 'participant.joined', version: ++version, participantId: id, name, language: 'fr', at: person.joinedAt });
      if (!window) release();
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ token, participantId: id }));
    });
  });
  io = new Server(http, { serveClient: false, maxHttpBufferSize: 64 * 1024 });
  io.on('connection', (socket) => {
    if (!tokens.has(String(socket.handshake.auth?.token))) return void socket.disconnect(true);
    if (snapshot?.version !== version) snapshot = { version, json: `{"version":${version},"state":{"participants":{${[...people.values()].join(',')}}}}` };
    socket.conn.write(`2["snapshot",${snapshot.json}]`);
  });
  const url = await listen(http);
  return {
    url,
    close: () =>
      new Promise((r) => {
        if (window) clearTimeout(window);
        io.close(() => r());
      }),
  };
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
