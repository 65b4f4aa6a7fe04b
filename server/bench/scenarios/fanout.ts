/**
 * A moderator action fanned out to `size` connected panelists at a steady rate; latency
 * from the scheduled send to the last panelist's arrival, and server CPU per delivery.
 * Baseline: socket.io broadcasting each command to every socket.
 */
import { Deliveries } from '../hdr.ts';
import { LiteSocket } from '../liteSocket.ts';
import { openLoop, until } from '../openLoop.ts';
import { auth, command, connectMany, createRoom, joinMany } from '../room.ts';
import { window, withTarget, type BenchContext, type Measurement, type Variant } from './context.ts';

const RATE = 20;

export function fanout(variant: Variant, ctx: BenchContext, size: number): Promise<Measurement> {
  return withTarget(variant, ctx, 'bare-io', async (target) => {
    let deliveries = new Deliveries();
    // A message may carry several events (the service batches bursts): each is a delivery.
    const on = { events: (_s: LiteSocket, m: { events: Array<{ version: number }> }) => m.events.forEach((e) => deliveries.arrive(e.version)) };
    let moderator: LiteSocket;
    let panelists: LiteSocket[];
    if (variant === 'bare') {
      panelists = await Promise.all(Array.from({ length: size }, () => LiteSocket.connect(target.url, {}, { snapshot: true, on })));
      moderator = await LiteSocket.connect(target.url, {});
    } else {
      const room = await createRoom(target.url);
      const people = await joinMany(target.url, room.joinCode, size);
      panelists = await connectMany(target.url, room.roomId, people.map((p) => p.token), on);
      moderator = await LiteSocket.connect(target.url, auth(room.roomId, room.moderatorKey), { snapshot: true });
    }
    let n = 0;
    const run = async (ms: number) => {
      let refused = 0;
      const sent = await openLoop(RATE, ms, (_i, at) =>
        moderator.emit('command', command('room.update', { title: `Bench ${n++ % 2 ? 'A' : 'B'}` }), (ack) => {
          if (ack?.ok) deliveries.expect(ack.version, at, size);
          else refused++;
        }),
      );
      const complete = await until(() => deliveries.latencies.count + refused >= sent, 15_000);
      return { sent, refused, complete };
    };
    await run(1_000);
    deliveries = new Deliveries();
    const measured = await window(target, ctx);
    const r = await run(ctx.quick ? 3_000 : 10_000);
    const w = await measured();
    [moderator, ...panelists].forEach((s) => s.close());
    const d = deliveries.latencies.summary();
    return {
      figures: {
        'last recipient p50 ms': d.p50,
        'last recipient p99 ms': d.p99,
        'last recipient max ms': d.max,
        'CPU µs/delivery': w.cpuUs / (r.sent * size),
        'incomplete': r.sent - d.count,
        'Redis round trips/action': w.redisCalls / r.sent,
      },
      curves: { [`fan-out to ${size}`]: d },
    };
  });
}
