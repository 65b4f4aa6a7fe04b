/**
 * Hostile and malformed socket input against the real server, on both stores: every
 * bad message gets a typed error or is ignored, nothing changes, the server stays up.
 * Starts: express + socket.io on a free port; Redis runs use the test run's redis-server.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EV } from '@dr/shared';
import { STORE_KINDS, startTestServer, type TestServer } from './support/testServer.ts';

describe.each(STORE_KINDS)('malformed input on the %s store', (kind) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(kind, { commandRate: { perSecond: 10_000, burst: 10_000 } });
  });
  afterAll(() => t.close());

  it('malformed commands get `invalid` and leave the room untouched', async () => {
    const room = await t.createRoom();
    const p = await t.join(room.joinCode, 'Ann');
    const pa = await t.connect(room.roomId, p.token);
    const before = JSON.stringify(pa.state);
    const bad: unknown[] = [
      null,
      42,
      'hand.raise',
      [],
      {},
      { type: 'hand.raise' },
      { id: '', type: 'hand.raise' },
      { id: 'x'.repeat(65), type: 'hand.raise' },
      { id: 'a', type: 'hand.raise', kind: 'shout' },
      { id: 'a', type: 'no.such.command' },
      { id: 7, type: 'hand.raise' },
      { id: 'a', type: 'participant.rename', participantId: p.participantId, name: 'x'.repeat(61) },
      { id: 'a', type: 'participant.rename', participantId: p.participantId, name: '' },
      { id: 'a', type: 'queue.move', participantId: p.participantId, index: -1 },
      { id: 'a', type: 'timer.add', ms: 1.5 },
      { id: 'a', type: 'agenda.add', title: 'x', plannedMs: 'soon' },
    ];
    for (const payload of bad) {
      const ack = await pa.raw(EV.command, payload);
      expect(ack).toMatchObject({ ok: false, error: { code: 'invalid' } });
    }
    expect(JSON.stringify(pa.state)).toBe(before);
    // Unknown fields are ignored, not fatal.
    expect(await pa.raw(EV.command, { id: 'ok-1', type: 'hand.raise', kind: 'speak', extra: { deep: true } })).toMatchObject({ ok: true });
  });

  it('generated garbage never changes state nor stops the server (fast-check, 300 runs)', async () => {
    const room = await t.createRoom();
    const p = await t.join(room.joinCode, 'Ann');
    const pa = await t.connect(room.roomId, p.token);
    const disp = await t.connect(room.roomId, room.displayKey);
    const version = pa.version;
    const garbage = fc.oneof(
      fc.anything(),
      fc.record({ id: fc.oneof(fc.string(), fc.integer()), type: fc.constantFrom('hand.raise', 'floor.next', 'queue.move', 'x'), kind: fc.anything(), index: fc.anything(), participantId: fc.anything() }),
    );
    await fc.assert(
      fc.asyncProperty(garbage, async (payload) => {
        const ack = (await disp.raw(EV.command, payload)) as { ok: boolean; error?: { code: string } };
        expect(ack.ok).toBe(false);
        expect(['invalid', 'forbidden']).toContain(ack.error?.code);
      }),
      { numRuns: 300 },
    );
    const res = await fetch(`${t.url}/healthz`);
    expect(res.status).toBe(200);
    expect(pa.version).toBe(version);
  });

  it('10,000 generated malformed commands — wrong types, unknown commands, other rooms\' ids, big fields — change nothing', async () => {
    const room = await t.createRoom();
    const other = await t.createRoom('Other room');
    const stranger = await t.join(other.joinCode, 'Stranger');
    const p = await t.join(room.joinCode, 'Ann');
    const pa = await t.connect(room.roomId, p.token);
    const disp = await t.connect(room.roomId, room.displayKey);
    const version = pa.version;
    const foreignIds = fc.constantFrom(stranger.participantId, other.roomId, 'a_1', '__proto__', 'constructor');
    const payloads = fc.sample(
      fc.oneof(
        fc.anything({ maxDepth: 3 }),
        fc.record({ id: fc.string({ maxLength: 70 }), type: fc.string({ maxLength: 30 }) }),
        fc.record({ id: fc.uuid(), type: fc.constantFrom('hand.lower', 'floor.give', 'queue.move', 'participant.remove', 'table.seat', 'help.answer'), participantId: foreignIds, tableId: foreignIds, index: fc.integer() }),
        fc.record({ id: fc.uuid(), type: fc.constantFrom('agenda.add', 'participant.rename', 'broadcast'), title: fc.string({ minLength: 300, maxLength: 4_000 }), name: fc.string({ minLength: 61, maxLength: 4_000 }), text: fc.string({ minLength: 281, maxLength: 4_000 }), plannedMs: fc.anything() }),
      ),
      { numRuns: 10_000, seed: 11 },
    );
    let refused = 0;
    for (let i = 0; i < payloads.length; i += 500) {
      const acks = (await Promise.all(payloads.slice(i, i + 500).map((m, j) => ((i + j) % 2 ? disp : pa).raw(EV.command, m)))) as { ok: boolean; error?: { code: string } }[];
      refused += acks.filter((a) => !a.ok && ['invalid', 'forbidden', 'not_found'].includes(a.error?.code ?? '')).length;
    }
    expect(refused).toBe(10_000);
    expect(pa.version).toBe(version);
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
  });

  it('events without an ack callback, unknown event names and bad sync requests do not crash', async () => {
    const room = await t.createRoom();
    const mod = await t.connect(room.roomId, room.moderatorKey);
    mod.socket.emit(EV.command, { id: 'no-ack', type: 'agenda.add', title: 'Quietly', plannedMs: 1000 });
    mod.socket.emit('whatever', { a: 1 });
    mod.socket.emit(EV.sync, { since: 'yesterday' });
    expect(await mod.raw(EV.sync, { since: 'yesterday' })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    await mod.waitFor(() => mod.state!.agenda.items.length === 1);
    expect(mod.socket.connected).toBe(true);
  });

  it('a frame over the size limit closes that connection only', async () => {
    const room = await t.createRoom();
    const mod = await t.connect(room.roomId, room.moderatorKey);
    const other = await t.connect(room.roomId, room.displayKey);
    mod.socket.emit(EV.command, { id: 'big', type: 'agenda.add', title: 'x'.repeat(100_000), plannedMs: 1 });
    await mod.waitFor(() => !mod.socket.connected);
    expect(other.socket.connected).toBe(true);
    expect(mod.state!.agenda.items).toHaveLength(0);
  });
});

describe('rate limiting', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer('memory', { commandRate: { perSecond: 5, burst: 10 } });
  });
  afterAll(() => t.close());

  it('a flooding connection is answered `rate_limited` while another stays served', async () => {
    const room = await t.createRoom();
    const flood = await t.connect(room.roomId, room.moderatorKey);
    const calm = await t.connect(room.roomId, room.moderatorKey);
    const acks = await Promise.all(Array.from({ length: 60 }, (_, i) => flood.command({ type: 'agenda.add', title: `Item ${i}`, plannedMs: 1000 })));
    const limited = acks.filter((a) => !a.ok && a.error.code === 'rate_limited').length;
    expect(limited).toBeGreaterThan(0);
    expect(acks.length - limited).toBeLessThan(60);
    expect(await calm.command({ type: 'agenda.add', title: 'Calm', plannedMs: 1000 })).toMatchObject({ ok: true });
  });
});
