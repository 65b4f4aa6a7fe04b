/**
 * Breakout tables through real socket.io clients, on both stores: per-table projection
 * (other tables' floors arrive as `hidden`, versions stay gapless), moving people between
 * tables, and deadlines on the real clock.
 * Starts: express + socket.io on a free port; Redis runs use the test run's redis-server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORE_KINDS, startTestServer, type TestServer } from './support/testServer.ts';
import type { TestClient } from './support/TestClient.ts';

const version = (ack: unknown) => (ack as { version: number }).version;

describe.each(STORE_KINDS)('breakout tables on the %s store', (kind) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(kind);
  });
  afterAll(() => t.close());

  /** A room with `n` panelists seated over two tables (manual seating: first half, second half). */
  async function twoTables(n = 4) {
    const room = await t.createRoom();
    const people = [];
    for (let i = 0; i < n; i++) people.push(await t.join(room.joinCode, `P${i}`));
    const mod = await t.connect(room.roomId, room.moderatorKey);
    await mod.command({ type: 'tables.create', count: 2 });
    // The ack follows the events on the same socket, so the tables are already there.
    const [a, b] = mod.state!.tables;
    const ids = people.map((p) => p.participantId);
    const seats = { [a!.id]: ids.slice(0, n / 2), [b!.id]: ids.slice(n / 2) };
    const ack = await mod.command({ type: 'tables.assign', mode: 'manual', seats });
    expect(ack.ok).toBe(true);
    const clients: TestClient[] = [];
    for (const p of people) clients.push(await t.connect(room.roomId, p.token));
    return { room, people, mod, clients, a: a!.id, b: b!.id };
  }

  it('a table floor is hidden from other tables and the display, with versions gapless everywhere', async () => {
    const { room, mod, clients, a, b } = await twoTables();
    const disp = await t.connect(room.roomId, room.displayKey);
    const [atA, , atB] = clients;
    await mod.command({ type: 'breakout.start', durationMs: 600_000 });
    const raised = await atA!.command({ type: 'hand.raise', kind: 'speak', tableId: a });
    expect(raised.ok).toBe(true);
    const v = version(raised);
    for (const c of [mod, disp, ...clients]) await c.waitForVersion(v);
    const seen = (c: TestClient) => c.rawEvents.find((e) => e.version === v);
    expect(seen(mod)!.type).toBe('hand.raised');
    expect(seen(clients[1]!)!.type).toBe('hand.raised');
    expect(seen(atB!)).toEqual({ version: v, type: 'hidden' });
    expect(seen(disp)).toEqual({ version: v, type: 'hidden' });
    expect(atB!.state!.tables.find((x) => x.id === a)!.floor.queue).toEqual([]);
    expect(mod.state!.tables.find((x) => x.id === a)!.floor.queue).toHaveLength(1);
    for (const c of [mod, disp, ...clients]) expect(c.gaps).toBe(0);
    // A panelist cannot act at another table.
    expect(await atB!.command({ type: 'hand.raise', kind: 'speak', tableId: a })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await atB!.command({ type: 'floor.next', tableId: b })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('a facilitator runs their own table only', async () => {
    const { mod, people, clients, a, b } = await twoTables();
    expect((await mod.command({ type: 'table.facilitator', tableId: a, participantId: people[0]!.participantId })).ok).toBe(true);
    await mod.command({ type: 'breakout.start', durationMs: 600_000 });
    await clients[1]!.command({ type: 'hand.raise', kind: 'speak', tableId: a });
    expect(await clients[0]!.command({ type: 'floor.next', tableId: a })).toMatchObject({ ok: true });
    expect(await clients[0]!.command({ type: 'floor.next', tableId: b })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await clients[0]!.command({ type: 'floor.next' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('a facilitator link (a helper, not a member) runs its own table and sees only it', async () => {
    const { room, mod, clients, a, b } = await twoTables();
    const url = (tableId: string) => `${t.url}/api/rooms/${room.roomId}/tables/${tableId}/facilitator-link`;
    expect((await fetch(url(a), { headers: { authorization: `Bearer ${room.displayKey}` } })).status).toBe(403);
    expect((await fetch(url('t_nope'), { headers: { authorization: `Bearer ${room.moderatorKey}` } })).status).toBe(404);
    const link = (await (await fetch(url(a), { headers: { authorization: `Bearer ${room.moderatorKey}` } })).json()) as { key: string; url: string };
    expect(link.url).toBe(`${t.url}/r/${room.roomId}/facilitate#key=${link.key}`);
    const helper = await t.connect(room.roomId, link.key);
    expect(helper.welcome).toMatchObject({ role: 'facilitator', tableId: a, participantId: null });
    await expect(t.connect(room.roomId, `${b}.${link.key.split('.')[1]}`)).rejects.toThrow('unauthorized');
    await mod.command({ type: 'breakout.start', durationMs: 600_000 });
    const atA = await clients[0]!.command({ type: 'hand.raise', kind: 'speak', tableId: a });
    const atB = await clients[2]!.command({ type: 'hand.raise', kind: 'speak', tableId: b });
    await helper.waitForVersion(version(atB));
    expect(helper.rawEvents.find((e) => e.version === version(atA))!.type).toBe('hand.raised');
    expect(helper.rawEvents.find((e) => e.version === version(atB))!.type).toBe('hidden');
    expect(await helper.command({ type: 'floor.next', tableId: a })).toMatchObject({ ok: true });
    expect(await helper.command({ type: 'floor.next', tableId: b })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await helper.command({ type: 'hand.raise', kind: 'speak', tableId: a })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await helper.command({ type: 'breakout.end' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await helper.command({ type: 'help.request', tableId: a })).toMatchObject({ ok: true });
    // A helper sees who is online, to spot a phone that dropped.
    await helper.waitFor(() => helper.online.length === clients.length);
  });

  it('moving someone to another table re-homes their connection with a fresh snapshot', async () => {
    const { mod, people, clients, a, b } = await twoTables();
    await mod.command({ type: 'breakout.start', durationMs: 600_000 });
    await clients[2]!.command({ type: 'hand.raise', kind: 'point', tableId: b });
    const mover = clients[0]!;
    const moved = await mod.command({ type: 'table.seat', participantId: people[0]!.participantId, tableId: b });
    await mover.waitFor(() => (mover.state!.tables.find((x) => x.id === b)?.floor.queue.length ?? 0) === 1);
    expect(mover.state!.tables.find((x) => x.id === b)!.members).toContain(people[0]!.participantId);
    expect(mover.state!.tables.find((x) => x.id === a)!.members).not.toContain(people[0]!.participantId);
    const next = await clients[3]!.command({ type: 'hand.raise', kind: 'speak', tableId: b });
    await mover.waitForVersion(version(next));
    expect(mover.state!.tables.find((x) => x.id === b)!.floor.queue).toHaveLength(2);
    expect(version(moved)).toBeLessThan(version(next));
  });

  it('broadcast reaches every phone; late arrivals are seated at the smallest table', async () => {
    const { room, mod, clients } = await twoTables(3);
    const sent = await mod.command({ type: 'broadcast', text: 'Five minutes left' });
    for (const c of clients) await c.waitForVersion(version(sent));
    for (const c of clients) expect(c.state!.broadcast?.text).toBe('Five minutes left');
    const late = await t.join(room.joinCode, 'Late');
    await mod.waitFor(() => mod.state!.tables.some((x) => x.members.includes(late.participantId)));
    expect(mod.state!.tables.map((x) => x.members.length).sort()).toEqual([2, 2]);
  });

  it('balanced seating that cannot respect languages says why and changes nothing', async () => {
    const { mod, people } = await twoTables(4);
    const tables = mod.state!.tables;
    await mod.command({ type: 'table.update', tableId: tables[0]!.id, languages: ['nl'] });
    await mod.command({ type: 'table.update', tableId: tables[1]!.id, languages: ['nl'] });
    const updates = people.map((p) => ({ participantId: p.participantId, languages: ['fr'] }));
    const v = version(await mod.command({ type: 'participants.profile', updates }));
    const ack = await mod.command({ type: 'tables.assign', mode: 'balanced' });
    expect(ack).toMatchObject({ ok: false, error: { code: 'conflict', reason: 'language_impossible' } });
    expect(mod.version).toBe(v);
  });
});
