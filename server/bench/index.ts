/**
 * `npm run bench`: the plenary command path (validate → decide → atomic append → project
 * → fan out) measured against a bare socket.io server doing only ack + broadcast, in the
 * same process, with the same clients. Figures are ratios, so the machine's speed cancels.
 * Starts: a private redis-server on a free port for the Redis rows.
 */
import path from 'node:path';
import { loadConfig } from '../src/config.ts';
import { startServer } from '../src/server.ts';
import { MemoryRoomStore } from '../src/store/MemoryRoomStore.ts';
import { RedisRoomStore } from '../src/store/RedisRoomStore.ts';
import type { RoomStore } from '../src/store/RoomStore.ts';
import { startRedisServer } from '../test/support/redisServer.ts';
import { startBareServer } from './bareServer.ts';
import { bareYjsServer, runDraftBench, type DraftFigures, type DraftTarget } from './drafts.ts';
import { seatingBench } from './seating.ts';
import { connect, run, type Figures } from './workload.ts';

const VIEWERS = Number(process.env.BENCH_VIEWERS ?? 60);
const OPS = Number(process.env.BENCH_OPS ?? 1000);
const WARMUP = 100;

async function bare(): Promise<Figures> {
  const server = await startBareServer();
  const viewers = await Promise.all(Array.from({ length: VIEWERS }, () => connect(server.url, {})));
  const driver = await connect(server.url, {});
  await run(driver, viewers, WARMUP);
  const f = await run(driver, viewers, OPS);
  [driver, ...viewers].forEach((s) => s.close());
  await server.close();
  return f;
}

async function room(store: RoomStore): Promise<Figures> {
  const config = { ...loadConfig({ PORT: '0', HOST: '127.0.0.1' }, { clientDist: path.resolve('client/dist') }), commandRate: { perSecond: 1e6, burst: 1e6 } };
  const server = await startServer(config, store);
  const post = async (p: string, body: unknown): Promise<any> => (await fetch(server.url + p, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json();
  const created = await post('/api/rooms', { title: 'Bench' });
  const tokens: string[] = [];
  for (let i = 0; i <= VIEWERS; i++) tokens.push((await post('/api/join', { joinCode: created.joinCode, name: `P${i}` })).token);
  const viewers = await Promise.all(tokens.slice(1).map((key) => connect(server.url, { roomId: created.roomId, key })));
  const driver = await connect(server.url, { roomId: created.roomId, key: tokens[0] });
  await run(driver, viewers, WARMUP);
  const f = await run(driver, viewers, OPS);
  [driver, ...viewers].forEach((s) => s.close());
  await server.close();
  await store.close();
  return f;
}

// Every y-websocket provider adds a process 'exit' listener; hundreds are expected here.
process.setMaxListeners(0);
const EDITORS = Number(process.env.BENCH_EDITORS ?? 20);
const DRAFT_VIEWERS = Number(process.env.BENCH_DRAFT_VIEWERS ?? 200);
const EDITS = Number(process.env.BENCH_EDITS ?? 300);

/** Our Yjs endpoint on a real server: editors hold the moderator key, viewers the display key. */
async function draftService(store: RoomStore): Promise<DraftTarget> {
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1' }, { clientDist: path.resolve('client/dist') });
  const server = await startServer(config, store);
  const res = await fetch(server.url + '/api/rooms', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'Bench' }) });
  const created = (await res.json()) as { roomId: string; moderatorKey: string; displayKey: string };
  return {
    url: server.url.replace(/^http/, 'ws') + '/yjs',
    roomName: `${created.roomId}/plenary`,
    editorKey: created.moderatorKey,
    viewerKey: created.displayKey,
    close: async () => {
      await server.close();
      await store.close();
    },
  };
}

function draftRow(name: string, f: DraftFigures, base: DraftFigures): string {
  return `${name.padEnd(44)} ${f.p50Ms.toFixed(2).padStart(8)} ${f.p99Ms.toFixed(2).padStart(8)} ${(f.p99Ms / base.p99Ms).toFixed(2).padStart(9)}× ${f.cpuMsPerEdit.toFixed(2).padStart(10)} ${(f.cpuMsPerEdit / base.cpuMsPerEdit).toFixed(2).padStart(9)}×`;
}

function row(name: string, f: Figures, base: Figures): string {
  return `${name.padEnd(44)} ${f.opsPerSec.toFixed(0).padStart(8)} ${f.p50Ms.toFixed(2).padStart(8)} ${f.p99Ms.toFixed(2).padStart(8)} ${(base.opsPerSec / f.opsPerSec).toFixed(2).padStart(10)}×`;
}

async function main(): Promise<void> {
  console.log(`${OPS} sequential commands, each acked and delivered to ${VIEWERS} viewers (after ${WARMUP} warm-up)\n`);
  const redis = await startRedisServer();
  try {
    const base = await bare();
    const memory = await room(new MemoryRoomStore({ roomTtlMs: 3_600_000 }));
    const onRedis = await room(new RedisRoomStore(redis.url, { roomTtlMs: 3_600_000 }));
    console.log(`${'scenario'.padEnd(44)} ${'ops/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'cost vs bare'.padStart(11)}`);
    console.log(row('bare socket.io (ack + broadcast)', base, base));
    console.log(row('room, in-memory store', memory, base));
    console.log(row('room, Redis store (Lua append + pub/sub)', onRedis, base));
    console.log('\ncost vs bare = bare ops/s ÷ scenario ops/s (1.00× = free; lower is better)');
    console.log(`\ndrafts: ${EDITORS} editors typing in turn, ${DRAFT_VIEWERS} viewers, ${EDITS} edits (keystroke → last peer; CPU of the whole process, clients included)`);
    const yBase = await runDraftBench(await bareYjsServer(), EDITORS, DRAFT_VIEWERS, EDITS);
    const yMemory = await runDraftBench(await draftService(new MemoryRoomStore({ roomTtlMs: 3_600_000 })), EDITORS, DRAFT_VIEWERS, EDITS);
    const yRedis = await runDraftBench(await draftService(new RedisRoomStore(redis.url, { roomTtlMs: 3_600_000 })), EDITORS, DRAFT_VIEWERS, EDITS);
    console.log(`${'scenario'.padEnd(44)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'p99 ratio'.padStart(10)} ${'CPU ms/edit'.padStart(10)} ${'CPU ratio'.padStart(10)}`);
    console.log(draftRow('bare y-websocket server', yBase, yBase));
    console.log(draftRow('drafts, in-memory store', yMemory, yBase));
    console.log(draftRow('drafts, Redis store (script append + pub/sub)', yRedis, yBase));
    const seat = seatingBench();
    console.log(`\nseating a G1000 hall (704 people, 81 tables, 3 attributes):`);
    console.log(`  random   ${seat.randomMs.toFixed(1).padStart(7)} ms  imbalance ${seat.randomImbalance.toFixed(0)}`);
    console.log(`  balanced ${seat.balancedMs.toFixed(1).padStart(7)} ms  imbalance ${seat.balancedImbalance.toFixed(0)}  (${(seat.balancedMs / seat.randomMs).toFixed(1)}× random's time, ${(seat.randomImbalance / seat.balancedImbalance).toFixed(1)}× better balanced)`);
  } finally {
    await redis.stop();
  }
  process.exit(0);
}

void main();
