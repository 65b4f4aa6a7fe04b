/**
 * Memory: `size` idle panelists connected; the server's RSS growth per connection,
 * after garbage collection. The service's panelists join over HTTP first (their room
 * state is reported on its own line), then connect: the connection figure is the
 * socket's cost, as the baseline's is.
 */
import { LiteSocket } from '../liteSocket.ts';
import { inBatches, sleep } from '../openLoop.ts';
import { connectMany, createRoom, joinMany } from '../room.ts';
import { withTarget, type BenchContext, type Measurement, type Variant } from './context.ts';

export function memory(variant: Variant, ctx: BenchContext, size: number): Promise<Measurement> {
  return withTarget(variant, ctx, 'bare-io', async (target) => {
    const room = variant === 'bare' ? null : await createRoom(target.url);
    // One connection first, so both servers have loaded their code paths before the first reading.
    const warm = room ? await connectMany(target.url, room.roomId, [room.displayKey]) : [await LiteSocket.connect(target.url, {}, { snapshot: true })];
    await sleep(500);
    const empty = await target.stats({ gc: true });
    const people = room ? await joinMany(target.url, room.joinCode, size) : [];
    const before = room ? await target.stats({ gc: true }) : empty;
    const sockets = room
      ? await connectMany(target.url, room.roomId, people.map((p) => p.token))
      : await inBatches(Array.from({ length: size }), 32, () => LiteSocket.connect(target.url, {}, { snapshot: true }));
    await sleep(1_000);
    const after = await target.stats({ gc: true });
    const open = sockets.filter((s) => s.open).length;
    [...warm, ...sockets].forEach((s) => s.close());
    return {
      figures: {
        'RSS KiB/connection': (after.rssBytes - before.rssBytes) / 1024 / size,
        'heap KiB/connection': (after.heapBytes - before.heapBytes) / 1024 / size,
        'room state heap KiB/participant': (before.heapBytes - empty.heapBytes) / 1024 / size,
        'RSS MiB total': after.rssBytes / 1024 / 1024,
        connected: open,
      },
    };
  });
}
