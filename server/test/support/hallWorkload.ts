/**
 * A hall's worth of clients for fault tests: panelists raising and lowering hands through
 * socket.io (a command whose ack is lost or refused as `unavailable` is re-sent with the
 * same id until acknowledged) and moderators typing words into the plenary draft through
 * y-websocket. Counts what was sent and acknowledged, and how long reconnects took.
 */
import { io, type Socket } from 'socket.io-client';
import { EV, PROTOCOL_VERSION, type VersionedEvent } from '@dr/shared';
import { RedisRoomStore } from '../../src/store/RedisRoomStore.ts';
import { openDraft, type DraftClient } from './DraftClient.ts';

export interface Panelist {
  id: string;
  socket: Socket;
  /** Last log version this client holds. */
  version: number;
  sent: number;
  acked: number;
  /** Acks that came back `unavailable`, and how long each took to come back. */
  unavailableMs: number[];
  /** Commands that got no answer (the connection dropped or the node died first); re-sent. */
  unanswered: number;
  reconnectMs: number[];
  disconnectedAt: number | null;
}

export interface Hall {
  roomId: string;
  panelists: Panelist[];
  writers: DraftClient[];
  /** Every word typed into the plenary draft. */
  words: string[];
  /** Stops the activity and waits for every command in flight to be acknowledged. */
  stop(): Promise<void>;
}

export const quantile = (xs: number[], q: number) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]! : 0);

export async function startHallWorkload(url: string, panelistCount: number, writerCount: number): Promise<Hall> {
  const post = async (p: string, body: unknown) => (await fetch(url + p, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json();
  const room = (await post('/api/rooms', { title: 'Chaos' })) as { roomId: string; joinCode: string; moderatorKey: string };
  const panelists: Panelist[] = [];
  for (let i = 0; i < panelistCount; i++) {
    const joined = (await post('/api/join', { joinCode: room.joinCode, name: `P${i}` })) as { participantId: string; token: string };
    panelists.push(await connectPanelist(url, room.roomId, joined.participantId, joined.token));
  }
  const writers = Array.from({ length: writerCount }, () => openDraft(url, room.roomId, { kind: 'plenary' }, room.moderatorKey));
  await Promise.all(writers.map((w) => w.synced(20_000)));
  let running = true;
  const words: string[] = [];
  const work = [
    ...panelists.map((p) => act(p, () => running)),
    ...writers.map(async (w, i) => {
      for (let n = 0; running; n++) {
        const word = `[w${i}-${n}]`;
        w.text.insert(w.text.length, word);
        words.push(word);
        await new Promise((r) => setTimeout(r, 150));
      }
    }),
  ];
  return {
    roomId: room.roomId,
    panelists,
    writers,
    words,
    stop: async () => {
      running = false;
      await Promise.all(work);
    },
  };
}

async function connectPanelist(url: string, roomId: string, id: string, token: string): Promise<Panelist> {
  const socket = io(url, { auth: { roomId, key: token, protocol: PROTOCOL_VERSION }, transports: ['websocket'], forceNew: true, reconnectionDelay: 100, reconnectionDelayMax: 500 });
  const p: Panelist = { id, socket, version: -1, sent: 0, acked: 0, unavailableMs: [], unanswered: 0, reconnectMs: [], disconnectedAt: null };
  socket.on(EV.snapshot, (m: { version: number }) => void (p.version = m.version));
  socket.on(EV.events, (m: { version: number; events: VersionedEvent[] }) => {
    const first = m.events[0]?.version ?? m.version;
    if (first > p.version + 1) socket.emit(EV.sync, { since: p.version }, (ack: { version?: number }) => void (p.version = Math.max(p.version, ack.version ?? -1)));
    else p.version = Math.max(p.version, m.version);
  });
  socket.on('disconnect', () => void (p.disconnectedAt ??= Date.now()));
  socket.on('connect', () => {
    if (p.disconnectedAt !== null) p.reconnectMs.push(Date.now() - p.disconnectedAt);
    p.disconnectedAt = null;
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  // A refusal by a node's middleware (`unavailable`: no storage) leaves the socket inactive; retry, as the app does.
  socket.on('connect_error', () => !socket.active && setTimeout(() => socket.connect(), 200));
  return p;
}

/** Alternates raising and lowering; a lost or `unavailable` ack is retried with the same id. */
async function act(p: Panelist, running: () => boolean): Promise<void> {
  for (let n = 0; running(); n++) {
    const cmd = { id: `${p.id}-${n}`, type: n % 2 === 0 ? 'hand.raise' : 'hand.lower', ...(n % 2 === 0 && { kind: 'speak' }) };
    p.sent++;
    for (;;) {
      const sentAt = Date.now();
      const ack = await send(p.socket, cmd);
      if (ack?.ok) {
        p.acked++;
        break;
      }
      if (!ack) p.unanswered++;
      if (ack && ack.error?.code === 'unavailable') p.unavailableMs.push(Date.now() - sentAt);
      else if (ack && ack.error?.code !== 'rate_limited') throw new Error(`unexpected refusal ${JSON.stringify(ack)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    await new Promise((r) => setTimeout(r, 50 + Math.random() * 100));
  }
}

type Ack = { ok: boolean; error?: { code: string } };

/** The command's ack, or null when none came (the node died, or the socket is reconnecting). */
async function send(socket: Socket, cmd: Record<string, unknown>): Promise<Ack | null> {
  try {
    return (await socket.timeout(3_000).emitWithAck(EV.command, cmd)) as Ack;
  } catch {
    return null;
  }
}

/** What the log in Redis says against what the clients saw acknowledged. */
export async function auditHall(redisUrl: string, hall: Hall): Promise<{ final: number; sent: number; acked: number; lost: number; duplicated: number }> {
  const store = new RedisRoomStore(redisUrl, { roomTtlMs: 3_600_000 });
  try {
    const log = await store.readEvents(hall.roomId, -1);
    const perPerson = new Map<string, number>();
    for (const e of log) if (e.type === 'hand.raised' || e.type === 'hand.lowered') perPerson.set(e.participantId, (perPerson.get(e.participantId) ?? 0) + 1);
    const ps = hall.panelists;
    return {
      final: log.at(-1)!.version,
      sent: ps.reduce((n, p) => n + p.sent, 0),
      acked: ps.reduce((n, p) => n + p.acked, 0),
      lost: ps.reduce((n, p) => n + Math.max(0, p.acked - (perPerson.get(p.id) ?? 0)), 0),
      duplicated: ps.reduce((n, p) => n + Math.max(0, (perPerson.get(p.id) ?? 0) - p.acked), 0),
    };
  } finally {
    await store.close();
  }
}

export function closeHall(hall: Hall): void {
  hall.panelists.forEach((p) => p.socket.close());
  hall.writers.forEach((w) => w.close());
}
