/**
 * The plenary floor through real socket.io clients, on both stores: queue order, one
 * log seen identically by every audience, idempotent retries, reconnect + sync.
 * Starts: express + socket.io on a free port; Redis runs use the test run's redis-server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EV } from '@dr/shared';
import { STORE_KINDS, startTestServer, type TestServer } from './support/testServer.ts';
import { TestClient } from './support/TestClient.ts';

describe.each(STORE_KINDS)('plenary floor on the %s store', (kind) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(kind);
  });
  afterAll(() => t.close());

  async function roomWith(names: string[]) {
    const room = await t.createRoom();
    const people = [];
    for (const n of names) people.push(await t.join(room.joinCode, n));
    const mod = await t.connect(room.roomId, room.moderatorKey);
    const clients = [];
    for (const p of people) clients.push(await t.connect(room.roomId, p.token));
    return { room, people, mod, clients };
  }

  it('points of order first, then replies, then hands; every client sees the same gapless log', async () => {
    const { room, people, mod, clients } = await roomWith(['Ann', 'Bob', 'Cas', 'Dia']);
    const disp = await t.connect(room.roomId, room.displayKey);
    const [a, b, c, d] = clients;
    expect((await a!.command({ type: 'hand.raise', kind: 'speak' })).ok).toBe(true);
    expect((await b!.command({ type: 'hand.raise', kind: 'reply' })).ok).toBe(true);
    expect((await c!.command({ type: 'hand.raise', kind: 'point' })).ok).toBe(true);
    const last = await d!.command({ type: 'hand.raise', kind: 'reply' });
    expect(last.ok).toBe(true);
    const v = (last as { version: number }).version;
    for (const cl of [mod, disp, ...clients]) await cl.waitForVersion(v);
    const order = people.map((p) => p.participantId);
    for (const cl of [mod, disp, ...clients]) {
      expect(cl.state!.floor.queue.map((e) => e.participantId)).toEqual([order[2], order[1], order[3], order[0]]);
      expect(cl.gaps).toBe(0);
      const seen = cl.received;
      expect(seen).toEqual(seen.map((_, i) => seen[0]! + i));
    }
    // A second raise by someone queued is a conflict and changes nothing.
    expect(await a!.command({ type: 'hand.raise', kind: 'point' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    // floor.next gives the floor to the head; the display sees the speaker and a running clock.
    const next = await mod.command({ type: 'floor.next' });
    expect(next).toEqual({ ok: true, version: v + 1 });
    await disp.waitForVersion(v + 1);
    expect(disp.state!.floor.speaker).toMatchObject({ participantId: order[2], kind: 'point' });
    expect(disp.state!.floor.speaker!.clock.startedAt).not.toBeNull();
    expect(disp.state!.floor.queue).toHaveLength(3);
  });

  it('works over HTTP long-polling too (networks that block websockets)', async () => {
    const room = await t.createRoom();
    const p = await t.join(room.joinCode, 'Ann');
    const polling = await t.connect(room.roomId, p.token, { polling: true });
    expect(polling.socket.io.engine.transport.name).toBe('polling');
    const ack = await polling.command({ type: 'hand.raise', kind: 'point' });
    expect(ack.ok).toBe(true);
    await polling.waitForVersion((ack as { version: number }).version);
    expect(polling.state!.floor.queue).toHaveLength(1);
    const health = await fetch(`${t.url}/healthz`);
    expect(health.status).toBe(200);
  });

  it('queue.move places an entry and it stays there when new hands arrive', async () => {
    const { people, mod, clients } = await roomWith(['Ann', 'Bob', 'Cas']);
    await clients[0]!.command({ type: 'hand.raise' });
    await clients[1]!.command({ type: 'hand.raise' });
    expect((await mod.command({ type: 'queue.move', participantId: people[1]!.participantId, index: 0 })).ok).toBe(true);
    const r = await clients[2]!.command({ type: 'hand.raise', kind: 'speak' });
    await mod.waitForVersion((r as { version: number }).version);
    expect(mod.state!.floor.queue.map((e) => e.participantId)).toEqual([people[1]!.participantId, people[0]!.participantId, people[2]!.participantId]);
  });

  it('a retried command id applies once and gets the same ack, even after the state moved on', async () => {
    const { mod, clients } = await roomWith(['Ann']);
    const cmd = { id: 'retry-me-1', type: 'hand.raise', kind: 'speak' };
    const first = await clients[0]!.raw(EV.command, cmd);
    const second = await clients[0]!.raw(EV.command, cmd);
    expect(first).toMatchObject({ ok: true });
    expect(second).toEqual(first);
    await mod.command({ type: 'floor.next' });
    expect(await clients[0]!.raw(EV.command, cmd)).toEqual(first);
    const raised = mod.rawEvents.filter((e) => e.type === 'hand.raised');
    expect(raised).toHaveLength(1);
    // The same id from another actor is another command.
    const other = await mod.raw(EV.command, { id: 'retry-me-1', type: 'floor.end' });
    expect(other).toMatchObject({ ok: true });
  });

  it('a rejected command is not recorded: its retry is decided afresh', async () => {
    const { mod, clients } = await roomWith(['Ann']);
    const cmd = { id: 'decide-again', type: 'floor.next' };
    expect(await mod.raw(EV.command, cmd)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await clients[0]!.command({ type: 'hand.raise' });
    expect(await mod.raw(EV.command, cmd)).toMatchObject({ ok: true });
  });

  it('a client that missed events catches up with sync, without gaps', async () => {
    const { room, people, mod, clients } = await roomWith(['Ann', 'Bob']);
    const late = await t.connect(room.roomId, room.displayKey);
    const seenAt = late.version;
    late.close();
    await clients[0]!.command({ type: 'hand.raise' });
    await clients[1]!.command({ type: 'hand.raise', kind: 'reply' });
    const r = await mod.command({ type: 'floor.next' });
    const target = (r as { version: number }).version;
    const back = await TestClient.connect(t.url, room.roomId, room.displayKey);
    expect(back.version).toBe(target);
    const res = await back.sync(seenAt);
    expect(res.ok).toBe(true);
    expect(res.version).toBe(target);
    expect(res.events!.map((e) => e.version)).toEqual(Array.from({ length: target - seenAt }, (_, i) => seenAt + 1 + i));
    expect(back.state!.floor.speaker?.participantId).toBe(people[1]!.participantId);
    const none = await back.sync(target);
    expect(none.events).toEqual([]);
    back.close();
  });

  it('the timer: pause banks time, +30 s extends, reset stops; overtime is never cut', async () => {
    const { mod, clients } = await roomWith(['Ann']);
    await clients[0]!.command({ type: 'hand.raise' });
    await mod.command({ type: 'floor.next' });
    expect((await mod.command({ type: 'timer.pause' })).ok).toBe(true);
    expect(await mod.command({ type: 'timer.pause' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const add = await mod.command({ type: 'timer.add', ms: 30_000 });
    await mod.waitForVersion((add as { version: number }).version);
    expect(mod.state!.floor.speaker!.clock.durationMs).toBe(120_000 + 30_000);
    expect(mod.state!.floor.speaker!.clock.startedAt).toBeNull();
    const start = await mod.command({ type: 'timer.start' });
    await mod.waitForVersion((start as { version: number }).version);
    expect(mod.state!.floor.speaker!.clock.startedAt).not.toBeNull();
    const reset = await mod.command({ type: 'timer.reset' });
    await mod.waitForVersion((reset as { version: number }).version);
    expect(mod.state!.floor.speaker!.clock).toMatchObject({ elapsedMs: 0, startedAt: null });
  });

  it('agenda items set the speaking time of new turns', async () => {
    const { mod, clients } = await roomWith(['Ann']);
    const added = await mod.command({ type: 'agenda.add', title: 'Welcome', plannedMs: 600_000, speakingMs: 60_000 });
    await mod.waitForVersion((added as { version: number }).version);
    const item = mod.state!.agenda.items[0]!;
    await mod.command({ type: 'agenda.start', itemId: item.id });
    await clients[0]!.command({ type: 'hand.raise' });
    const next = await mod.command({ type: 'floor.next' });
    await mod.waitForVersion((next as { version: number }).version);
    expect(mod.state!.floor.speaker!.clock.durationMs).toBe(60_000);
    expect(mod.state!.agenda.activeId).toBe(item.id);
  });
});
