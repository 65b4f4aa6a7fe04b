/**
 * Co-written drafts through the standard y-websocket client against the real server, on
 * both stores: sync, access, durability across restarts and nodes, limits, awareness.
 * Starts: express + socket.io + the Yjs endpoint on free ports; Redis runs use the test
 * run's redis-server.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { DRAFT_CLOSE } from '@dr/shared';
import { MemoryRoomDatabase } from '../src/store/MemoryRoomDatabase.ts';
import { MemoryRoomStore } from '../src/store/MemoryRoomStore.ts';
import { RedisRoomStore } from '../src/store/RedisRoomStore.ts';
import type { RoomStore } from '../src/store/RoomStore.ts';
import { eventually, openDraft, rawDraftSocket, type DraftClient } from './support/DraftClient.ts';
import { STORE_KINDS, startTestServer, type StoreKind, type TestServer } from './support/testServer.ts';

const PLENARY = { kind: 'plenary' } as const;
const table = (tableId: string) => ({ kind: 'table', tableId }) as const;

/** A y-websocket sync message carrying `update` (message type 0, step 2 = update). */
function updateMessage(update: Uint8Array, step = 2): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, step);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}

/** An update that inserts `text` at the start of the `text` field of a fresh document. */
function textUpdate(text: string): Uint8Array {
  const d = new Y.Doc();
  d.getText('text').insert(0, text);
  return Y.encodeStateAsUpdate(d);
}

/** What the store holds for a draft, as text. */
async function storedText(t: TestServer, roomId: string, name: string): Promise<string> {
  const stored = await t.store.docs.load(roomId, name);
  const d = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(d, stored.snapshot);
  for (const u of stored.updates) Y.applyUpdate(d, u);
  return d.getText('text').toString();
}

describe.each(STORE_KINDS)('drafts on the %s store', (kind: StoreKind) => {
  let t: TestServer;
  const open: DraftClient[] = [];
  const draft = (...args: Parameters<typeof openDraft>) => {
    const c = openDraft(...args);
    open.push(c);
    return c;
  };
  beforeAll(async () => {
    t = await startTestServer(kind);
  });
  afterEach(() => open.splice(0).forEach((c) => c.close()));
  afterAll(() => t.close());

  /** Four panelists: p0, p1 at table a; p2, p3 at table b; p0 facilitates a. */
  async function hall(server = t) {
    const room = await server.createRoom();
    const people = [];
    for (let i = 0; i < 4; i++) people.push(await server.join(room.joinCode, `P${i}`));
    const mod = await server.connect(room.roomId, room.moderatorKey);
    await mod.command({ type: 'tables.create', count: 2 });
    const [a, b] = mod.state!.tables.map((x) => x.id) as [string, string];
    const ids = people.map((p) => p.participantId);
    expect((await mod.command({ type: 'tables.assign', mode: 'manual', seats: { [a]: ids.slice(0, 2), [b]: ids.slice(2) } })).ok).toBe(true);
    expect((await mod.command({ type: 'table.facilitator', tableId: a, participantId: ids[0] })).ok).toBe(true);
    return { room, people, mod, a, b };
  }

  it('two writers at one table converge, and a late joiner gets the whole document', async () => {
    const { room, people, a } = await hall();
    const one = draft(t.url, room.roomId, table(a), people[0]!.token);
    const two = draft(t.url, room.roomId, table(a), people[1]!.token);
    await Promise.all([one.synced(), two.synced()]);
    one.text.insert(0, 'We recommend ');
    two.text.insert(0, 'Both: ');
    await eventually('convergence', () => one.text.toString() === two.text.toString() && one.text.length === 19);
    const late = draft(t.url, room.roomId, table(a), room.moderatorKey);
    await late.synced();
    await eventually('late joiner', () => late.text.toString() === one.text.toString());
    expect(await storedText(t, room.roomId, `tables/${a}`)).toBe(one.text.toString());
  });

  it('a reader cannot change the document: its update is dropped, it is told, and it keeps receiving', async () => {
    const { room, people, a } = await hall();
    const writer = draft(t.url, room.roomId, table(a), people[0]!.token);
    const otherTable = draft(t.url, room.roomId, table(a), people[2]!.token);
    const display = draft(t.url, room.roomId, PLENARY, room.displayKey);
    await Promise.all([writer.synced(), otherTable.synced(), display.synced()]);
    writer.text.insert(0, 'ours');
    await eventually('reader receives', () => otherTable.text.toString() === 'ours');
    otherTable.text.insert(0, 'intruder ');
    await eventually('permission denied', () => otherTable.denied.includes('read-only'));
    writer.text.insert(4, '!');
    await eventually('reader still receives', () => otherTable.text.toString().endsWith('ours!'));
    expect(writer.text.toString()).toBe('ours!');
    expect(await storedText(t, room.roomId, `tables/${a}`)).toBe('ours!');
    // The projector reads the plenary and cannot write it either.
    display.text.insert(0, 'x');
    await eventually('display denied', () => display.denied.includes('read-only'));
    expect(await storedText(t, room.roomId, 'plenary')).toBe('');
  });

  it('moderators and table facilitators write the plenary; other panelists only read it', async () => {
    const { room, people } = await hall();
    const mod = draft(t.url, room.roomId, PLENARY, room.moderatorKey);
    const facilitator = draft(t.url, room.roomId, PLENARY, people[0]!.token);
    const panelist = draft(t.url, room.roomId, PLENARY, people[1]!.token);
    await Promise.all([mod.synced(), facilitator.synced(), panelist.synced()]);
    mod.text.insert(0, 'A');
    facilitator.text.insert(0, 'B');
    panelist.text.insert(0, 'C');
    await eventually('denied', () => panelist.denied.length > 0);
    await eventually('two writes', () => mod.text.length === 2 && facilitator.text.length === 2);
    let stored = '';
    for (const end = Date.now() + 10_000; (stored = await storedText(t, room.roomId, 'plenary')).length < 2 && Date.now() < end; ) await new Promise((r) => setTimeout(r, 30));
    expect([...stored].sort().join('')).toBe('AB');
  });

  it('a panelist moved to another table loses write access to the old draft at once', async () => {
    const { room, people, mod, a, b } = await hall();
    const moved = draft(t.url, room.roomId, table(a), people[1]!.token);
    await moved.synced();
    moved.text.insert(0, 'before ');
    await waitStored(t, room.roomId, `tables/${a}`, 'before ');
    expect((await mod.command({ type: 'table.seat', participantId: people[1]!.participantId, tableId: b })).ok).toBe(true);
    moved.text.insert(0, 'after ');
    await eventually('denied after the move', () => moved.denied.includes('read-only'));
    expect(await storedText(t, room.roomId, `tables/${a}`)).toBe('before ');
  });

  it.each([
    { label: 'no key', path: (r: string) => `${r}/plenary`, code: DRAFT_CLOSE.bad_key },
    { label: 'a wrong key', path: (r: string) => `${r}/plenary?key=${'x'.repeat(43)}`, code: DRAFT_CLOSE.bad_key },
    { label: 'an unknown room', path: () => `r_doesnotexist/plenary?key=${'x'.repeat(43)}`, code: DRAFT_CLOSE.bad_key },
    { label: 'an unknown table', path: (r: string, k: string) => `${r}/tables/t_nope?key=${k}`, code: DRAFT_CLOSE.unknown_document },
    { label: 'a name that is no draft', path: (r: string, k: string) => `${r}/minutes?key=${k}`, code: DRAFT_CLOSE.unknown_document },
  ])('refuses $label with close code $code before sending any document data', async ({ path, code }) => {
    const { room } = await hall();
    const socket = rawDraftSocket(t.url, path(room.roomId, room.moderatorKey));
    const closed = await socket.closed;
    expect(closed.code).toBe(code);
    expect(socket.messages).toEqual([]);
  });

  it('refuses a websocket from a page of another origin before the upgrade', async () => {
    const { room } = await hall();
    const socket = rawDraftSocket(t.url, `${room.roomId}/plenary?key=${room.moderatorKey}`, { origin: 'http://evil.test' });
    await expect(socket.opened).rejects.toThrow('HTTP 403');
    const same = rawDraftSocket(t.url, `${room.roomId}/plenary?key=${room.moderatorKey}`, { origin: t.url });
    await same.opened;
    same.ws.close();
  });

  it("refuses another room's draft with this room's key, and a removed panelist", async () => {
    const { room, people, mod } = await hall();
    const other = await hall();
    const cross = rawDraftSocket(t.url, `${other.room.roomId}/plenary?key=${room.moderatorKey}`);
    expect((await cross.closed).code).toBe(DRAFT_CLOSE.bad_key);
    expect(cross.messages).toEqual([]);
    expect((await mod.command({ type: 'participant.revoke', participantId: people[3]!.participantId })).ok).toBe(true);
    const revoked = rawDraftSocket(t.url, `${room.roomId}/plenary?key=${people[3]!.token}`);
    expect((await revoked.closed).code).toBe(DRAFT_CLOSE.bad_key);
  });

  it('closes a revoked panelist’s draft connection (4403) and every connection of a deleted room (4410)', async () => {
    const { room, people, mod, a } = await hall();
    const revoked = draft(t.url, room.roomId, table(a), people[1]!.token);
    const display = draft(t.url, room.roomId, PLENARY, room.displayKey);
    await Promise.all([revoked.synced(), display.synced()]);
    expect((await mod.command({ type: 'participant.revoke', participantId: people[1]!.participantId })).ok).toBe(true);
    await eventually('revoked closed', () => revoked.closes.includes(DRAFT_CLOSE.forbidden));
    const res = await fetch(`${t.url}/api/rooms/${room.roomId}`, { method: 'DELETE', headers: { authorization: `Bearer ${room.moderatorKey}` } });
    expect(res.status).toBe(204);
    await eventually('display closed', () => display.closes.includes(DRAFT_CLOSE.room_deleted));
    // Final codes: the standard client stops reconnecting.
    expect(display.provider.shouldConnect).toBe(false);
  });

  it('closes on malformed, oversized and flooding input, and the stored document stays valid', async () => {
    const { room, people, a } = await hall();
    const good = draft(t.url, room.roomId, table(a), people[0]!.token);
    await good.synced();
    good.text.insert(0, 'kept');
    await waitStored(t, room.roomId, `tables/${a}`, 'kept');
    const path = `${room.roomId}/tables/${a}?key=${people[1]!.token}`;
    const probes = [
      { bytes: Uint8Array.of(7, 1, 2), code: DRAFT_CLOSE.malformed },
      { bytes: updateMessage(textUpdate('truncated').slice(0, 9)), code: DRAFT_CLOSE.malformed },
      { bytes: updateMessage(Uint8Array.of(200, 1, 2, 3, 4)), code: DRAFT_CLOSE.malformed },
      { bytes: updateMessage(textUpdate('x'), 9), code: DRAFT_CLOSE.malformed },
      { bytes: new Uint8Array(t.config.drafts.maxMessageBytes + 10), code: DRAFT_CLOSE.too_large },
    ];
    for (const { bytes, code } of probes) {
      const s = rawDraftSocket(t.url, path);
      await s.opened;
      s.ws.send(bytes);
      expect((await s.closed).code).toBe(code);
    }
    const flood = rawDraftSocket(t.url, path);
    await flood.opened;
    for (let i = 0; i < t.config.drafts.messageBurst + 50; i++) flood.ws.send(Uint8Array.of(3));
    expect((await flood.closed).code).toBe(DRAFT_CLOSE.flood);
    await eventually('text stored', () => good.text.toString() === 'kept');
    expect(await storedText(t, room.roomId, `tables/${a}`)).toBe('kept');
    // The server is still up and serving the draft.
    const after = draft(t.url, room.roomId, table(a), room.moderatorKey);
    await after.synced();
    expect(after.text.toString()).toBe('kept');
  });

  it('shares cursors among writers; readers are not broadcast', async () => {
    const { room, people, a } = await hall();
    const one = draft(t.url, room.roomId, table(a), people[0]!.token);
    const two = draft(t.url, room.roomId, table(a), people[1]!.token);
    const reader = draft(t.url, room.roomId, table(a), people[2]!.token);
    await Promise.all([one.synced(), two.synced(), reader.synced()]);
    reader.provider.awareness.setLocalStateField('user', { name: 'Reader' });
    one.provider.awareness.setLocalStateField('user', { name: 'One', color: '#c00' });
    const names = (c: DraftClient) => [...c.provider.awareness.getStates().values()].map((s) => (s as { user?: { name: string } }).user?.name).filter(Boolean);
    await eventually('cursor shared', () => names(two).includes('One') && names(reader).includes('One'));
    await new Promise((r) => setTimeout(r, 200));
    expect(names(two)).not.toContain('Reader');
    expect(names(one)).not.toContain('Reader');
    one.close();
    await eventually('cursor removed when its writer leaves', () => !names(two).includes('One'));
  });

  it('survives a restart: the document loads from the store and clients re-sync both ways', async () => {
    const handles = sharedStore(kind);
    const first = await startTestServer(kind, {}, handles.open());
    const { room, people, a } = await hall(first);
    const c = draft(first.url, room.roomId, table(a), people[0]!.token);
    await c.synced();
    c.text.insert(0, 'typed before the restart');
    await eventually('persisted', () => c.provider.synced);
    await waitStored(first, room.roomId, `tables/${a}`, 'typed before the restart');
    // The client keeps its copy while the server is gone and edits offline.
    await first.server.close();
    await new Promise<void>((r) => first.server.httpServer.close(() => r()));
    c.text.insert(c.text.length, ', offline edit');
    const second = await startTestServer(kind, { port: first.server.port }, handles.open());
    try {
      await eventually('reconnected', () => c.provider.wsconnected, 15_000);
      const fresh = draft(second.url, room.roomId, table(a), people[1]!.token);
      await fresh.synced();
      await eventually('both ways', () => fresh.text.toString() === 'typed before the restart, offline edit');
      await waitStored(second, room.roomId, `tables/${a}`, 'typed before the restart, offline edit');
    } finally {
      await second.close();
      await first.store.close();
    }
  });

  it('two nodes on one store serve the same draft: an edit on one reaches a client on the other, in order, once', async () => {
    const handles = sharedStore(kind);
    const one = await startTestServer(kind, {}, handles.open());
    const two = await startTestServer(kind, {}, handles.open());
    try {
      const { room, people, a } = await hall(one);
      const atOne = draft(one.url, room.roomId, table(a), people[0]!.token);
      const atTwo = draft(two.url, room.roomId, table(a), people[1]!.token);
      await Promise.all([atOne.synced(), atTwo.synced()]);
      const received: string[] = [];
      atTwo.text.observe((e) => received.push(e.changes.delta.map((d) => String(d.insert ?? '')).join('')));
      for (const word of ['one ', 'two ', 'three ']) atOne.text.insert(atOne.text.length, word);
      await eventually('node two', () => atTwo.text.toString() === 'one two three ');
      expect(received.join('')).toBe('one two three ');
      atTwo.text.insert(0, '> ');
      await eventually('node one', () => atOne.text.toString() === '> one two three ');
    } finally {
      await one.close();
      await two.close();
    }
  });
});

/** Handles on one set of data, as restarted or additional nodes have on one Redis. */
function sharedStore(kind: StoreKind): { open(): RoomStore } {
  if (kind === 'memory') {
    const database = new MemoryRoomDatabase();
    return { open: () => new MemoryRoomStore({ roomTtlMs: 60_000, database }) };
  }
  const keyPrefix = `t:${randomUUID()}:`;
  return { open: () => new RedisRoomStore(inject('redisUrl'), { roomTtlMs: 60_000, keyPrefix }) };
}

async function waitStored(t: TestServer, roomId: string, name: string, expected: string): Promise<void> {
  const end = Date.now() + 10_000;
  while ((await storedText(t, roomId, name)) !== expected) {
    if (Date.now() > end) throw new Error(`stored text is "${await storedText(t, roomId, name)}", expected "${expected}"`);
    await new Promise((r) => setTimeout(r, 30));
  }
}
