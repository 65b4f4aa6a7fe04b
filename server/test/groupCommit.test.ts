/**
 * Group commit: commands that reach a room while its previous append is in flight are
 * decided in turn and appended together. Real socket.io clients on both stores; the store
 * is the real one, wrapped only to count the append calls the room makes.
 * Starts: express + socket.io on a free port; Redis runs use the test run's redis-server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandAck, RoomState } from '@dr/shared';
import type { RoomStore } from '../src/store/RoomStore.ts';
import { STORE_KINDS, makeStore, startTestServer, type TestServer } from './support/testServer.ts';
import type { TestClient } from './support/TestClient.ts';

const PANELISTS = 30;

/**
 * The real store, counting the append calls made through it (one storage round trip each)
 * and able to hold appends back, as a slow storage would: commands then queue up behind
 * the one in flight whatever the machine's speed.
 */
function counting(store: RoomStore) {
  let calls = 0;
  let gate: Promise<void> | null = null;
  let open = () => undefined as void;
  const wrapped = new Proxy(store, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target) as unknown;
      if (typeof value !== 'function') return value;
      if (prop === 'append' || prop === 'appendBatch') {
        return async (...args: unknown[]) => {
          calls++;
          if (gate) await gate;
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      return (value as (...a: unknown[]) => unknown).bind(target);
    },
  });
  return {
    store: wrapped,
    appends: () => calls,
    hold: () => (gate = new Promise<void>((r) => (open = r))),
    release: () => {
      gate = null;
      open();
    },
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const until = async (done: () => boolean) => {
  for (let i = 0; i < 500 && !done(); i++) await sleep(10);
  expect(done()).toBe(true);
};

const queueOf = (state: RoomState | null) => state!.floor.queue.map((e) => e.participantId);

describe.each(STORE_KINDS)('group commit on the %s store', (kind) => {
  let t: TestServer;
  let c: ReturnType<typeof counting>;
  beforeAll(async () => {
    c = counting(makeStore(kind));
    t = await startTestServer(kind, {}, c.store);
  });
  afterAll(() => t.close());

  async function hall() {
    const room = await t.createRoom();
    const people = [];
    for (let i = 0; i < PANELISTS; i++) people.push(await t.join(room.joinCode, `P${i}`));
    const clients: TestClient[] = [];
    for (const p of people) clients.push(await t.connect(room.roomId, p.token));
    const mod = await t.connect(room.roomId, room.moderatorKey);
    return { people, clients, mod };
  }

  it('commands sent together are each acked with their own version, applied once, in fewer store calls', async () => {
    const { people, clients, mod } = await hall();
    const before = c.appends();
    c.hold();
    const firstAck = clients[0]!.command({ type: 'hand.raise', kind: 'speak' });
    await until(() => c.appends() === before + 1);
    // The other 29 arrive while the first append is held: they wait for it, as a group.
    const rest = clients.slice(1).map((cl) => cl.command({ type: 'hand.raise', kind: 'speak' }));
    await sleep(500);
    c.release();
    const acks = await Promise.all([firstAck, ...rest]);
    const calls = c.appends() - before;
    expect(acks.every((a) => a.ok)).toBe(true);
    const versions = acks.map((a) => (a as Extract<CommandAck, { ok: true }>).version).sort((x, y) => x - y);
    // One event per raise: the acks name consecutive versions, each once.
    expect(versions).toEqual(versions.map((_, i) => versions[0]! + i));
    expect(calls).toBeGreaterThanOrEqual(2);
    expect(calls).toBeLessThan(PANELISTS / 2);
    const last = versions[versions.length - 1]!;
    for (const c of [mod, ...clients]) await c.waitForVersion(last);
    // Everyone holds the same queue, in the order of the versions the acks named.
    const byVersion = new Map(acks.map((a, i) => [(a as { version: number }).version, people[i]!.participantId]));
    const expected = versions.map((v) => byVersion.get(v));
    for (const c of [mod, ...clients]) expect(queueOf(c.state)).toEqual(expected);
    for (const c of [mod, ...clients]) expect(c.gaps).toBe(0);
  });

  it('a retry that lands in a group with new commands gets its original ack, and the new ones apply once', async () => {
    const { clients, mod } = await hall();
    const [first, ...others] = clients;
    const original = await first!.command({ id: 'once', type: 'hand.raise', kind: 'speak' });
    expect(original.ok).toBe(true);
    const before = c.appends();
    c.hold();
    const blocker = mod.command({ type: 'room.update', title: 'Held' });
    await until(() => c.appends() === before + 1);
    const pending = Promise.all([
      first!.command({ id: 'once', type: 'hand.raise', kind: 'speak' }),
      ...others.map((cl, i) => cl.command({ id: `fresh-${i}`, type: 'hand.raise', kind: 'speak' })),
    ]);
    await sleep(500);
    c.release();
    expect((await blocker).ok).toBe(true);
    const [retry, ...fresh] = await pending;
    expect(retry).toEqual(original);
    expect(fresh.every((a) => a.ok)).toBe(true);
    const last = Math.max(...fresh.map((a) => (a as { version: number }).version));
    await mod.waitForVersion(last);
    expect(queueOf(mod.state)).toHaveLength(PANELISTS);
    expect(new Set(queueOf(mod.state)).size).toBe(PANELISTS);
  });

  it('a command refused inside a group changes nothing and the others still apply', async () => {
    const { clients, mod } = await hall();
    const [a, b] = clients;
    const before = c.appends();
    c.hold();
    const blocker = mod.command({ type: 'room.update', title: 'Held' });
    await until(() => c.appends() === before + 1);
    // Lowering a hand that is not raised is refused; it rides in the same group as raises.
    const pending = Promise.all([a!.command({ type: 'hand.lower' }), b!.command({ type: 'hand.raise', kind: 'speak' }), ...clients.slice(2).map((cl) => cl.command({ type: 'hand.raise', kind: 'speak' }))]);
    await sleep(500);
    c.release();
    expect((await blocker).ok).toBe(true);
    const [refused, ...raised] = await pending;
    expect(refused.ok).toBe(false);
    expect(raised.every((r) => r.ok)).toBe(true);
    const last = Math.max(...raised.map((r) => (r as { version: number }).version));
    await mod.waitForVersion(last);
    expect(queueOf(mod.state)).toHaveLength(PANELISTS - 1);
    expect(mod.version).toBe(last);
    // Two store calls: the held one, then everything that queued behind it.
    expect(c.appends() - before).toBe(2);
  });
});
