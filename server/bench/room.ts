/** Sets a room up on the service over its public HTTP and socket.io API, as phones would. */
import http from 'node:http';
import { PROTOCOL_VERSION } from '@dr/shared';
import { LiteSocket } from './liteSocket.ts';
import { inBatches } from './openLoop.ts';

export interface BenchRoom {
  roomId: string;
  joinCode: string;
  moderatorKey: string;
  displayKey: string;
}

// Plain node:http with kept-alive connections: fetch costs the load generator several times more per request.
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

export function post<T>(url: string, body: unknown): Promise<T> {
  const data = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString();
        if (res.statusCode !== 200 && res.statusCode !== 201) reject(new Error(`${url}: HTTP ${res.statusCode} ${text}`));
        else resolve(JSON.parse(text) as T);
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(data);
  });
}

export const createRoom = (url: string, title = 'Bench') => post<BenchRoom>(`${url}/api/rooms`, { title });

export const join = (url: string, joinCode: string, name: string) => post<{ token: string; participantId: string }>(`${url}/api/join`, { joinCode, name });

/** `n` participants' tokens, joined a few at a time. */
export const joinMany = (url: string, joinCode: string, n: number, prefix = 'P') =>
  inBatches(Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`), 16, (name) => join(url, joinCode, name));

export const auth = (roomId: string, key: string) => ({ protocol: PROTOCOL_VERSION, roomId, key });

/** Connects `keys` (a few at a time, as a hall arrives); each socket has seen its snapshot. */
export const connectMany = (url: string, roomId: string, keys: string[], on: Record<string, (s: LiteSocket, d: any) => void> = {}) =>
  inBatches(keys, 32, (key) => LiteSocket.connect(url, auth(roomId, key), { snapshot: true, on }));

let commandSeq = 0;
/** A command with a fresh id. */
export const command = (type: string, fields: Record<string, unknown> = {}) => ({ id: `b${++commandSeq}`, type, ...fields });

/** Sends a command and throws when it is refused. */
export async function must(socket: LiteSocket, type: string, fields: Record<string, unknown> = {}): Promise<number> {
  const ack = await socket.emitWithAck('command', command(type, fields));
  if (!ack?.ok) throw new Error(`${type} refused: ${JSON.stringify(ack)}`);
  return ack.version as number;
}

/** Panelists raising, then lowering, their hands in turn: the i-th action's socket and command. */
export function handToggler(sockets: LiteSocket[]): (i: number) => { socket: LiteSocket; command: ReturnType<typeof command> } {
  const raised = new Array<boolean>(sockets.length).fill(false);
  return (i) => {
    const who = i % sockets.length;
    const type = raised[who] ? 'hand.lower' : 'hand.raise';
    raised[who] = !raised[who];
    return { socket: sockets[who]!, command: command(type) };
  };
}
