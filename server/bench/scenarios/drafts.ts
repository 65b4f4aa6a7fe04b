/**
 * Drafts: 20 editors typing 5 characters a second each into one document while 200
 * viewers read it; latency from each keystroke's scheduled time to the last peer that
 * received it, and the server's CPU per edit. Baseline: the bare y-websocket server.
 */
import { Deliveries } from '../hdr.ts';
import { LiteYjs } from '../liteYjs.ts';
import { inBatches, openLoop, until } from '../openLoop.ts';
import { createRoom } from '../room.ts';
import { window, withTarget, type BenchContext, type Measurement, type Variant } from './context.ts';

const EDITORS = 20;
const VIEWERS = 200;
const CHARS_PER_SECOND = 5;

export function drafts(variant: Variant, ctx: BenchContext): Promise<Measurement> {
  return withTarget(variant, ctx, 'bare-yjs', async (target) => {
    const ws = target.url.replace(/^http/, 'ws');
    let base: string;
    let name: string;
    let editorKey: string | undefined;
    let viewerKey: string | undefined;
    if (variant === 'bare') {
      base = ws;
      name = 'bench';
    } else {
      const room = await createRoom(target.url);
      base = `${ws}/yjs`;
      name = `${room.roomId}/plenary`;
      editorKey = room.moderatorKey;
      viewerKey = room.displayKey;
    }
    let deliveries = new Deliveries();
    const writers = await inBatches(Array.from({ length: EDITORS }), 8, () => LiteYjs.open(base, name, editorKey, { writer: true }));
    const viewers = await inBatches(Array.from({ length: VIEWERS }), 16, () => LiteYjs.open(base, name, viewerKey));
    for (const w of writers) {
      // Some servers echo an update to its sender; only the other peers count.
      const mine = `${w.doc!.clientID}:`;
      w.onEdits((keys) => keys.forEach((k) => !k.startsWith(mine) && deliveries.arrive(k)));
    }
    for (const v of viewers) v.onEdits((keys) => keys.forEach((k) => deliveries.arrive(k)));
    const peers = EDITORS - 1 + VIEWERS;
    const run = async (ms: number) => {
      const sent = await openLoop(EDITORS * CHARS_PER_SECOND, ms, (i, at) => {
        const key = writers[i % EDITORS]!.type(String.fromCharCode(97 + (i % 26)));
        deliveries.expect(key, at, peers);
      });
      await until(() => deliveries.latencies.count >= sent, 15_000);
      return sent;
    };
    await run(1_000);
    deliveries = new Deliveries();
    const measured = await window(target, ctx);
    const sent = await run(ctx.quick ? 4_000 : 20_000);
    const w = await measured();
    const dropped = [...writers, ...viewers].filter((c) => c.dropped).length;
    [...writers, ...viewers].forEach((c) => c.close());
    const d = deliveries.latencies.summary();
    return {
      figures: { 'edit → all peers p50 ms': d.p50, 'edit → all peers p99 ms': d.p99, 'edit → all peers max ms': d.max, 'CPU µs/edit': w.cpuUs / sent, 'incomplete': sent - d.count, 'dropped': dropped, 'Redis round trips/edit': w.redisCalls / sent },
      curves: { 'drafts edit → all peers': d },
    };
  });
}
