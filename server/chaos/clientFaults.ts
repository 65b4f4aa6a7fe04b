/**
 * Chaos rows for misbehaving clients and networks: client network loss mid-command and
 * mid-update (a cutting TCP proxy in front of the balancer), and one client flooding a
 * node at 1,000 commands a second while the others' acks are timed.
 */
import type { VersionedEvent } from '@dr/shared';
import { RedisRoomStore } from '../src/store/RedisRoomStore.ts';
import type { Cluster, ClusterNode } from '../test/support/cluster.ts';
import { CutProxy } from '../test/support/CutProxy.ts';
import { draftsUnderNetworkLoss } from '../test/support/draftLoss.ts';
import { runFlood, type FloodFigures } from '../test/support/flood.ts';
import { quantile } from '../test/support/hallWorkload.ts';
import { commandsUnderNetworkLoss } from '../test/support/networkLoss.ts';
import type { Row } from './report.ts';

/** A client cut off mid-command has its ack within 2 s of the cut (reconnect + re-send). */
export const RECOVER_P99_TARGET_MS = 2_000;
/** Others' ack p99 under a flood: at most twice that without it, and at most 100 ms. */
export const FLOOD_P99_FACTOR = 2;
export const FLOOD_P99_CEILING_MS = 100;

async function withLog<T>(cluster: Cluster, fn: (readLog: (roomId: string) => Promise<VersionedEvent[]>) => Promise<T>): Promise<T> {
  const store = new RedisRoomStore(cluster.redis.url, { roomTtlMs: 3_600_000 });
  try {
    return await fn((roomId) => store.readEvents(roomId, -1));
  } finally {
    await store.close();
  }
}

export async function commandNetworkLoss(cluster: Cluster, lanes: number, perLane: number): Promise<Row> {
  const proxy = await CutProxy.start([cluster.url]);
  try {
    const f = await withLog(cluster, (readLog) => commandsUnderNetworkLoss(proxy, cluster.url, { lanes, perLane, readLog }));
    const p99 = quantile(f.recoverMs, 0.99);
    return {
      fault: 'client network loss, socket.io (proxy → haproxy)',
      sent: f.commands,
      acked: f.commands,
      lost: f.lost,
      duplicated: f.duplicated,
      events: `${lanes} moderators; cuts before the server ${f.cuts.before}, mid-command ${f.cuts.mid}, after the ack left ${f.cuts.after}; retried ${f.retried} (same id); first attempt already applied at reconnect ${f.appliedBeforeRetry}; applied once ${f.appliedOnce}; retry acks differing ${f.ackMismatches}`,
      latency: `cut → retry's ack p50 ${quantile(f.recoverMs, 0.5)} ms, p99 ${p99} ms`,
      checks: [{ what: "cut → retry's ack p99", valueMs: p99, targetMs: RECOVER_P99_TARGET_MS }],
      caughtUp: null,
      draftsConverged: null,
      problems: f.ackMismatches > 0 ? [`${f.ackMismatches} retry acks differ from the original`] : [],
    };
  } finally {
    await proxy.close();
  }
}

export async function draftNetworkLoss(cluster: Cluster, writers: number, perWriter: number): Promise<Row> {
  const proxy = await CutProxy.start([cluster.url]);
  try {
    const f = await draftsUnderNetworkLoss(proxy, cluster.url, { writers, perWriter });
    const p99 = quantile(f.recoverMs, 0.99);
    return {
      fault: 'client network loss, y-websocket (proxy → haproxy)',
      sent: f.words,
      acked: f.words,
      lost: f.missing,
      duplicated: f.duplicated,
      events: `${writers} writers, one word per update; cuts before the server ${f.cuts.before}, mid-update ${f.cuts.mid}, after it was stored ${f.cuts.after}; ${f.reconnects} reconnects; ${f.copies} copies compared`,
      latency: `cut → word stored after the reconnect p50 ${quantile(f.recoverMs, 0.5)} ms, p99 ${p99} ms`,
      checks: [{ what: 'cut → word stored p99', valueMs: p99, targetMs: RECOVER_P99_TARGET_MS }],
      caughtUp: null,
      draftsConverged: f.converged,
      problems: [],
    };
  } finally {
    await proxy.close();
  }
}

/** Runs without and with the flooder alternate, so a spell of noise on the shared machine hits both. */
const FLOOD_ROUNDS = 5;

/** Two runs as one: counts summed (each run's flooder has its own bucket, so budgets add up), samples pooled. */
function pool(a: FloodFigures, b: FloodFigures): FloodFigures {
  return {
    floodSent: a.floodSent + b.floodSent,
    floodOk: a.floodOk + b.floodOk,
    floodRateLimited: a.floodRateLimited + b.floodRateLimited,
    floodOther: a.floodOther + b.floodOther,
    floodEffects: a.floodEffects + b.floodEffects,
    budget: a.budget + b.budget,
    othersSent: a.othersSent + b.othersSent,
    othersOk: a.othersOk + b.othersOk,
    othersAckMs: [...a.othersAckMs, ...b.othersAckMs],
  };
}

/**
 * The flooder and the others all on one node (the worst case: the balancer would spread
 * the others), with the production rate limit. `durationMs` of each condition, without
 * and with the flooder, in alternating rounds.
 */
export async function flood(cluster: Cluster, node: ClusterNode, others: number, durationMs: number): Promise<Row> {
  const rate = { perSecond: 20, burst: 40 };
  await node.terminate();
  await node.restart({ COMMAND_RATE: String(rate.perSecond), COMMAND_BURST: String(rate.burst) });
  try {
    return await withLog(cluster, async (readLog) => {
      const opts = { others, otherEveryMs: 100, durationMs: durationMs / FLOOD_ROUNDS, rate, readLog };
      let base: FloodFigures | null = null;
      let flooded: FloodFigures | null = null;
      for (let r = 0; r < FLOOD_ROUNDS; r++) {
        const b = await runFlood(node.url, { ...opts, floodPerSecond: 0 });
        const f = await runFlood(node.url, { ...opts, floodPerSecond: 1_000 });
        base = base ? pool(base, b) : b;
        flooded = flooded ? pool(flooded, f) : f;
      }
      return floodRow(base!, flooded!, others);
    });
  } finally {
    await node.terminate();
    await node.restart();
  }
}

function floodRow(base: FloodFigures, f: FloodFigures, others: number): Row {
  const baseP99 = quantile(base.othersAckMs, 0.99);
  const p99 = quantile(f.othersAckMs, 0.99);
  const fmt = (xs: number[]) => `p50 ${quantile(xs, 0.5).toFixed(1)} ms, p99 ${quantile(xs, 0.99).toFixed(1)} ms`;
  const problems = [
    ...(f.floodOk > f.budget ? [`flooder got ${f.floodOk} acks, budget ${f.budget}`] : []),
    ...(f.floodEffects !== f.floodOk ? [`flooder's effects ${f.floodEffects} ≠ its acks ${f.floodOk}`] : []),
    ...(f.floodOther > 0 ? [`flooder got ${f.floodOther} answers other than ok or \`rate_limited\``] : []),
    ...(f.othersOk !== f.othersSent || base.othersOk !== base.othersSent ? ['some of the others’ commands failed'] : []),
  ];
  return {
    fault: 'flood: one client at 1,000 commands/s (same node as the others)',
    sent: base.othersSent + f.othersSent,
    acked: base.othersOk + f.othersOk,
    lost: 0,
    duplicated: 0,
    events: `${FLOOD_ROUNDS} rounds without and with the flooder; ${others} others at 10 commands/s each; flooder sent ${f.floodSent}: ok ${f.floodOk} (budget ${f.budget}), \`rate_limited\` ${f.floodRateLimited}, effects in the log ${f.floodEffects}`,
    latency: `others' acks without the flood ${fmt(base.othersAckMs)}; with it ${fmt(f.othersAckMs)}`,
    checks: [
      { what: `others' ack p99 under flood (${FLOOD_P99_FACTOR}× without: ${baseP99.toFixed(1)} ms)`, valueMs: p99, targetMs: FLOOD_P99_FACTOR * baseP99 },
      { what: "others' ack p99 under flood", valueMs: p99, targetMs: FLOOD_P99_CEILING_MS },
    ],
    caughtUp: null,
    draftsConverged: null,
    problems,
  };
}
