/**
 * `npm run chaos`: the long versions of the fault tests, with latency judged against
 * targets. Three nodes on one Redis (AOF, appendfsync always) behind haproxy, as in
 * docker-compose.yml; clients talk only to the balancer (the flood row excepted).
 * 1. Node death: a random node is killed with SIGKILL every few seconds and restarted.
 * 2. Redis restart: Redis is killed with SIGKILL under load and restarted on its data.
 * 3. Rolling restart: each node in turn gets SIGTERM, drains, exits and is started again.
 * 4. Client network loss: a TCP proxy in front of the balancer cuts every command's
 *    connection (before the server, mid-command, after the ack left) and every draft
 *    update's; clients reconnect and retry (same id; Yjs sync).
 * 5. Flood: one client sends 1,000 commands a second to the node the others use.
 * Prints one row per fault with PASS/FAIL; exits 1 if any row fails. The test suite runs
 * short versions (server/test/{cluster,drain,networkLoss,abuse}.test.ts) and judges no latency.
 * Settings: CHAOS_PANELISTS (50), CHAOS_WRITERS (5), CHAOS_KILLS (10), CHAOS_KILL_EVERY_MS
 * (4000), CHAOS_DRAINS (6), CHAOS_LOSS_COMMANDS (1000), CHAOS_LOSS_WORDS (200),
 * CHAOS_FLOOD_OTHERS (20), CHAOS_FLOOD_MS (20000, per condition); CHAOS_ONLY runs only the named
 * rows (comma-separated: death, redis, drain, loss, drafts, flood).
 */
import { startCluster } from '../test/support/cluster.ts';
import { commandNetworkLoss, draftNetworkLoss, flood } from './clientFaults.ts';
import { nodeDeath, redisRestart, rollingDrain } from './hallFaults.ts';
import { printTable, rowPasses, type Row } from './report.ts';

const setting = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const PANELISTS = setting('CHAOS_PANELISTS', 50);
const WRITERS = setting('CHAOS_WRITERS', 5);
const KILLS = setting('CHAOS_KILLS', 10);
const KILL_EVERY_MS = setting('CHAOS_KILL_EVERY_MS', 4_000);
const DRAINS = setting('CHAOS_DRAINS', 6);
const LOSS_COMMANDS = setting('CHAOS_LOSS_COMMANDS', 1_000);
const LOSS_WORDS = setting('CHAOS_LOSS_WORDS', 200);
const FLOOD_OTHERS = setting('CHAOS_FLOOD_OTHERS', 20);
const FLOOD_MS = setting('CHAOS_FLOOD_MS', 20_000);
const ONLY = process.env.CHAOS_ONLY ? new Set(process.env.CHAOS_ONLY.split(',')) : null;

/** Ten moderators, each in its own room (a room holds at most 200 agenda items). */
const LOSS_LANES = 10;
const LOSS_WRITERS = 5;

async function main(): Promise<void> {
  console.log(`chaos: ${PANELISTS} panelists + ${WRITERS} draft writers through haproxy, three nodes, Redis with AOF always\n`);
  const cluster = await startCluster();
  const rows: Row[] = [];
  const hall = { panelists: PANELISTS, writers: WRITERS };
  const run = async (name: string, fn: () => Promise<Row>) => {
    if (ONLY && !ONLY.has(name)) return;
    process.stdout.write(`${name}…\n`);
    rows.push(await fn());
  };
  try {
    await run('death', () => nodeDeath(cluster, hall, KILLS, KILL_EVERY_MS));
    await run('redis', () => redisRestart(cluster, hall, 3_000));
    await run('drain', () => rollingDrain(cluster, hall, DRAINS, KILL_EVERY_MS));
    await run('loss', () => commandNetworkLoss(cluster, LOSS_LANES, Math.ceil(LOSS_COMMANDS / LOSS_LANES)));
    await run('drafts', () => draftNetworkLoss(cluster, LOSS_WRITERS, Math.ceil(LOSS_WORDS / LOSS_WRITERS)));
    await run('flood', () => flood(cluster, cluster.nodes[0]!, FLOOD_OTHERS, FLOOD_MS));
  } finally {
    await cluster.stop();
  }
  printTable(rows);
  const ok = rows.every(rowPasses);
  console.log(ok ? '\nPASS: no acknowledged action lost or duplicated, every latency target met' : '\nFAIL: see the rows above');
  process.exit(ok ? 0 : 1);
}

void main();
