/**
 * `npm run chaos`: the long versions of the cluster fault tests, with latency figures.
 * Three nodes on one Redis (AOF, appendfsync always) behind haproxy, as in
 * docker-compose.yml; a hall of panelists and draft writers talks only to the balancer.
 * 1. Node death: a random node is killed with SIGKILL every few seconds and restarted.
 * 2. Redis restart: Redis is killed with SIGKILL under load and restarted on its data.
 * Prints one row per fault; the test suite runs short versions (server/test/cluster.test.ts).
 * Settings: CHAOS_PANELISTS (50), CHAOS_WRITERS (5), CHAOS_KILLS (10), CHAOS_KILL_EVERY_MS (4000).
 */
import { startCluster } from '../test/support/cluster.ts';
import { auditHall, closeHall, quantile, startHallWorkload, type Hall } from '../test/support/hallWorkload.ts';

const PANELISTS = Number(process.env.CHAOS_PANELISTS ?? 50);
const WRITERS = Number(process.env.CHAOS_WRITERS ?? 5);
const KILLS = Number(process.env.CHAOS_KILLS ?? 10);
const KILL_EVERY_MS = Number(process.env.CHAOS_KILL_EVERY_MS ?? 4_000);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) return false;
    await sleep(50);
  }
  return true;
}

function converged(hall: Hall): boolean {
  const text = hall.writers[0]!.text.toString();
  return hall.writers.every((w) => w.text.toString() === text) && hall.words.every((w) => text.includes(w));
}

interface Row {
  fault: string;
  sent: number;
  acked: number;
  lost: number;
  duplicated: number;
  events: string;
  latency: string;
  caughtUp: boolean;
  draftsConverged: boolean;
}

async function main(): Promise<void> {
  console.log(`chaos: ${PANELISTS} panelists + ${WRITERS} draft writers through haproxy, three nodes, Redis with AOF always\n`);
  const cluster = await startCluster();
  const rows: Row[] = [];
  try {
    // 1. Node death.
    let hall = await startHallWorkload(cluster.url, PANELISTS, WRITERS);
    for (let kills = 0; kills < KILLS; kills++) {
      await sleep(KILL_EVERY_MS);
      const alive = cluster.nodes.filter((n) => n.alive);
      const victim = alive[Math.floor(Math.random() * alive.length)]!;
      victim.kill9();
      process.stdout.write(`  killed node :${victim.port} (${kills + 1}/${KILLS})\n`);
      await sleep(1_000);
      await victim.restart();
    }
    await sleep(2_000);
    await hall.stop();
    let audit = await auditHall(cluster.redis.url, hall);
    const reconnects = hall.panelists.flatMap((p) => p.reconnectMs);
    rows.push({
      fault: 'node death',
      ...audit,
      events: `${KILLS} kills, ${reconnects.length} reconnects`,
      latency: `reconnect p50 ${quantile(reconnects, 0.5)} ms, p99 ${quantile(reconnects, 0.99)} ms`,
      caughtUp: await until(() => hall.panelists.every((p) => p.socket.connected && p.version === audit.final), 30_000),
      draftsConverged: await until(() => converged(hall), 30_000),
    });
    closeHall(hall);

    // 2. Redis restart.
    hall = await startHallWorkload(cluster.url, PANELISTS, WRITERS);
    await sleep(3_000);
    cluster.redis.kill9();
    process.stdout.write('  killed Redis\n');
    await sleep(3_000);
    const restartedAt = Date.now();
    await cluster.redis.restart();
    const before = hall.panelists.map((p) => p.acked);
    await until(() => hall.panelists.every((p, i) => p.acked > before[i]!), 30_000);
    const resumedMs = Date.now() - restartedAt;
    await sleep(2_000);
    await hall.stop();
    audit = await auditHall(cluster.redis.url, hall);
    const refusals = hall.panelists.flatMap((p) => p.unavailableMs);
    rows.push({
      fault: 'Redis restart',
      ...audit,
      events: `${refusals.length} unavailable answers, resumed ${resumedMs} ms after restart`,
      latency: `unavailable answered p50 ${quantile(refusals, 0.5)} ms, p99 ${quantile(refusals, 0.99)} ms`,
      caughtUp: await until(() => hall.panelists.every((p) => p.socket.connected && p.version === audit.final), 30_000),
      draftsConverged: await until(() => converged(hall), 30_000),
    });
    closeHall(hall);
  } finally {
    await cluster.stop();
  }
  console.log('\n| fault | actions sent | acked | lost | duplicated | what happened | latency | clients caught up | drafts converged |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.fault} | ${r.sent} | ${r.acked} | ${r.lost} | ${r.duplicated} | ${r.events} | ${r.latency} | ${r.caughtUp ? 'yes' : 'NO'} | ${r.draftsConverged ? 'yes' : 'NO'} |`);
  const ok = rows.every((r) => r.lost === 0 && r.duplicated === 0 && r.caughtUp && r.draftsConverged);
  console.log(ok ? '\nno acknowledged action lost or duplicated' : '\nFAILED: see the rows above');
  process.exit(ok ? 0 : 1);
}

void main();
