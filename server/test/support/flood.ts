/**
 * Fault 5, abuse by flooding: one participant sends commands as fast as a script can (1,000
 * a second by default: renames, each of which would be a new event) while the others raise
 * and lower hands at a human pace. Counts the flooder's answers and effects, and times the
 * others' acks, so a test can assert counts and `npm run chaos` can judge latency.
 */
import { io, type Socket } from 'socket.io-client';
import { EV, PROTOCOL_VERSION, type CommandAck, type VersionedEvent } from '@dr/shared';
import { eventually } from './DraftClient.ts';

export interface FloodFigures {
  /** The flooder's commands, answered ok, answered `rate_limited`, answered otherwise. */
  floodSent: number;
  floodOk: number;
  floodRateLimited: number;
  floodOther: number;
  /** Renames of the flooder in the log: what its flood changed. */
  floodEffects: number;
  /** Commands the token bucket lets through over the flood's duration (burst + rate × time). */
  budget: number;
  othersSent: number;
  othersOk: number;
  /** Ack times of the other clients' commands, in ms. */
  othersAckMs: number[];
}

export interface FloodOptions {
  /** Other clients, each sending a command every `otherEveryMs`. */
  others: number;
  otherEveryMs: number;
  durationMs: number;
  /** Commands per second from the flooder; 0 = no flooder (a baseline run). */
  floodPerSecond: number;
  /** The node's `commandRate`, to compute the budget. */
  rate: { perSecond: number; burst: number };
  readLog: (roomId: string) => Promise<VersionedEvent[]>;
}

const post = async (url: string, body: unknown) => (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json();

async function connect(url: string, roomId: string, key: string): Promise<Socket> {
  const socket = io(url, { auth: { roomId, key, protocol: PROTOCOL_VERSION }, transports: ['websocket'], forceNew: true, reconnection: false });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

/** A human: raise, lower, raise… one command every `everyMs`, each ack timed. */
async function human(socket: Socket, name: string, everyMs: number, until: number, acks: number[]): Promise<{ sent: number; ok: number }> {
  let sent = 0;
  let ok = 0;
  for (let n = 0; Date.now() < until; n++) {
    const cmd = { id: `${name}-${n}`, type: n % 2 === 0 ? 'hand.raise' : 'hand.lower' };
    const start = performance.now();
    sent++;
    const ack = (await socket.timeout(10_000).emitWithAck(EV.command, cmd)) as CommandAck;
    acks.push(performance.now() - start);
    if (ack.ok) ok++;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  return { sent, ok };
}

/** The flooder: `perSecond` renames a second in batches every 10 ms, never waiting for an answer. */
async function flood(socket: Socket, participantId: string, perSecond: number, until: number): Promise<{ sent: number; answers: CommandAck[] }> {
  const answers: CommandAck[] = [];
  let sent = 0;
  const started = Date.now();
  while (Date.now() < until) {
    const due = Math.floor(((Date.now() - started) / 1000) * perSecond);
    for (; sent < due; sent++) socket.emit(EV.command, { id: `flood-${sent}`, type: 'participant.rename', participantId, name: `Flood ${sent}` }, (a: CommandAck) => answers.push(a));
    await new Promise((r) => setTimeout(r, 10));
  }
  await eventually('every flood command answered', () => answers.length === sent, 30_000);
  return { sent, answers };
}

export async function runFlood(url: string, opts: FloodOptions): Promise<FloodFigures> {
  const room = (await post(`${url}/api/rooms`, { title: 'Flood' })) as { roomId: string; joinCode: string };
  const people: { participantId: string; token: string }[] = [];
  for (let i = 0; i <= opts.others; i++) people.push((await post(`${url}/api/join`, { joinCode: room.joinCode, name: `P${i}` })) as { participantId: string; token: string });
  const sockets = await Promise.all(people.map((p) => connect(url, room.roomId, p.token)));
  const [flooder, ...others] = sockets;
  try {
    const acks: number[] = [];
    const start = Date.now();
    const until = start + opts.durationMs;
    const [floodRun, ...humans] = await Promise.all([
      opts.floodPerSecond > 0 ? flood(flooder!, people[0]!.participantId, opts.floodPerSecond, until) : Promise.resolve({ sent: 0, answers: [] as CommandAck[] }),
      ...others.map((s, i) => human(s, `h${i}`, opts.otherEveryMs, until, acks)),
    ]);
    const floodSeconds = (Date.now() - start) / 1000;
    const log = await opts.readLog(room.roomId);
    const code = (a: CommandAck) => (a.ok ? 'ok' : a.error.code);
    return {
      floodSent: floodRun.sent,
      floodOk: floodRun.answers.filter((a) => a.ok).length,
      floodRateLimited: floodRun.answers.filter((a) => code(a) === 'rate_limited').length,
      floodOther: floodRun.answers.filter((a) => code(a) !== 'ok' && code(a) !== 'rate_limited').length,
      floodEffects: log.filter((e) => e.type === 'participant.renamed' && e.participantId === people[0]!.participantId).length,
      budget: opts.floodPerSecond > 0 ? Math.floor(opts.rate.burst + opts.rate.perSecond * floodSeconds) + 1 : 0,
      othersSent: humans.reduce((n, h) => n + h.sent, 0),
      othersOk: humans.reduce((n, h) => n + h.ok, 0),
      othersAckMs: acks,
    };
  } finally {
    sockets.forEach((s) => s.close());
  }
}
