/**
 * Queue churn: 60 panelists raising and lowering hands at 20 actions/s. Every panelist
 * checks that the events it receives are in order, with no gap and no repeat; the Redis
 * figures say what one action costs the store.
 */
import { Latencies } from '../hdr.ts';
import type { LiteSocket } from '../liteSocket.ts';
import { openLoop, until } from '../openLoop.ts';
import { connectMany, createRoom, handToggler, joinMany } from '../room.ts';
import { window, withTarget, type BenchContext, type Measurement, type Variant } from './context.ts';

const PANELISTS = 60;
const RATE = 20;

export function queueChurn(variant: Exclude<Variant, 'bare'>, ctx: BenchContext): Promise<Measurement> {
  return withTarget(variant, ctx, 'bare-io', async (target) => {
    const room = await createRoom(target.url);
    const people = await joinMany(target.url, room.joinCode, PANELISTS);
    let outOfOrder = 0;
    let repeats = 0;
    let received = 0;
    const last = new Map<LiteSocket, number>();
    const onEvents = (s: LiteSocket, m: { version: number; events: Array<{ version: number }> }) => {
      const snapshot = s.snapshot?.version ?? -1;
      for (const e of m.events) {
        // A batch held back while the socket got its snapshot may repeat what the snapshot
        // covers (the protocol allows it; clients skip those). Anything else must be next.
        if (e.version <= snapshot && !last.has(s)) {
          repeats++;
          continue;
        }
        const before = last.get(s) ?? snapshot;
        if (e.version !== before + 1) outOfOrder++;
        last.set(s, e.version);
        received++;
      }
    };
    const sockets = await connectMany(target.url, room.roomId, people.map((p) => p.token), { events: onEvents });
    const next = handToggler(sockets);
    const latencies = new Latencies();
    let done = 0;
    let refused = 0;
    const measured = await window(target, ctx);
    const sent = await openLoop(RATE, ctx.quick ? 5_000 : 60_000, (i, at) => {
      const { socket, command } = next(i);
      socket.emit('command', command, (ack) => {
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
      figures: { 'ack p50 ms': d.p50, 'ack p99 ms': d.p99, 'events out of order': outOfOrder, 'events received': received, 'repeats of the snapshot': repeats, 'refused': refused, 'Redis round trips/action': w.redisCalls / sent, 'Redis commands/action': w.redisCommands / sent },
    };
  });
}
