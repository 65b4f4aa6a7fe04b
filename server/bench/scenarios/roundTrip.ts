/**
 * Command round trip: one panelist raises and lowers a hand at a steady rate; latency
 * from the scheduled send to the ack. Baseline: socket.io acking an echo.
 */
import { Latencies } from '../hdr.ts';
import { LiteSocket } from '../liteSocket.ts';
import { openLoop, until } from '../openLoop.ts';
import { auth, command, createRoom, join } from '../room.ts';
import { window, withTarget, type BenchContext, type Measurement, type Variant } from './context.ts';

const RATE = 100;

export function roundTrip(variant: Variant, ctx: BenchContext): Promise<Measurement> {
  return withTarget(variant, ctx, 'bare-io', async (target) => {
    let socket: LiteSocket;
    if (variant === 'bare') socket = await LiteSocket.connect(target.url, {});
    else {
      const room = await createRoom(target.url);
      const me = await join(target.url, room.joinCode, 'Solo');
      socket = await LiteSocket.connect(target.url, auth(room.roomId, me.token), { snapshot: true });
    }
    let n = 0;
    const next = () => (variant === 'bare' ? { id: `e${n}`, type: 'echo' } : command(n++ % 2 ? 'hand.lower' : 'hand.raise'));
    const run = async (ms: number, latencies?: Latencies) => {
      let done = 0;
      let refused = 0;
      const sent = await openLoop(RATE, ms, (_i, at) =>
        socket.emit('command', next(), (ack) => {
          latencies?.record(performance.now() - at);
          if (!ack?.ok) refused++;
          done++;
        }),
      );
      await until(() => done >= sent, 10_000);
      return { sent, done, refused };
    };
    await run(1_000);
    const latencies = new Latencies();
    const measured = await window(target, ctx);
    const r = await run(ctx.quick ? 3_000 : 10_000, latencies);
    const w = await measured();
    socket.close();
    const d = latencies.summary();
    return {
      figures: { 'ack p50 ms': d.p50, 'ack p95 ms': d.p95, 'ack p99 ms': d.p99, 'ack max ms': d.max, 'unanswered': r.sent - r.done, 'refused': r.refused, 'Redis round trips/command': w.redisCalls / r.sent, 'Redis commands/command': w.redisCommands / r.sent },
      curves: { 'round trip': d },
    };
  });
}
