/**
 * Deadlines on the real clock: a go-round moves on, the breakout warns and ends — each
 * exactly once — even with two nodes racing, and even when no node has the room open.
 * Starts: express + socket.io servers on free ports; the Redis cases share the test run's
 * redis-server under one key prefix per test.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { RedisRoomStore } from '../src/store/RedisRoomStore.ts';
import { STORE_KINDS, startTestServer, type TestServer } from './support/testServer.ts';
import type { TestClient } from './support/TestClient.ts';

const types = (c: TestClient, type: string) => c.rawEvents.filter((e) => e.type === type);

async function seatedRoom(t: TestServer, names: string[]) {
  const room = await t.createRoom();
  const people = [];
  for (const n of names) people.push(await t.join(room.joinCode, n));
  const mod = await t.connect(room.roomId, room.moderatorKey);
  await mod.command({ type: 'tables.create', count: 1 });
  const table = mod.state!.tables[0]!.id;
  await mod.command({ type: 'tables.assign', mode: 'manual', seats: { [table]: people.map((p) => p.participantId) } });
  return { room, people, mod, table };
}

describe.each(STORE_KINDS)('deadlines on the real clock (%s store)', (kind) => {
  it('a go-round moves on, skips the absent, and the breakout warns and returns everyone once each', async () => {
    const t = await startTestServer(kind);
    try {
      const { room, people, mod, table } = await seatedRoom(t, ['Ann', 'Bob', 'Cas']);
      // Ann and Cas are connected; Bob is not, so his turn is skipped as absent.
      const ann = await t.connect(room.roomId, people[0]!.token);
      await t.connect(room.roomId, people[2]!.token);
      await mod.waitFor(() => mod.online.length === 2);
      await mod.command({ type: 'room.update', breakoutWarningMs: 1_500 });
      await mod.command({ type: 'breakout.start', durationMs: 3_500 });
      expect((await mod.command({ type: 'round.start', tableId: table, turnMs: 1_000 })).ok).toBe(true);
      await mod.waitFor(() => mod.state!.breakout === null, 15_000);
      const advanced = mod.rawEvents.filter((e) => e.type === 'round.advanced') as unknown as { to: string | null; skipped: string[]; reason: string }[];
      expect(advanced.map((e) => e.reason)).toEqual(['start', 'time', 'time']);
      expect(advanced.map((e) => e.to)).toEqual([people[0]!.participantId, people[2]!.participantId, null]);
      expect(advanced[1]!.skipped).toEqual([people[1]!.participantId]);
      expect(types(mod, 'breakout.warned')).toHaveLength(1);
      expect(types(mod, 'breakout.ended')).toEqual([expect.objectContaining({ reason: 'time' })]);
      await ann.waitFor(() => ann.state!.breakout === null);
      expect(ann.gaps).toBe(0);
    } finally {
      await t.close();
    }
  });
});

describe('deadlines across nodes on one Redis', () => {
  const sharedStore = (keyPrefix: string) => new RedisRoomStore(inject('redisUrl'), { roomTtlMs: 60_000, keyPrefix });

  it('two nodes with the room open both attempt the end: exactly one breakout.ended', async () => {
    const prefix = `dl:${randomUUID()}:`;
    const n1 = await startTestServer('redis', {}, sharedStore(prefix));
    const n2 = await startTestServer('redis', {}, sharedStore(prefix));
    try {
      const { room, mod } = await seatedRoom(n1, ['Ann', 'Bob']);
      const watcher = await n2.connect(room.roomId, room.displayKey);
      await mod.command({ type: 'breakout.start', durationMs: 1_500 });
      await watcher.waitFor(() => types(watcher, 'breakout.started').length === 1);
      await mod.waitFor(() => mod.state!.breakout === null, 10_000);
      await watcher.waitFor(() => watcher.state!.breakout === null, 10_000);
      const events = await n1.store.readEvents(room.roomId, -1);
      expect(events.filter((e) => e.type === 'breakout.ended')).toHaveLength(1);
      expect(watcher.gaps).toBe(0);
    } finally {
      await n1.close();
      await n2.close();
    }
  });

  it('a breakout ends on time after the node that started it is gone and no node has the room open', async () => {
    const prefix = `dl:${randomUUID()}:`;
    const n1 = await startTestServer('redis', {}, sharedStore(prefix));
    const { room, mod } = await seatedRoom(n1, ['Ann', 'Bob']);
    await mod.command({ type: 'breakout.start', durationMs: 1_500 });
    await n1.close();
    const n2 = await startTestServer('redis', {}, sharedStore(prefix));
    try {
      const started = Date.now();
      let ended = 0;
      while (Date.now() - started < 10_000 && ended === 0) {
        await new Promise((r) => setTimeout(r, 200));
        ended = (await n2.store.readEvents(room.roomId, -1)).filter((e) => e.type === 'breakout.ended').length;
      }
      expect(ended).toBe(1);
    } finally {
      await n2.close();
    }
  });
});
