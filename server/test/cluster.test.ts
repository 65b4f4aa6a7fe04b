/**
 * The cluster as deployed, minus Docker: three node processes on one Redis (AOF
 * `appendfsync always`) behind haproxy with `deploy/haproxy.cfg`. Clients talk only to the
 * balancer while nodes are killed with SIGKILL and restarted: every acknowledged action is
 * in the log exactly once, every client catches up, every draft copy converges.
 * Starts: a private redis-server, three `server/src/main.ts` processes and haproxy, on
 * free ports (haproxy from Debian; `.ci/run` installs it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import * as Y from 'yjs';
import { EV, PROTOCOL_VERSION, type VersionedEvent } from '@dr/shared';
import { RedisRoomStore } from '../src/store/RedisRoomStore.ts';
import { eventually, openDraft, type DraftClient } from './support/DraftClient.ts';
import { startCluster, type Cluster } from './support/cluster.ts';

const PANELISTS = 12;
const WRITERS = 3;
const KILLS = 3;
const RUN_MS = 9_000;

interface Panelist {
  id: string;
  socket: Socket;
  version: number;
  acked: number;
  sent: number;
  disconnectedAt: number | null;
  reconnectMs: number[];
}

const quantile = (xs: number[], q: number) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]! : 0);

describe('a three-node cluster behind haproxy', () => {
  let cluster: Cluster;
  beforeAll(async () => {
    cluster = await startCluster();
  }, 60_000);
  afterAll(() => cluster?.stop(), 30_000);

  it('loses and duplicates no acknowledged action while nodes are killed, and every copy catches up', async () => {
    const post = async (p: string, body: unknown) => (await fetch(cluster.url + p, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json();
    const room = (await post('/api/rooms', { title: 'Chaos' })) as { roomId: string; joinCode: string; moderatorKey: string };
    const panelists: Panelist[] = [];
    for (let i = 0; i < PANELISTS; i++) {
      const joined = (await post('/api/join', { joinCode: room.joinCode, name: `P${i}` })) as { participantId: string; token: string };
      const socket = io(cluster.url, {
        auth: { roomId: room.roomId, key: joined.token, protocol: PROTOCOL_VERSION },
        transports: ['websocket'],
        forceNew: true,
        reconnectionDelay: 100,
        reconnectionDelayMax: 500,
      });
      const p: Panelist = { id: joined.participantId, socket, version: -1, acked: 0, sent: 0, disconnectedAt: null, reconnectMs: [] };
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
      panelists.push(p);
    }
    const writers: DraftClient[] = Array.from({ length: WRITERS }, () => openDraft(cluster.url, room.roomId, { kind: 'plenary' }, room.moderatorKey));
    await Promise.all(writers.map((w) => w.synced(20_000)));

    // Each panelist alternates raising and lowering; a command whose ack is lost is sent
    // again with the same id until it is acknowledged.
    let running = true;
    const inserted: string[] = [];
    const act = async (p: Panelist) => {
      for (let n = 0; running; n++) {
        const cmd = { id: `${p.id}-${n}`, type: n % 2 === 0 ? 'hand.raise' : 'hand.lower', ...(n % 2 === 0 && { kind: 'speak' }) };
        p.sent++;
        for (;;) {
          try {
            const ack = (await p.socket.timeout(3_000).emitWithAck(EV.command, cmd)) as { ok: boolean; error?: { code: string } };
            if (ack.ok) {
              p.acked++;
              break;
            }
            if (ack.error?.code !== 'unavailable' && ack.error?.code !== 'rate_limited') throw new Error(`unexpected refusal ${JSON.stringify(ack)}`);
          } catch (error) {
            if (String(error).includes('unexpected refusal')) throw error;
          }
          await new Promise((r) => setTimeout(r, 100));
        }
        await new Promise((r) => setTimeout(r, 50 + Math.random() * 100));
      }
    };
    const typing = async (w: DraftClient, i: number) => {
      for (let n = 0; running; n++) {
        const token = `[w${i}-${n}]`;
        w.text.insert(w.text.length, token);
        inserted.push(token);
        await new Promise((r) => setTimeout(r, 150));
      }
    };
    const work = [...panelists.map(act), ...writers.map(typing)];

    let kills = 0;
    const killer = (async () => {
      while (kills < KILLS) {
        await new Promise((r) => setTimeout(r, RUN_MS / (KILLS + 1)));
        const victim = cluster.nodes.filter((n) => n.alive)[Math.floor(Math.random() * cluster.nodes.filter((n) => n.alive).length)]!;
        victim.kill9();
        kills++;
        await new Promise((r) => setTimeout(r, 800));
        await victim.restart();
      }
    })();
    await killer;
    await new Promise((r) => setTimeout(r, 1_000));
    running = false;
    await Promise.all(work);

    // The log in Redis is the truth.
    const store = new RedisRoomStore(cluster.redis.url, { roomTtlMs: 3_600_000 });
    try {
      const log = await store.readEvents(room.roomId, -1);
      const final = log.at(-1)!.version;
      const perPerson = new Map<string, number>();
      for (const e of log) if (e.type === 'hand.raised' || e.type === 'hand.lowered') perPerson.set(e.participantId, (perPerson.get(e.participantId) ?? 0) + 1);
      const sent = panelists.reduce((n, p) => n + p.sent, 0);
      const acked = panelists.reduce((n, p) => n + p.acked, 0);
      const lost = panelists.reduce((n, p) => n + Math.max(0, p.acked - (perPerson.get(p.id) ?? 0)), 0);
      const duplicated = panelists.reduce((n, p) => n + Math.max(0, (perPerson.get(p.id) ?? 0) - p.acked), 0);
      const reconnects = panelists.flatMap((p) => p.reconnectMs);
      console.log(
        `cluster chaos: ${PANELISTS} panelists + ${WRITERS} draft writers, ${kills} kills — actions sent ${sent}, acked ${acked}, lost ${lost}, duplicated ${duplicated}; ` +
          `reconnects ${reconnects.length}, p50 ${quantile(reconnects, 0.5)} ms, p99 ${quantile(reconnects, 0.99)} ms; draft words ${inserted.length}`,
      );
      expect(kills).toBe(KILLS);
      expect(acked).toBeGreaterThan(PANELISTS * 5);
      expect({ lost, duplicated }).toEqual({ lost: 0, duplicated: 0 });
      // Every client is connected again and has caught up with the log.
      await eventually('every panelist caught up', () => panelists.every((p) => p.socket.connected && p.version === final), 20_000);
      // Every draft copy converges on every word typed.
      await eventually(
        'drafts converged',
        () => writers.every((w) => w.text.toString() === writers[0]!.text.toString()) && inserted.every((t) => writers[0]!.text.toString().includes(t)),
        20_000,
      );
      const fresh = openDraft(cluster.url, room.roomId, { kind: 'plenary' }, room.moderatorKey, { doc: new Y.Doc() });
      await fresh.synced(20_000);
      expect(fresh.text.toString()).toBe(writers[0]!.text.toString());
      fresh.close();
    } finally {
      await store.close();
      panelists.forEach((p) => p.socket.close());
      writers.forEach((w) => w.close());
    }
  }, 120_000);
});
