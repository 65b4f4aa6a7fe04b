/**
 * Join storm: `size` panelists arrive within one second; each join is the HTTP join,
 * the socket connect and the snapshot, timed from its scheduled start. Baseline: a bare
 * socket.io server handing out a token and a snapshot; work baseline: one that also tells
 * everyone present and lists everyone in the snapshot (`startBareSocketIoJoin`).
 */
import { Latencies } from '../hdr.ts';
import { LiteSocket } from '../liteSocket.ts';
import { inBatches, openLoop, until } from '../openLoop.ts';
import { auth, createRoom, join, post } from '../room.ts';
import { window, withTarget, type BenchContext, type Measurement, type Variant } from './context.ts';

const WARMUP = 50;

export function joinStorm(variant: Variant, ctx: BenchContext, size: number): Promise<Measurement> {
  return withTarget(variant, ctx, 'bare-io', async (target) => {
    const room = variant === 'bare' || variant === 'bare-work' ? null : await createRoom(target.url);
    const sockets: LiteSocket[] = [];
    let failed = 0;
    const arrive = async (i: number) => {
      const name = `J${i}`;
      const token = room ? (await join(target.url, room.joinCode, name)).token : (await post<{ token: string }>(`${target.url}/api/join`, { name })).token;
      const socket = await LiteSocket.connect(target.url, room ? auth(room.roomId, token) : { token }, { snapshot: true });
      sockets.push(socket);
    };
    await inBatches(Array.from({ length: WARMUP }, (_, i) => i), 8, (i) => arrive(i));
    const latencies = new Latencies();
    const measured = await window(target, ctx);
    const generator = process.cpuUsage();
    let done = 0;
    await openLoop(size, 1_000, (i, at) => {
      arrive(WARMUP + i)
        .then(() => latencies.record(performance.now() - at))
        .catch(() => failed++)
        .finally(() => done++);
    });
    await until(() => done >= size, 30_000);
    const w = await measured();
    const gen = process.cpuUsage(generator);
    sockets.forEach((s) => s.close());
    const d = latencies.summary();
    return {
      figures: { 'join p50 ms': d.p50, 'join p99 ms': d.p99, 'join max ms': d.max, 'failed': failed + (size - done), 'Redis round trips/join': w.redisCalls / size, 'Redis commands/join': w.redisCommands / size, 'server CPU ms/join': w.cpuUs / 1000 / size, 'load generator CPU ms/join': (gen.user + gen.system) / 1000 / size },
      curves: { [`join storm (${size})`]: d },
    };
  }, 'bare-io-join');
}
