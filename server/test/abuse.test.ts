/**
 * Fault 5, abuse, on one node: a client flooding commands at 1,000 a second is throttled
 * (`rate_limited`), nothing it sent beyond its token bucket's budget takes effect, and the
 * other clients' commands all succeed; a client that stops reading (its connection stalled
 * in a TCP proxy, both ways, as a dead or half-open peer) is dropped by the socket.io
 * heartbeat while the others keep receiving every event. Counts only: `npm run chaos`
 * judges the others' latency under a flood.
 * Starts: express + socket.io on a free port with the Redis store on the test run's
 * redis-server (a short heartbeat for the slow-reader case), and a CutProxy.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CutProxy } from './support/CutProxy.ts';
import { runFlood } from './support/flood.ts';
import { quantile } from './support/hallWorkload.ts';
import { TestClient } from './support/TestClient.ts';
import { startTestServer, type TestServer } from './support/testServer.ts';

const PING = { intervalMs: 500, timeoutMs: 1_000 };

describe('abuse', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanup.splice(0).reverse()) await c();
  });
  async function server(overrides = {}): Promise<TestServer> {
    const t = await startTestServer('redis', overrides);
    cleanup.push(() => t.close());
    return t;
  }

  it('a client flooding 1,000 commands a second gets `rate_limited`; only its budget takes effect; the others all succeed', async () => {
    const t = await server();
    const f = await runFlood(t.url, { others: 6, otherEveryMs: 100, durationMs: 2_000, floodPerSecond: 1_000, rate: t.config.commandRate, readLog: (roomId) => t.store.readEvents(roomId, -1) });
    console.log(
      `flood: flooder sent ${f.floodSent}, ok ${f.floodOk} (budget ${f.budget}), rate_limited ${f.floodRateLimited}, other answers ${f.floodOther}, effects in the log ${f.floodEffects}; ` +
        `others sent ${f.othersSent}, ok ${f.othersOk} (ack p50 ${quantile(f.othersAckMs, 0.5).toFixed(1)} ms, p99 ${quantile(f.othersAckMs, 0.99).toFixed(1)} ms — not judged here)`,
    );
    expect(f.floodSent).toBeGreaterThan(1_000);
    expect(f.floodOk + f.floodRateLimited).toBe(f.floodSent);
    expect(f.floodOk).toBeLessThanOrEqual(f.budget);
    expect(f.floodEffects).toBe(f.floodOk);
    expect(f.othersSent).toBeGreaterThan(6 * 5);
    expect(f.othersOk).toBe(f.othersSent);
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
  });

  it('a client that stops reading is dropped by the heartbeat while the others keep getting every event', async () => {
    const t = await server({ socketPing: PING });
    const proxy = await CutProxy.start([t.url]);
    cleanup.push(() => proxy.close());
    const room = await t.createRoom();
    const people = await Promise.all(['Ann', 'Bob', 'Cas', 'Dia', 'Slow'].map((n) => t.join(room.joinCode, n)));
    const slowId = people[4]!.participantId;
    const mod = await t.connect(room.roomId, room.moderatorKey);
    const others = await Promise.all(people.slice(0, 4).map((p) => t.connect(room.roomId, p.token)));
    const slow = await TestClient.connect(proxy.url, room.roomId, people[4]!.token);
    cleanup.push(async () => slow.close());
    await mod.waitFor(() => mod.online.includes(slowId));
    proxy.connections.forEach((c) => c.stall());
    const stalledAt = Date.now();
    let droppedMs = -1;
    void mod.waitFor(() => !mod.online.includes(slowId), 20_000).then(() => (droppedMs = Date.now() - stalledAt), () => undefined);
    // Traffic the stalled client is sent but never reads, while the others act.
    let acks = 0;
    for (let round = 0; round < 30 || droppedMs < 0; round++) {
      if (Date.now() - stalledAt > 20_000) break;
      const results = await Promise.all(others.map((c) => c.command({ type: round % 2 === 0 ? 'hand.raise' : 'hand.lower' })));
      expect(results.filter((a) => !a.ok)).toEqual([]);
      acks += results.length;
      // A human pace, within the per-connection rate limit.
      await new Promise((r) => setTimeout(r, 80));
    }
    const last = Math.max(...others.map((c) => c.version), mod.version);
    for (const c of [mod, ...others]) await c.waitForVersion(last);
    console.log(`slow reader: stalled client dropped ${droppedMs} ms after it stopped reading (heartbeat ${PING.intervalMs} + ${PING.timeoutMs} ms); others' commands ${acks}, all acked; every other client at version ${last} with no gaps`);
    expect(droppedMs).toBeGreaterThan(0);
    expect(droppedMs).toBeLessThan(PING.intervalMs + PING.timeoutMs + 5_000);
    for (const c of [mod, ...others]) expect(c.gaps).toBe(0);
    expect(slow.version).toBeLessThan(last);
  });
});
