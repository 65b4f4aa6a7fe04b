/**
 * Queue churn: 60 panelists raising and lowering hands at 20 actions/s. Every panelist
 * checks that the events it receives are in order, with no gap and no repeat; the Redis
 * figures say what one action costs the store.
 */
import { Latencies } from '../hdr.ts';
import type { LiteSocket } from '../liteSocket.ts';
import { openLoop, until } from '../openLoop.ts';
import { command, connectMany, createRoom, joinMany } from '../room.ts';
import { window, withTarget, type BenchContext, type Measurement, type Variant } from './context.ts';

const PANELISTS = 60;
const RATE = 20;

export function queueChurn(variant: Exclude<Variant, 'bare'>, ctx: BenchContext): Promise<Measurement> {
  return withTarget(variant, ctx, 'bare-io', async (target) => {
    const room = await createRoom(target.url);
    const people = await joinMany(target.url, room.joinCode, PANELISTS);
    let outOfOrder = 0;
    let received = 0;
    const last = new Map<LiteSocket, number>();
    const onEvents = (s: LiteSocket, m: { version: number; events: Array<{ version: number }> }) => {
      for (const e of m.events) {
        const before = last.get(s) ?? s.snapshot?.version ?? -1;
        if (e.version !== before + 1) outOfOrder++;
        last.set(s, e.version);
        received++;
      }
    };
    const sockets = await connectMany(target.url, room.roomId, people.map((p) => p.token), { events: onEvents });
    const raised = new Array<boolean>(PANELISTS).fill(false);
    const latencies = new Latencies();
    let done = 0;
    let refused = 0;
    const measured = await window(target, ctx);
    const sent = await openLoop(RATE, ctx.quick ? 5_000 : 60_000, (i, at) => {
      const who = i % PANELISTS;
      const type = raised[who] ? 'hand.lower' : 'hand.raise';
      raised[who] = !raised[who];
      sockets[who]!.emit('command', command(type), (ack) => {
        latencies.record(performance.now() - at);
        if (!ack?.ok) refused++;
        done++;
      });
    });
    await until(() => done >= sent, 10_000);
    const w = await measured();
    sockets.forEach((s) => s.close());
    const d = latencies.summary();
    return {
      figures: { 'ack p50 ms': d.p50, 'ack p99 ms': d.p99, 'events out of order': outOfOrder, 'events received': received, 'refused': refused, 'Redis round trips/action': w.redisCalls / sent, 'Redis commands/action': w.redisCommands / sent },
    };
  });
}
