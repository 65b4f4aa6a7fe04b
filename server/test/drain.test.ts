/**
 * Graceful shutdown (SIGTERM drain). On one node: a command still running when the node
 * starts closing is acked before its connection closes, a command arriving during the
 * drain is answered `unavailable` (retry elsewhere), and the client sees its connection
 * drop (so it reconnects on its own) rather than a socket.io disconnect. In the cluster: a
 * node is sent SIGTERM under load through haproxy; it exits 0 within the grace period,
 * every client it held reconnects through the balancer to another node and catches up,
 * and no acknowledged action is lost or duplicated. Prints drain time and reconnect p50/p99.
 * Starts: express + socket.io on a free port with the Redis store on the test run's
 * redis-server; then a private redis-server, three node processes and haproxy.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { io } from 'socket.io-client';
import { EV, PROTOCOL_VERSION, type CommandAck } from '@dr/shared';
import { RedisRoomStore } from '../src/store/RedisRoomStore.ts';
import { eventually } from './support/DraftClient.ts';
import { startCluster, type Cluster } from './support/cluster.ts';
import { auditHall, closeHall, quantile, startHallWorkload } from './support/hallWorkload.ts';
import { startTestServer } from './support/testServer.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The Redis store, with appends held for `holdMs` while armed: a command stays in flight. */
class SlowAppendStore extends RedisRoomStore {
  holdMs = 0;
  appending = 0;
  // Every append, one command's or a group's, goes through appendBatch.
  override async appendBatch(...args: Parameters<RedisRoomStore['appendBatch']>): ReturnType<RedisRoomStore['appendBatch']> {
    this.appending++;
    if (this.holdMs) await sleep(this.holdMs);
    return super.appendBatch(...args);
  }
}

describe('graceful shutdown of one node', () => {
  it('acks the command it is running, refuses new ones with `unavailable`, and drops the connection so the client reconnects', async () => {
    const store = new SlowAppendStore(inject('redisUrl'), { roomTtlMs: 60_000, keyPrefix: `drain:${Math.random()}:` });
    const t = await startTestServer('redis', {}, store);
    const room = await t.createRoom();
    const socket = io(t.url, { auth: { roomId: room.roomId, key: room.moderatorKey, protocol: PROTOCOL_VERSION }, transports: ['websocket'], forceNew: true, reconnection: false });
    try {
      await eventually('connected', () => socket.connected, 10_000);
      const reasons: string[] = [];
      socket.on('disconnect', (reason) => reasons.push(reason));
      store.holdMs = 600;
      const before = store.appending;
      const running = socket.timeout(10_000).emitWithAck(EV.command, { id: 'running', type: 'agenda.add', title: 'Running', plannedMs: 60_000 }) as Promise<CommandAck>;
      await eventually('the command is appending', () => store.appending > before, 10_000);
      const closing = t.server.close();
      const late = socket.timeout(10_000).emitWithAck(EV.command, { id: 'late', type: 'agenda.add', title: 'Late', plannedMs: 60_000 }) as Promise<CommandAck>;
      const [ack, lateAck] = await Promise.all([running, late]);
      await closing;
      await eventually('disconnected', () => reasons.length > 0, 10_000);
      const log = await store.readEvents(room.roomId, -1);
      const titles = log.flatMap((e) => (e.type === 'agenda.added' ? [e.title] : []));
      console.log(`drain (one node): running command acked ${JSON.stringify(ack)}; late command answered ${JSON.stringify(lateAck)}; client saw "${reasons[0]}"`);
      expect(ack.ok).toBe(true);
      expect(lateAck).toMatchObject({ ok: false, error: { code: 'unavailable' } });
      expect(titles).toEqual(['Running']);
      // A dropped transport, which socket.io clients reconnect from on their own.
      expect(reasons).toEqual(['transport close']);
    } finally {
      socket.close();
      await new Promise<void>((r) => t.server.httpServer.close(() => r()));
      await store.close();
    }
  });
});

describe('SIGTERM to a node of the cluster under load', () => {
  let cluster: Cluster;
  beforeAll(async () => {
    cluster = await startCluster();
  }, 60_000);
  afterAll(() => cluster?.stop(), 30_000);

  it('the node exits 0 after draining; its clients reconnect elsewhere; nothing acknowledged is lost or duplicated', async () => {
    const hall = await startHallWorkload(cluster.url, 12, 3);
    const writerMoves: number[] = [];
    for (const w of hall.writers) {
      let downAt: number | null = null;
      w.provider.on('status', ({ status }: { status: string }) => {
        if (status === 'disconnected') downAt ??= Date.now();
        if (status === 'connected' && downAt !== null) writerMoves.push(Date.now() - downAt), (downAt = null);
      });
    }
    try {
      await sleep(2_000);
      const victim = cluster.nodes[Math.floor(Math.random() * cluster.nodes.length)]!;
      const exit = await victim.terminate();
      await eventually('every panelist connected again', () => hall.panelists.every((p) => p.socket.connected), 20_000);
      await sleep(1_500);
      await hall.stop();
      const audit = await auditHall(cluster.redis.url, hall);
      const moves = hall.panelists.flatMap((p) => p.reconnectMs);
      const unanswered = hall.panelists.reduce((n, p) => n + p.unanswered, 0);
      const refused = hall.panelists.reduce((n, p) => n + p.unavailableMs.length, 0);
      console.log(
        `SIGTERM drain: node exited ${exit.code ?? exit.signal} after ${exit.ms} ms; panelists moved ${moves.length} (reconnect p50 ${quantile(moves, 0.5)} ms, p99 ${quantile(moves, 0.99)} ms), ` +
          `draft writers moved ${writerMoves.length} (p50 ${quantile(writerMoves, 0.5)} ms, p99 ${quantile(writerMoves, 0.99)} ms); ` +
          `actions sent ${audit.sent}, acked ${audit.acked}, lost ${audit.lost}, duplicated ${audit.duplicated}; answered \`unavailable\` ${refused}, unanswered (re-sent) ${unanswered}`,
      );
      expect(exit).toMatchObject({ code: 0, signal: null });
      expect(exit.ms).toBeLessThan(10_000);
      // Round robin put some clients on every node; those of the stopped node moved.
      expect(moves.length).toBeGreaterThan(0);
      expect({ lost: audit.lost, duplicated: audit.duplicated }).toEqual({ lost: 0, duplicated: 0 });
      await eventually('every panelist caught up', () => hall.panelists.every((p) => p.socket.connected && p.version === audit.final), 20_000);
      const text = () => hall.writers[0]!.text.toString();
      await eventually('drafts converged', () => hall.writers.every((w) => w.text.toString() === text()) && hall.words.every((word) => text().includes(word)), 20_000);
      await victim.restart();
    } finally {
      closeHall(hall);
    }
  }, 120_000);
});
