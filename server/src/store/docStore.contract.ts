/**
 * The draft storage part of the RoomStore contract (`[DS…]`), run by
 * `describeRoomStoreContract` for every implementation. Updates are opaque bytes here;
 * the store never decodes them.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { RoomError } from '@dr/shared';
import type { ContractBackend, ContractFactory } from './roomStore.contract.ts';
import { CONTRACT_TTL_MS, createRoomWith, makeMeta, sleep, waitFor } from './contractFixtures.ts';
import { lastSeqOf, type DocNotice } from './DocStore.ts';

const bytes = (...values: number[]) => new Uint8Array(values);
/** Arbitrary binary, including bytes that are not UTF-8 and spaces (the message separator). */
const blob = (n: number) => Uint8Array.from({ length: 40 + (n % 7) }, (_, i) => (i * 37 + n * 11) % 256);

export function docStoreCases(factory: ContractFactory): void {
  let backend: ContractBackend;
  beforeEach(async () => {
    backend = await factory({ roomTtlMs: CONTRACT_TTL_MS });
  });
  afterEach(() => backend.cleanup());

  it('[DS1] appended updates load back byte for byte, in order, with sequence numbers from 0', async () => {
    const { store } = backend;
    const { roomId } = await createRoomWith(store);
    expect(await store.docs.appendUpdate(roomId, 'plenary', blob(1), 'n1')).toBe(0);
    expect(await store.docs.appendUpdate(roomId, 'plenary', blob(2), 'n1')).toBe(1);
    await store.docs.appendUpdate(roomId, 'tables/t1', blob(3), 'n1');
    const doc = await store.docs.load(roomId, 'plenary');
    expect(doc).toEqual({ snapshot: null, updates: [blob(1), blob(2)], firstSeq: 0, bytes: blob(1).length + blob(2).length });
    expect(lastSeqOf(doc)).toBe(1);
    expect((await store.docs.load(roomId, 'tables/t1')).updates).toEqual([blob(3)]);
    expect(await store.docs.load(roomId, 'tables/none')).toEqual({ snapshot: null, updates: [], firstSeq: 0, bytes: 0 });
  });

  it('[DS2] appending to a room that does not exist fails with not_found and stores nothing', async () => {
    const { store } = backend;
    const missing = makeMeta().roomId;
    await expect(store.docs.appendUpdate(missing, 'plenary', blob(1), 'n1')).rejects.toSatisfy((e) => e instanceof RoomError && e.code === 'not_found');
    expect((await store.docs.load(missing, 'plenary')).updates).toEqual([]);
  });

  it('[DS3] every handle receives every update with its sequence number and origin, in order', async () => {
    const { store } = backend;
    const second = await backend.openSecond();
    const { roomId } = await createRoomWith(store);
    const seen: DocNotice[] = [];
    await second.docs.subscribe(roomId, 'plenary', (n) => seen.push(n));
    const appends = await Promise.all([1, 2, 3, 4, 5].map((n) => store.docs.appendUpdate(roomId, 'plenary', blob(n), `o${n}`)));
    await waitFor('five updates', () => seen.length === 5);
    const updates = seen.filter((n) => n.kind === 'update');
    expect(updates.map((n) => n.seq)).toEqual([0, 1, 2, 3, 4]);
    // Each notice carries exactly what its append stored under that number.
    for (const n of updates) expect(n.update).toEqual(blob(appends.indexOf(n.seq) + 1));
    expect(updates.map((n) => n.origin).sort()).toEqual(['o1', 'o2', 'o3', 'o4', 'o5']);
  });

  it('[DS4] awareness reaches other handles but is never stored', async () => {
    const { store } = backend;
    const second = await backend.openSecond();
    const { roomId } = await createRoomWith(store);
    const seen: DocNotice[] = [];
    await second.docs.subscribe(roomId, 'plenary', (n) => seen.push(n));
    await store.docs.publishAwareness(roomId, 'plenary', bytes(1, 32, 2), 'me');
    await waitFor('awareness', () => seen.length === 1);
    expect(seen[0]).toEqual({ kind: 'awareness', update: bytes(1, 32, 2), origin: 'me' });
    expect((await store.docs.load(roomId, 'plenary')).updates).toEqual([]);
  });

  it('[DS5] readSince returns the later updates, and null once they were compacted away', async () => {
    const { store } = backend;
    const { roomId } = await createRoomWith(store);
    for (let n = 0; n < 5; n++) await store.docs.appendUpdate(roomId, 'plenary', blob(n), 'n1');
    expect(await store.docs.readSince(roomId, 'plenary', 2)).toEqual([blob(3), blob(4)]);
    expect(await store.docs.readSince(roomId, 'plenary', 4)).toEqual([]);
    expect(await store.docs.compact(roomId, 'plenary', bytes(9, 9), 0, 2)).toBe(true);
    expect(await store.docs.readSince(roomId, 'plenary', 0)).toBeNull();
    expect(await store.docs.readSince(roomId, 'plenary', 2)).toEqual([blob(3), blob(4)]);
  });

  it('[DS6] compaction swaps the head for the snapshot and keeps updates appended meanwhile', async () => {
    const { store } = backend;
    const { roomId } = await createRoomWith(store);
    for (let n = 0; n < 4; n++) await store.docs.appendUpdate(roomId, 'plenary', blob(n), 'n1');
    const loaded = await store.docs.load(roomId, 'plenary');
    // Another node appends between our load and our compaction.
    expect(await store.docs.appendUpdate(roomId, 'plenary', blob(4), 'n2')).toBe(4);
    expect(await store.docs.compact(roomId, 'plenary', bytes(7), loaded.firstSeq, lastSeqOf(loaded))).toBe(true);
    const after = await store.docs.load(roomId, 'plenary');
    expect(after).toEqual({ snapshot: bytes(7), updates: [blob(4)], firstSeq: 4, bytes: 1 + blob(4).length });
    expect(lastSeqOf(after)).toBe(4);
    expect(await store.docs.appendUpdate(roomId, 'plenary', blob(5), 'n1')).toBe(5);
  });

  it('[DS7] a compaction based on a stale load changes nothing', async () => {
    const { store } = backend;
    const second = await backend.openSecond();
    const { roomId } = await createRoomWith(store);
    for (let n = 0; n < 4; n++) await store.docs.appendUpdate(roomId, 'plenary', blob(n), 'n1');
    const stale = await store.docs.load(roomId, 'plenary');
    expect(await second.docs.compact(roomId, 'plenary', bytes(1), 0, 1)).toBe(true);
    expect(await store.docs.compact(roomId, 'plenary', bytes(2), stale.firstSeq, lastSeqOf(stale))).toBe(false);
    expect(await store.docs.load(roomId, 'plenary')).toEqual({ snapshot: bytes(1), updates: [blob(2), blob(3)], firstSeq: 2, bytes: 1 + blob(2).length + blob(3).length });
  });

  it('[DS8] named versions: saved, listed oldest first without content, fetched whole, capped', async () => {
    const { store } = backend;
    const { roomId } = await createRoomWith(store);
    for (let n = 0; n < 4; n++) {
      await store.docs.saveVersion(roomId, 'plenary', { id: `v${n}`, name: `after round ${n}`, createdAt: 1000 + n, bytes: 2, state: bytes(n, 32) }, 3);
    }
    expect(await store.docs.listVersions(roomId, 'plenary')).toEqual([1, 2, 3].map((n) => ({ id: `v${n}`, name: `after round ${n}`, createdAt: 1000 + n, bytes: 2 })));
    expect(await store.docs.getVersion(roomId, 'plenary', 'v2')).toEqual({ id: 'v2', name: 'after round 2', createdAt: 1002, bytes: 2, state: bytes(2, 32) });
    expect(await store.docs.getVersion(roomId, 'plenary', 'v0')).toBeNull();
    expect(await store.docs.listVersions(roomId, 'tables/t1')).toEqual([]);
    await expect(store.docs.saveVersion(makeMeta().roomId, 'plenary', { id: 'x', name: 'x', createdAt: 1, bytes: 1, state: bytes(1) }, 3)).rejects.toSatisfy(
      (e) => e instanceof RoomError && e.code === 'not_found',
    );
  });

  it('[DS9] deleting the room deletes its drafts and their versions', async () => {
    const { store } = backend;
    const { roomId } = await createRoomWith(store);
    await store.docs.appendUpdate(roomId, 'tables/t1', blob(1), 'n1');
    await store.docs.saveVersion(roomId, 'tables/t1', { id: 'v', name: 'v', createdAt: 1, bytes: 1, state: bytes(1) }, 10);
    await store.deleteRoom(roomId);
    expect(await store.docs.load(roomId, 'tables/t1')).toEqual({ snapshot: null, updates: [], firstSeq: 0, bytes: 0 });
    expect(await store.docs.listVersions(roomId, 'tables/t1')).toEqual([]);
  });

  it('[DS10] drafts expire with their room, and typing keeps the room alive', async () => {
    const short = await factory({ roomTtlMs: 1_000 });
    try {
      const { store } = short;
      const { roomId } = await createRoomWith(store);
      for (let i = 0; i < 4; i++) {
        await sleep(300);
        await store.docs.appendUpdate(roomId, 'plenary', blob(i), 'n1');
      }
      // 1.2 s after creation: alive because the drafts were written to.
      expect(await store.currentVersion(roomId)).toBe(0);
      await waitFor('expiry', async () => (await store.currentVersion(roomId)) === -1);
      expect((await store.docs.load(roomId, 'plenary')).updates).toEqual([]);
    } finally {
      await short.cleanup();
    }
  });

  it('[DS12] drafts nobody types in live as long as their room does', async () => {
    const short = await factory({ roomTtlMs: 1_000 });
    try {
      const { store } = short;
      const { roomId } = await createRoomWith(store);
      await store.docs.appendUpdate(roomId, 'tables/t1', blob(1), 'n1');
      for (let v = 0; v < 4; v++) {
        await sleep(300);
        expect(await store.append(roomId, v, [{ type: 'timer.adjusted', at: v, ms: 1 }])).toEqual({ ok: true, version: v + 1 });
      }
      expect((await store.docs.load(roomId, 'tables/t1')).updates).toEqual([blob(1)]);
    } finally {
      await short.cleanup();
    }
  });

  it('[DS11] an unsubscribed listener hears nothing more', async () => {
    const { store } = backend;
    const { roomId } = await createRoomWith(store);
    const seen: DocNotice[] = [];
    const stop = await store.docs.subscribe(roomId, 'plenary', (n) => seen.push(n));
    await store.docs.appendUpdate(roomId, 'plenary', blob(1), 'n1');
    await waitFor('first', () => seen.length === 1);
    await stop();
    await store.docs.appendUpdate(roomId, 'plenary', blob(2), 'n1');
    await sleep(100);
    expect(seen.length).toBe(1);
  });
}
