/**
 * The cluster as deployed, minus Docker: three node processes on one Redis (AOF
 * `appendfsync always`) behind haproxy with `deploy/haproxy.cfg`. Clients talk only to the
 * balancer while nodes — or Redis — are killed with SIGKILL and restarted: every
 * acknowledged action is in the log exactly once, every client catches up, every draft
 * copy converges. Each test prints its figures.
 * Starts: a private redis-server, three `server/src/main.ts` processes and haproxy, on
 * free ports (haproxy from Debian; `.ci/run` installs it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from './support/DraftClient.ts';
import { startCluster, type Cluster } from './support/cluster.ts';
import { auditHall, closeHall, quantile, startHallWorkload, type Hall } from './support/hallWorkload.ts';

const PANELISTS = 12;
const WRITERS = 3;
const KILLS = 3;
const RUN_MS = 9_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('a three-node cluster behind haproxy', () => {
  let cluster: Cluster;
  beforeAll(async () => {
    cluster = await startCluster();
  }, 60_000);
  afterAll(() => cluster?.stop(), 30_000);

  /** Every client reconnected and holds the log's last version; every draft copy has every word. */
  async function expectCaughtUp(hall: Hall, final: number): Promise<void> {
    await eventually('every panelist caught up', () => hall.panelists.every((p) => p.socket.connected && p.version === final), 20_000);
    const text = () => hall.writers[0]!.text.toString();
    await eventually('drafts converged', () => hall.writers.every((w) => w.text.toString() === text()) && hall.words.every((t) => text().includes(t)), 20_000);
  }

  it('node death: loses and duplicates no acknowledged action while nodes are killed, and every copy catches up', async () => {
    const hall = await startHallWorkload(cluster.url, PANELISTS, WRITERS);
    try {
      let kills = 0;
      while (kills < KILLS) {
        await sleep(RUN_MS / (KILLS + 1));
        const alive = cluster.nodes.filter((n) => n.alive);
        const victim = alive[Math.floor(Math.random() * alive.length)]!;
        victim.kill9();
        kills++;
        await sleep(800);
        await victim.restart();
      }
      await sleep(1_000);
      await hall.stop();
      const audit = await auditHall(cluster.redis.url, hall);
      const reconnects = hall.panelists.flatMap((p) => p.reconnectMs);
      console.log(
        `node death: ${PANELISTS} panelists + ${WRITERS} draft writers, ${kills} kills — actions sent ${audit.sent}, acked ${audit.acked}, lost ${audit.lost}, duplicated ${audit.duplicated}; ` +
          `reconnects ${reconnects.length}, p50 ${quantile(reconnects, 0.5)} ms, p99 ${quantile(reconnects, 0.99)} ms; draft words ${hall.words.length}`,
      );
      expect(audit.acked).toBeGreaterThan(PANELISTS * 5);
      expect({ lost: audit.lost, duplicated: audit.duplicated }).toEqual({ lost: 0, duplicated: 0 });
      await expectCaughtUp(hall, audit.final);
    } finally {
      closeHall(hall);
    }
  }, 120_000);

  it('Redis restart: commands fail fast with `unavailable` while it is down, nothing acknowledged is lost, service resumes', async () => {
    const hall = await startHallWorkload(cluster.url, PANELISTS, WRITERS);
    try {
      await sleep(2_000);
      const ackedBefore = hall.panelists.reduce((n, p) => n + p.acked, 0);
      cluster.redis.kill9();
      await sleep(2_000);
      const ackedWhileDown = hall.panelists.reduce((n, p) => n + p.acked, 0) - ackedBefore;
      const restartedAt = Date.now();
      await cluster.redis.restart();
      // Service resumes: every panelist gets an ack again.
      const ackedAtRestart = hall.panelists.map((p) => p.acked);
      await eventually('acks again', () => hall.panelists.every((p, i) => p.acked > ackedAtRestart[i]!), 20_000);
      const resumeMs = Date.now() - restartedAt;
      await sleep(1_000);
      await hall.stop();
      const audit = await auditHall(cluster.redis.url, hall);
      const refusals = hall.panelists.flatMap((p) => p.unavailableMs);
      console.log(
        `Redis restart: actions sent ${audit.sent}, acked ${audit.acked}, lost ${audit.lost}, duplicated ${audit.duplicated}; ` +
          `acked while down ${ackedWhileDown}; unavailable answers ${refusals.length} (p50 ${quantile(refusals, 0.5)} ms, p99 ${quantile(refusals, 0.99)} ms); resumed ${resumeMs} ms after restart`,
      );
      // Nothing is acknowledged without Redis (beyond the odd command whose script had already run).
      expect(ackedWhileDown).toBeLessThanOrEqual(PANELISTS);
      expect(refusals.length).toBeGreaterThan(0);
      expect({ lost: audit.lost, duplicated: audit.duplicated }).toEqual({ lost: 0, duplicated: 0 });
      await expectCaughtUp(hall, audit.final);
    } finally {
      closeHall(hall);
    }
  }, 120_000);
});
