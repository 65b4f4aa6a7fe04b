/**
 * Drafts under churn, through the standard y-websocket client: random edits with random
 * disconnects converge without losing a word; compaction under concurrent writers; the
 * size limit; named versions over HTTP. Both stores.
 * Starts: express + socket.io + the Yjs endpoint on free ports; Redis runs use the test
 * run's redis-server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DEFAULT_DRAFT_LIMITS } from '../src/drafts/draftServer.ts';
import { eventually, openDraft, type DraftClient } from './support/DraftClient.ts';
import { STORE_KINDS, startTestServer, type TestServer } from './support/testServer.ts';

/** A deterministic PRNG, so a failing run can be replayed from its seed. */
function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

const TOKEN = /\[[a-z0-9-]+\]/g;
const tokens = (text: string) => text.match(TOKEN) ?? [];

describe.each(STORE_KINDS)('drafts under churn on the %s store', (kind) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(kind, { drafts: { ...DEFAULT_DRAFT_LIMITS, compactAfterUpdates: 25 } });
  });
  afterAll(() => t.close());

  async function tableDraftRoom(people: number) {
    const room = await t.createRoom();
    const joined = [];
    for (let i = 0; i < people; i++) joined.push(await t.join(room.joinCode, `W${i}`));
    const mod = await t.connect(room.roomId, room.moderatorKey);
    await mod.command({ type: 'tables.create', count: 1 });
    const tableId = mod.state!.tables[0]!.id;
    await mod.command({ type: 'tables.assign', mode: 'manual', seats: { [tableId]: joined.map((p) => p.participantId) } });
    return { room, joined, tableId };
  }

  it('random edits with random disconnects converge, and every word survives unless someone deleted it', async () => {
    const seed = 20261125;
    const random = rng(seed);
    const { room, joined, tableId } = await tableDraftRoom(4);
    const clients: DraftClient[] = joined.map((p) => openDraft(t.url, room.roomId, { kind: 'table', tableId }, p.token));
    try {
      await Promise.all(clients.map((c) => c.synced()));
      const inserted = new Set<string>();
      const deleted = new Set<string>();
      for (let step = 0; step < 160; step++) {
        const i = Math.floor(random() * clients.length);
        const c = clients[i]!;
        const roll = random();
        if (roll < 0.08) {
          if (c.provider.shouldConnect) c.provider.disconnect();
          else c.provider.connect();
        } else if (roll < 0.25) {
          const present = tokens(c.text.toString());
          const victim = present[Math.floor(random() * present.length)];
          if (victim) {
            c.text.delete(c.text.toString().indexOf(victim), victim.length);
            deleted.add(victim);
          }
        } else {
          const token = `[c${i}-${step}]`;
          const boundaries = [0, ...tokens(c.text.toString()).map((_, k, all) => all.slice(0, k + 1).join('').length)];
          c.text.insert(boundaries[Math.floor(random() * boundaries.length)]!, token);
          inserted.add(token);
        }
        if (random() < 0.3) await new Promise((r) => setTimeout(r, Math.floor(random() * 15)));
      }
      for (const c of clients) if (!c.provider.shouldConnect) c.provider.connect();
      const expected = [...inserted].filter((x) => !deleted.has(x)).sort();
      await eventually(
        `convergence (seed ${seed})`,
        () => clients.every((c) => c.text.toString() === clients[0]!.text.toString()) && tokens(clients[0]!.text.toString()).length === expected.length,
        20_000,
      );
      expect(tokens(clients[0]!.text.toString()).sort()).toEqual(expected);
      // And what is stored is what everyone sees.
      const late = openDraft(t.url, room.roomId, { kind: 'table', tableId }, joined[0]!.token);
      await late.synced();
      expect(late.text.toString()).toBe(clients[0]!.text.toString());
      late.close();
    } finally {
      clients.forEach((c) => c.close());
    }
  });

  it('compacts in the background while writers keep typing, without losing an update', async () => {
    const { room, joined, tableId } = await tableDraftRoom(3);
    const clients = joined.map((p) => openDraft(t.url, room.roomId, { kind: 'table', tableId }, p.token));
    try {
      await Promise.all(clients.map((c) => c.synced()));
      for (let n = 0; n < 60; n++) for (const [i, c] of clients.entries()) c.text.insert(c.text.length, `[w${i}-${n}]`);
      await eventually('all 180 words everywhere', () => clients.every((c) => tokens(c.text.toString()).length === 180), 20_000);
      let stored = await t.store.docs.load(room.roomId, `tables/${tableId}`);
      for (const end = Date.now() + 10_000; stored.snapshot === null && Date.now() < end; ) {
        await new Promise((r) => setTimeout(r, 50));
        stored = await t.store.docs.load(room.roomId, `tables/${tableId}`);
      }
      expect(stored.snapshot).not.toBeNull();
      expect(stored.updates.length).toBeLessThan(180);
      const fresh = new Y.Doc();
      for (const u of [stored.snapshot!, ...stored.updates]) Y.applyUpdate(fresh, u);
      expect(fresh.getText('text').toString()).toBe(clients[0]!.text.toString());
    } finally {
      clients.forEach((c) => c.close());
    }
  });

  it('refuses an update that would outgrow the document limit and keeps the document as it was', async () => {
    const limited = await startTestServer(kind, { drafts: { ...DEFAULT_DRAFT_LIMITS, maxDocumentBytes: 4_000 } });
    try {
      const room = await limited.createRoom();
      const c = openDraft(limited.url, room.roomId, { kind: 'plenary' }, room.moderatorKey);
      await c.synced();
      c.text.insert(0, 'a'.repeat(2_500));
      await eventually('first stored', () => c.denied.length === 0 && c.provider.synced);
      c.text.insert(0, 'b'.repeat(2_500));
      await eventually('document full', () => c.denied.includes('document-full'));
      const other = openDraft(limited.url, room.roomId, { kind: 'plenary' }, room.moderatorKey);
      await other.synced();
      expect(other.text.toString()).toBe('a'.repeat(2_500));
      other.close();
      c.close();
    } finally {
      await limited.close();
    }
  });

  it('saves named versions of a draft and serves each as it was, to moderators only', async () => {
    const room = await t.createRoom();
    const c = openDraft(t.url, room.roomId, { kind: 'plenary' }, room.moderatorKey);
    const base = `${t.url}/api/rooms/${room.roomId}/drafts/plenary/versions`;
    const auth = { authorization: `Bearer ${room.moderatorKey}`, 'content-type': 'application/json' };
    try {
      await c.synced();
      c.text.insert(0, 'first wording');
      await eventually('stored', () => c.provider.synced);
      await new Promise((r) => setTimeout(r, 100));
      const saved = await fetch(base, { method: 'POST', headers: auth, body: JSON.stringify({ name: 'after round 1' }) });
      expect(saved.status).toBe(201);
      const v1 = (await saved.json()) as { id: string; name: string };
      c.text.insert(c.text.length, ', amended');
      await new Promise((r) => setTimeout(r, 100));
      await fetch(base, { method: 'POST', headers: auth, body: JSON.stringify({ name: 'after round 2' }) });
      const list = (await (await fetch(base, { headers: auth })).json()) as { versions: { id: string; name: string }[] };
      expect(list.versions.map((v) => v.name)).toEqual(['after round 1', 'after round 2']);
      const state = new Uint8Array(await (await fetch(`${base}/${v1.id}`, { headers: auth })).arrayBuffer());
      const then = new Y.Doc();
      Y.applyUpdate(then, state);
      expect(then.getText('text').toString()).toBe('first wording');
      // The saving desk's copy goes along: what it shows is in the version even if not yet stored.
      const desk = new Y.Doc();
      Y.applyUpdate(desk, Y.encodeStateAsUpdate(c.doc));
      desk.getText('text').insert(0, 'Draft: ');
      const withState = await fetch(base, { method: 'POST', headers: auth, body: JSON.stringify({ name: 'as the desk sees it', state: Buffer.from(Y.encodeStateAsUpdate(desk)).toString('base64') }) });
      expect(withState.status).toBe(201);
      const v3 = (await withState.json()) as { id: string };
      const seen = new Y.Doc();
      Y.applyUpdate(seen, new Uint8Array(await (await fetch(`${base}/${v3.id}`, { headers: auth })).arrayBuffer()));
      expect(seen.getText('text').toString()).toBe('Draft: first wording, amended');
      expect((await fetch(base, { method: 'POST', headers: auth, body: JSON.stringify({ name: 'x', state: Buffer.from('not yjs at all').toString('base64') }) })).status).toBe(400);
      expect((await fetch(base, { method: 'POST', headers: auth, body: JSON.stringify({ name: 'x', state: '%%%' }) })).status).toBe(400);
      // Refusals: no key, the display key, a bad name, an unknown table or version.
      expect((await fetch(base)).status).toBe(403);
      expect((await fetch(base, { headers: { authorization: `Bearer ${room.displayKey}` } })).status).toBe(403);
      expect((await fetch(base, { method: 'POST', headers: auth, body: JSON.stringify({ name: '' }) })).status).toBe(400);
      expect((await fetch(`${t.url}/api/rooms/${room.roomId}/drafts/tables/t_nope/versions`, { headers: auth })).status).toBe(404);
      expect((await fetch(`${base}/v_nope`, { headers: auth })).status).toBe(404);
    } finally {
      c.close();
    }
  });
});
