/**
 * Two server nodes on one real Redis serve the same room: one log, one order.
 * Starts: two express + socket.io servers on free ports, sharing the test run's redis-server
 * under one key prefix.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { RedisRoomStore } from '../src/store/RedisRoomStore.ts';
import { startTestServer, type TestServer } from './support/testServer.ts';

describe('two nodes on one Redis', () => {
  let n1: TestServer;
  let n2: TestServer;
  beforeAll(async () => {
    const keyPrefix = `t2:${randomUUID()}:`;
    n1 = await startTestServer('redis', {}, new RedisRoomStore(inject('redisUrl'), { roomTtlMs: 60_000, keyPrefix }));
    n2 = await startTestServer('redis', {}, new RedisRoomStore(inject('redisUrl'), { roomTtlMs: 60_000, keyPrefix }));
  });
  afterAll(async () => {
    await n1.close();
    await n2.close();
  });

  it('commands on either node reach clients on both, in one gapless order', async () => {
    const room = await n1.createRoom();
    const people = await Promise.all(['Ann', 'Bob', 'Cas', 'Dia'].map((n, i) => (i % 2 ? n2 : n1).join(room.joinCode, n)));
    const mod1 = await n1.connect(room.roomId, room.moderatorKey);
    const disp2 = await n2.connect(room.roomId, room.displayKey);
    const clients = await Promise.all(people.map((p, i) => (i % 2 ? n1 : n2).connect(room.roomId, p.token)));
    // Concurrent raises from both nodes: the store's version check orders them.
    const acks = await Promise.all(clients.map((c, i) => c.command({ type: 'hand.raise', kind: i === 3 ? 'point' : 'speak' })));
    expect(acks.every((a) => a.ok)).toBe(true);
    const last = Math.max(...acks.map((a) => (a as { version: number }).version));
    for (const c of [mod1, disp2, ...clients]) await c.waitForVersion(last);
    const queues = [mod1, disp2, ...clients].map((c) => JSON.stringify(c.state!.floor.queue));
    expect(new Set(queues).size).toBe(1);
    expect(mod1.state!.floor.queue[0]!.participantId).toBe(people[3]!.participantId);
    for (const c of [mod1, disp2, ...clients]) {
      expect(c.gaps).toBe(0);
      expect(c.received).toEqual(c.received.map((_, i) => c.received[0]! + i));
    }
    const next = await mod1.command({ type: 'floor.next' });
    await disp2.waitForVersion((next as { version: number }).version);
    expect(disp2.state!.floor.speaker?.participantId).toBe(people[3]!.participantId);
  });

  it('a retry sent to the other node after the first node applied it gets the same ack', async () => {
    const room = await n1.createRoom();
    const p = await n1.join(room.joinCode, 'Ann');
    const on1 = await n1.connect(room.roomId, p.token);
    const on2 = await n2.connect(room.roomId, p.token);
    const cmd = { id: 'cross-node-retry', type: 'hand.raise', kind: 'reply' };
    const first = await on1.raw('command', cmd);
    const again = await on2.raw('command', cmd);
    expect(again).toEqual(first);
    await on2.waitForVersion((first as { version: number }).version);
    expect(on2.rawEvents.filter((e) => e.type === 'hand.raised')).toHaveLength(1);
  });

  it('presence spans nodes: a moderator on one node sees who is connected to the other, and who left', async () => {
    const room = await n1.createRoom();
    const [ann, bob] = await Promise.all(['Ann', 'Bob'].map((n) => n1.join(room.joinCode, n)));
    const mod1 = await n1.connect(room.roomId, room.moderatorKey);
    const annOn2 = await n2.connect(room.roomId, ann!.token);
    await n1.connect(room.roomId, bob!.token);
    await mod1.waitFor(() => [...(mod1.online ?? [])].sort().join() === [ann!.participantId, bob!.participantId].sort().join());
    annOn2.close();
    await mod1.waitFor(() => (mod1.online ?? []).join() === bob!.participantId);
  });
});
