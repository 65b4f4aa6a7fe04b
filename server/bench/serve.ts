/**
 * One server under test, in its own process (the parent pins it to a core): the service
 * on the memory or Redis store, or a bare baseline. Reports over IPC its CPU time, RSS
 * and the Redis round trips it made, so figures are the server's alone.
 */
import path from 'node:path';
import { startBareSocketIo, startBareSocketIoJoin, startBareYjs, type Listening } from './bareServers.ts';
import { countRedisCalls } from './redisCalls.ts';

export type TargetKind = 'service' | 'bare-io' | 'bare-io-join' | 'bare-yjs';
export interface TargetSpec {
  kind: TargetKind;
  redisUrl?: string;
}
export interface ServerStats {
  cpuUs: number;
  rssBytes: number;
  /** Live JS heap (after GC when asked): what the process holds, where RSS also counts freed pages it kept. */
  heapBytes: number;
  redisCalls: number;
}
export type ToChild = { type: 'stats'; gc?: boolean; id: number } | { type: 'close' };
export type FromChild = { type: 'ready'; url: string } | { type: 'stats'; id: number; stats: ServerStats } | { type: 'failed'; error: string };

const redisCalls = countRedisCalls();
const send = (m: FromChild) => process.send!(m);

async function start(spec: TargetSpec): Promise<Listening> {
  if (spec.kind === 'bare-io') return startBareSocketIo();
  if (spec.kind === 'bare-io-join') return startBareSocketIoJoin();
  if (spec.kind === 'bare-yjs') return startBareYjs();
  const { loadConfig } = await import('../src/config.ts');
  const { startServer } = await import('../src/server.ts');
  const { createRoomStore } = await import('../src/store/createRoomStore.ts');
  const env = {
    PORT: '0',
    HOST: '127.0.0.1',
    // The benchmark measures cost, not policy: one generator address plays the whole hall.
    COMMAND_RATE: '100000',
    COMMAND_BURST: '100000',
    JOIN_RATE_PER_MINUTE: '1000000',
  };
  const config = loadConfig(env, { clientDist: path.resolve(import.meta.dirname, '../../client/dist') });
  const store = createRoomStore({ redisUrl: spec.redisUrl, roomTtlMs: 3_600_000 });
  const server = await startServer(config, store);
  return {
    url: server.url,
    close: async () => {
      await server.close();
      await store.close();
    },
  };
}

async function gc(): Promise<void> {
  const collect = (globalThis as { gc?: () => void }).gc;
  for (let i = 0; i < 3; i++) {
    collect?.();
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function main(): Promise<void> {
  const spec = JSON.parse(process.argv[2]!) as TargetSpec;
  const server = await start(spec);
  process.on('message', async (m: ToChild) => {
    if (m.type === 'close') {
      await server.close().catch(() => undefined);
      process.exit(0);
    }
    if (m.type === 'stats') {
      if (m.gc) await gc();
      const cpu = process.cpuUsage();
      send({ type: 'stats', id: m.id, stats: { cpuUs: cpu.user + cpu.system, rssBytes: process.memoryUsage.rss(), heapBytes: process.memoryUsage().heapUsed, redisCalls: redisCalls() } });
    }
  });
  send({ type: 'ready', url: server.url });
}

main().catch((err) => {
  send({ type: 'failed', error: String(err?.stack ?? err) });
  process.exit(1);
});
