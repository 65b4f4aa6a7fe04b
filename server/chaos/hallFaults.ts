/**
 * Chaos rows with a hall of panelists and draft writers talking to the balancer: node
 * death (SIGKILL), Redis restart (SIGKILL), and a rolling restart by SIGTERM (graceful drain).
 */
import type { Cluster } from '../test/support/cluster.ts';
import { auditHall, closeHall, quantile, startHallWorkload, type Hall } from '../test/support/hallWorkload.ts';
import type { Row } from './report.ts';

export interface HallSettings {
  panelists: number;
  writers: number;
}

/** Targets: a client whose node died or drained is back within 2 s; service resumes within 5 s of Redis returning. */
export const RECONNECT_P99_TARGET_MS = 2_000;
export const REDIS_RESUME_TARGET_MS = 5_000;
/** A draining node must exit within this (Docker's stop_grace_period is 15 s; the node's own deadline 10 s). */
export const DRAIN_TARGET_MS = 10_000;

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function until(check: () => boolean, timeoutMs: number): Promise<boolean> {
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

/** Stops the hall, audits the log, and waits for every client and draft copy to catch up. */
async function finish(cluster: Cluster, hall: Hall): Promise<Pick<Row, 'sent' | 'acked' | 'lost' | 'duplicated' | 'caughtUp' | 'draftsConverged'>> {
  await hall.stop();
  const audit = await auditHall(cluster.redis.url, hall);
  const caughtUp = await until(() => hall.panelists.every((p) => p.socket.connected && p.version === audit.final), 30_000);
  const draftsConverged = await until(() => converged(hall), 30_000);
  closeHall(hall);
  return { sent: audit.sent, acked: audit.acked, lost: audit.lost, duplicated: audit.duplicated, caughtUp, draftsConverged };
}

const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)]!;

export async function nodeDeath(cluster: Cluster, s: HallSettings, kills: number, everyMs: number): Promise<Row> {
  const hall = await startHallWorkload(cluster.url, s.panelists, s.writers);
  for (let k = 0; k < kills; k++) {
    await sleep(everyMs);
    const victim = pick(cluster.nodes.filter((n) => n.alive));
    victim.kill9();
    process.stdout.write(`  killed node :${victim.port} (${k + 1}/${kills})\n`);
    await sleep(1_000);
    await victim.restart();
  }
  await sleep(2_000);
  const reconnects = hall.panelists.flatMap((p) => p.reconnectMs);
  return {
    fault: 'node death (SIGKILL)',
    ...(await finish(cluster, hall)),
    events: `${kills} kills, ${reconnects.length} reconnects`,
    latency: `reconnect p50 ${quantile(reconnects, 0.5)} ms, p99 ${quantile(reconnects, 0.99)} ms`,
    checks: [{ what: 'reconnect p99', valueMs: quantile(reconnects, 0.99), targetMs: RECONNECT_P99_TARGET_MS }],
    problems: [],
  };
}

export async function redisRestart(cluster: Cluster, s: HallSettings, downMs: number): Promise<Row> {
  const hall = await startHallWorkload(cluster.url, s.panelists, s.writers);
  await sleep(3_000);
  cluster.redis.kill9();
  process.stdout.write('  killed Redis\n');
  await sleep(downMs);
  const restartedAt = Date.now();
  await cluster.redis.restart();
  const before = hall.panelists.map((p) => p.acked);
  const resumed = await until(() => hall.panelists.every((p, i) => p.acked > before[i]!), 30_000);
  const resumedMs = resumed ? Date.now() - restartedAt : Infinity;
  await sleep(2_000);
  const refusals = hall.panelists.flatMap((p) => p.unavailableMs);
  return {
    fault: 'Redis restart (SIGKILL)',
    ...(await finish(cluster, hall)),
    events: `down ${downMs} ms; ${refusals.length} \`unavailable\` answers; every panelist acked again ${resumedMs} ms after the restart`,
    latency: `\`unavailable\` answered p50 ${quantile(refusals, 0.5)} ms, p99 ${quantile(refusals, 0.99)} ms`,
    checks: [{ what: 'service resumed after restart', valueMs: resumedMs, targetMs: REDIS_RESUME_TARGET_MS }],
    problems: [],
  };
}

/** A rolling restart: one node at a time gets SIGTERM, drains and exits, and is started again. */
export async function rollingDrain(cluster: Cluster, s: HallSettings, drains: number, everyMs: number): Promise<Row> {
  const hall = await startHallWorkload(cluster.url, s.panelists, s.writers);
  const exits: { code: number | null; ms: number }[] = [];
  for (let d = 0; d < drains; d++) {
    await sleep(everyMs);
    const node = cluster.nodes[d % cluster.nodes.length]!;
    const exit = await node.terminate();
    exits.push(exit);
    process.stdout.write(`  SIGTERM node :${node.port} (${d + 1}/${drains}): exit ${exit.code ?? exit.signal} after ${exit.ms} ms\n`);
    await node.restart();
  }
  await sleep(2_000);
  const moves = hall.panelists.flatMap((p) => p.reconnectMs);
  const unanswered = hall.panelists.reduce((n, p) => n + p.unanswered, 0);
  const refused = hall.panelists.reduce((n, p) => n + p.unavailableMs.length, 0);
  const badExits = exits.filter((e) => e.code !== 0).length;
  const slowest = Math.max(...exits.map((e) => e.ms));
  return {
    fault: 'rolling restart (SIGTERM drain)',
    ...(await finish(cluster, hall)),
    events: `${drains} drains, exit codes ${[...new Set(exits.map((e) => e.code))].join('/')}; ${moves.length} clients moved; \`unavailable\` answers ${refused}, unanswered (re-sent) ${unanswered}`,
    latency: `drain p50 ${quantile(exits.map((e) => e.ms), 0.5)} ms, max ${slowest} ms; reconnect p50 ${quantile(moves, 0.5)} ms, p99 ${quantile(moves, 0.99)} ms`,
    checks: [
      { what: 'slowest drain', valueMs: slowest, targetMs: DRAIN_TARGET_MS },
      { what: 'reconnect p99', valueMs: quantile(moves, 0.99), targetMs: RECONNECT_P99_TARGET_MS },
    ],
    problems: badExits > 0 ? [`${badExits} drains did not exit 0`] : [],
  };
}
