/**
 * Saturation: 20 panelists send queue actions (each delivered to all of them) at rising
 * steady rates; the figure is the highest rate whose ack p99 stays under 100 ms with
 * every action answered. Baseline: socket.io acking and broadcasting each action.
 */
import { Latencies } from '../hdr.ts';
import { LiteSocket } from '../liteSocket.ts';
import { inBatches, openLoop, sleep, until } from '../openLoop.ts';
import { connectMany, createRoom, handToggler, joinMany } from '../room.ts';
import { withTarget, type BenchContext, type Measurement, type Variant } from './context.ts';

const PANELISTS = 20;
const LIMIT_MS = 100;
const GROWTH = 1.3;

export function saturation(variant: Variant, ctx: BenchContext): Promise<Measurement> {
  return withTarget(variant, ctx, 'bare-io', async (target) => {
    let sockets: LiteSocket[];
    if (variant === 'bare') sockets = await inBatches(Array.from({ length: PANELISTS }), 8, () => LiteSocket.connect(target.url, {}, { snapshot: true }));
    else {
      const room = await createRoom(target.url);
      const people = await joinMany(target.url, room.joinCode, PANELISTS);
      sockets = await connectMany(target.url, room.roomId, people.map((p) => p.token));
    }
    const next = handToggler(sockets);
    const step = async (rate: number, ms: number) => {
      const latencies = new Latencies();
      let done = 0;
      const sent = await openLoop(rate, ms, (i, at) => {
        const { socket, command } = next(i);
        socket.emit('command', command, (ack) => {
          latencies.record(performance.now() - at);
          if (!ack?.ok) refused++;
          done++;
        });
      });
      const answered = await until(() => done >= sent, 5_000);
      return { p99: latencies.summary().p99, ok: answered && refused === 0 && latencies.summary().p99 < LIMIT_MS };
    };
    let refused = 0;
    await step(200, 1_000);
    let best = 0;
    let bestP99 = 0;
    for (let rate = 250; rate < 100_000; rate = Math.round(rate * GROWTH)) {
      // A step that misses is tried once more: one stall of the shared machine is not saturation.
      let r = await step(rate, ctx.quick ? 1_500 : 2_000);
      if (!r.ok) {
        await sleep(500);
        r = await step(rate, ctx.quick ? 1_500 : 2_000);
      }
      if (!r.ok) break;
      best = rate;
      bestP99 = r.p99;
      await sleep(200);
    }
    sockets.forEach((s) => s.close());
    return { figures: { 'max actions/s with p99 < 100 ms': best, 'p99 ms at that rate': bestP99, refused } };
  });
}
