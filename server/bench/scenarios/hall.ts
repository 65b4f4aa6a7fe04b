/**
 * The whole hall on one node: `tables` tables of 8 in a breakout, every panelist on
 * socket.io and on their table's draft; one typist per table at 3 characters a second,
 * each table's queue active (an action every 2 s), the moderator broadcasting every 10 s.
 * Service only: there is no bare equivalent of a room.
 */
import { Deliveries, Latencies } from '../hdr.ts';
import { LiteSocket } from '../liteSocket.ts';
import { LiteYjs } from '../liteYjs.ts';
import { inBatches, openLoop, until } from '../openLoop.ts';
import { auth, command, connectMany, createRoom, joinMany, must } from '../room.ts';
import { window, withTarget, type BenchContext, type Measurement, type Variant } from './context.ts';

const PER_TABLE = 8;
const CHARS_PER_SECOND = 3;
const QUEUE_ACTIONS_PER_TABLE_PER_SECOND = 0.5;
const BROADCAST_EVERY_MS = 10_000;

export function hall(variant: Exclude<Variant, 'bare'>, ctx: BenchContext, tables: number): Promise<Measurement> {
  return withTarget(variant, ctx, 'bare-io', async (target) => {
    const size = tables * PER_TABLE;
    const room = await createRoom(target.url, 'G1000');
    const people = await joinMany(target.url, room.joinCode, size);
    const desk = await LiteSocket.connect(target.url, auth(room.roomId, room.moderatorKey), { snapshot: true });
    await must(desk, 'tables.create', { count: tables });
    await must(desk, 'tables.assign', { mode: 'random' });
    await must(desk, 'breakout.start', { durationMs: 4 * 3_600_000 });
    const moderator = await LiteSocket.connect(target.url, auth(room.roomId, room.moderatorKey), { snapshot: true });
    desk.close();
    const seating = moderator.snapshot.state.tables as Array<{ id: string; members: string[] }>;
    const tokenOf = new Map(people.map((p) => [p.participantId, p.token]));

    let broadcasts = new Deliveries();
    const onEvents = (_s: LiteSocket, m: { events: Array<{ type: string; version: number }> }) => {
      for (const e of m.events) if (e.type === 'broadcast.sent') broadcasts.arrive(e.version);
    };
    const seats = seating.flatMap((t) => t.members.map((id, seat) => ({ table: t.id, seat, token: tokenOf.get(id)! })));
    const sockets = await connectMany(target.url, room.roomId, seats.map((s) => s.token), { events: onEvents });
    const ws = `${target.url.replace(/^http/, 'ws')}/yjs`;
    let edits = new Deliveries();
    const drafts = await inBatches(seats, 32, (s) => LiteYjs.open(ws, `${room.roomId}/tables/${s.table}`, s.token, { writer: s.seat === 0 }));
    drafts.forEach((d) => d.onEdits((keys) => keys.forEach((k) => (!d.doc || !k.startsWith(`${d.doc.clientID}:`)) && edits.arrive(k))));
    const typists = seats.flatMap((s, i) => (s.seat === 0 ? [{ draft: drafts[i]!, peers: seating.find((t) => t.id === s.table)!.members.length - 1 }] : []));
    const byTable = seating.map((t) => seats.flatMap((s, i) => (s.table === t.id ? [{ socket: sockets[i]!, raised: false }] : [])));

    const acks = new Latencies();
    let answered = 0;
    let refused = 0;
    const run = async (ms: number) => {
      const sentBefore = answered;
      let queued = 0;
      const typing = openLoop(typists.length * CHARS_PER_SECOND, ms, (i, at) => {
        const t = typists[i % typists.length]!;
        edits.expect(t.draft.type(String.fromCharCode(97 + (i % 26))), at, t.peers);
      });
      const queue = openLoop(tables * QUEUE_ACTIONS_PER_TABLE_PER_SECOND, ms, (i, at) => {
        const members = byTable[i % tables]!;
        const m = members[Math.floor(i / tables) % members.length]!;
        queued++;
        m.socket.emit('command', command(m.raised ? 'hand.lower' : 'hand.raise', { tableId: seating[i % tables]!.id }), (ack) => {
          acks.record(performance.now() - at);
          if (!ack?.ok) refused++;
          answered++;
        });
        m.raised = !m.raised;
      });
      const broadcast = openLoop(1000 / BROADCAST_EVERY_MS, ms, (i, at) => {
        queued++;
        moderator.emit('command', command('broadcast', { text: `Five minutes left (${i})` }), (ack) => {
          acks.record(performance.now() - at);
          if (ack?.ok) broadcasts.expect(ack.version, at, size);
          else refused++;
          answered++;
        });
      });
      const [typed] = await Promise.all([typing, queue, broadcast]);
      await until(() => answered - sentBefore >= queued && edits.pending === 0, 15_000);
      return typed;
    };
    await run(2_000);
    edits = new Deliveries();
    broadcasts = new Deliveries();
    const ms = ctx.quick ? 8_000 : 60_000;
    const measured = await window(target, ctx);
    const typed = await run(ms);
    const w = await measured();
    const disconnected = sockets.filter((s) => s.dropped || !s.open).length + drafts.filter((d) => d.dropped).length;
    [moderator, ...sockets].forEach((s) => s.close());
    drafts.forEach((d) => d.close());
    const e = edits.latencies.summary();
    const a = acks.summary();
    const b = broadcasts.latencies.summary();
    return {
      figures: {
        'edit → table peers p50 ms': e.p50,
        'edit → table peers p99 ms': e.p99,
        'command ack p50 ms': a.p50,
        'command ack p99 ms': a.p99,
        'broadcast → all p99 ms': b.p99,
        'edits incomplete': typed - e.count,
        'refused': refused,
        'disconnected': disconnected,
        'server CPU % of a core': (w.cpuUs / 1000 / ms) * 100,
        'server RSS MiB': w.rssBytes / 1024 / 1024,
        'connections': sockets.length + drafts.length,
      },
      curves: { [`hall edit → table peers (${size})`]: e, [`hall command ack (${size})`]: a },
    };
  });
}
