/**
 * The one RoomStore contract: every implementation runs this suite unchanged
 * (`MemoryRoomStore.test.ts`, `RedisRoomStore.test.ts`). Rule ids `[RSn]` are stable:
 * cite them when changing behaviour.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RoomError } from '@dr/shared';
import { deadlineIndexCases } from './deadlineIndex.contract.ts';
import { docStoreCases } from './docStore.contract.ts';
import type { RoomStore, RoomStoreOptions } from './RoomStore.ts';
import {
  CONTRACT_TTL_MS,
  createRoomWith,
  event,
  events,
  makeMeta,
  record,
  sleep,
  versioned,
  waitFor,
} from './contractFixtures.ts';

/**
 * [RS23]'s subscribe storm: 50 rooms, one subscribe every 0.1 ms, so some land in every phase
 * of a subscriber connection's start-up (a few ms; its riskiest phase lasts well under 1 ms).
 */
const STORM_ROOMS = 50;
const STORM_STEP_MS = 0.1;

export interface ContractBackend {
  store: RoomStore;
  /** Another handle on the same data, as a second server node would have. */
  openSecond(): Promise<RoomStore>;
  /** Closes every handle this backend opened. */
  cleanup(): Promise<void>;
}

export type ContractFactory = (options: RoomStoreOptions) => Promise<ContractBackend>;

export function describeRoomStoreContract(name: string, factory: ContractFactory): void {
  describe(`${name} (RoomStore contract)`, () => {
    let backend: ContractBackend;
    let store: RoomStore;
    const extra: ContractBackend[] = [];
    /** A backend with its own options (short TTL), closed after the test. */
    const backendWith = async (options: RoomStoreOptions) => {
      const b = await factory(options);
      extra.push(b);
      return b.store;
    };

    beforeEach(async () => {
      backend = await factory({ roomTtlMs: CONTRACT_TTL_MS });
      store = backend.store;
    });
    afterEach(async () => {
      await Promise.all([backend.cleanup(), ...extra.splice(0).map((b) => b.cleanup())]);
    });

    it('[RS1] create then read returns versions 0..n-1', async () => {
      const meta = await createRoomWith(store, 3);
      expect(await store.readEvents(meta.roomId, -1)).toEqual(versioned(events(3), 0));
      expect(await store.currentVersion(meta.roomId)).toBe(2);
    });

    it('[RS2] getMeta returns what was created; null for an unknown room', async () => {
      const meta = await createRoomWith(store);
      expect(await store.getMeta(meta.roomId)).toEqual(meta);
      expect(await store.getMeta(makeMeta().roomId)).toBeNull();
    });

    it('[RS3] findRoomByJoinCode finds a live room; null for an unknown code', async () => {
      const meta = await createRoomWith(store);
      expect(await store.findRoomByJoinCode(meta.joinCode)).toBe(meta.roomId);
      expect(await store.findRoomByJoinCode(makeMeta().joinCode)).toBeNull();
    });

    it('[RS4] a join code in use → join_code_taken, and the second room is not created', async () => {
      const first = await createRoomWith(store);
      const second = makeMeta({ joinCode: first.joinCode });
      expect(await store.createRoom(second, events(1))).toBe('join_code_taken');
      expect(await store.getMeta(second.roomId)).toBeNull();
      expect(await store.currentVersion(second.roomId)).toBe(-1);
      expect(await store.findRoomByJoinCode(first.joinCode)).toBe(first.roomId);
    });

    it('[RS5] append at the current version stamps the next versions', async () => {
      const { roomId } = await createRoomWith(store, 2);
      expect(await store.append(roomId, 1, events(3, 10))).toEqual({ ok: true, version: 4 });
      expect(await store.readEvents(roomId, 1)).toEqual(versioned(events(3, 10), 2));
      expect(await store.currentVersion(roomId)).toBe(4);
    });

    it('[RS6] append at a stale or future version → version_conflict, nothing appended', async () => {
      const { roomId } = await createRoomWith(store, 3);
      expect(await store.append(roomId, 1, events(1))).toEqual({ ok: false, reason: 'version_conflict', currentVersion: 2 });
      expect(await store.append(roomId, 7, events(1))).toEqual({ ok: false, reason: 'version_conflict', currentVersion: 2 });
      expect(await store.readEvents(roomId, -1)).toHaveLength(3);
    });

    it('[RS7] a repeated command key → duplicate with the original version, nothing appended', async () => {
      const { roomId } = await createRoomWith(store);
      expect(await store.append(roomId, 0, events(2, 10), 'cmd-1')).toEqual({ ok: true, version: 2 });
      expect(await store.append(roomId, 2, events(1, 20), 'cmd-1')).toEqual({ ok: false, reason: 'duplicate', version: 2 });
      expect(await store.append(roomId, 2, events(1, 30))).toEqual({ ok: true, version: 3 });
      // After another append, the retry is both stale and duplicate: duplicate wins.
      expect(await store.append(roomId, 0, events(1, 40), 'cmd-1')).toEqual({ ok: false, reason: 'duplicate', version: 2 });
      expect(await store.append(roomId, 3, events(1, 50), 'cmd-1')).toEqual({ ok: false, reason: 'duplicate', version: 2 });
      expect(await store.currentVersion(roomId)).toBe(3);
      expect(await store.commandVersion(roomId, 'cmd-1')).toBe(2);
      expect(await store.commandVersion(roomId, 'cmd-unknown')).toBeNull();
    });

    it('[RS24] a group append stamps every entry in order, records each key at its own last version, and sends one notice', async () => {
      const { roomId } = await createRoomWith(store);
      const rec = await record(store, roomId);
      const result = await store.appendBatch(roomId, 0, [
        { events: events(2, 10), commandKey: 'a' },
        { events: events(1, 20) },
        { events: events(3, 30), commandKey: 'c' },
      ]);
      expect(result).toEqual({ ok: true, version: 6 });
      expect(await store.readEvents(roomId, 0)).toEqual(versioned([...events(2, 10), ...events(1, 20), ...events(3, 30)], 1));
      expect(await store.commandVersion(roomId, 'a')).toBe(2);
      expect(await store.commandVersion(roomId, 'c')).toBe(6);
      await waitFor('the notice', () => rec.versions().length === 6);
      expect(rec.notices.filter((n) => n.kind === 'events')).toHaveLength(1);
    });

    it('[RS25] a group with one recorded key, or at a stale version, appends nothing', async () => {
      const { roomId } = await createRoomWith(store);
      expect(await store.append(roomId, 0, events(1, 10), 'seen')).toEqual({ ok: true, version: 1 });
      expect(await store.appendBatch(roomId, 1, [{ events: events(1, 20), commandKey: 'new' }, { events: events(1, 30), commandKey: 'seen' }])).toEqual({ ok: false, reason: 'duplicate', version: 1 });
      expect(await store.appendBatch(roomId, 0, [{ events: events(1, 20), commandKey: 'new' }])).toEqual({ ok: false, reason: 'version_conflict', currentVersion: 1 });
      expect(await store.currentVersion(roomId)).toBe(1);
      expect(await store.commandVersion(roomId, 'new')).toBeNull();
      await expect(store.appendBatch(roomId, 1, [])).rejects.toMatchObject({ code: 'invalid' });
      await expect(store.appendBatch(roomId, 1, [{ events: events(1, 40) }, { events: [] }])).rejects.toMatchObject({ code: 'invalid' });
      expect(await store.currentVersion(roomId)).toBe(1);
    });

    it('[RS8] append to an unknown room → not_found, and creates nothing', async () => {
      const { roomId } = makeMeta();
      expect(await store.append(roomId, -1, events(1))).toEqual({ ok: false, reason: 'not_found' });
      expect(await store.append(roomId, 0, events(1), 'cmd')).toEqual({ ok: false, reason: 'not_found' });
      expect(await store.currentVersion(roomId)).toBe(-1);
      expect(await store.commandVersion(roomId, 'cmd')).toBeNull();
    });

    it('[RS9] readEvents honours since and limit', async () => {
      const { roomId } = await createRoomWith(store, 5);
      const all = versioned(events(5), 0);
      expect(await store.readEvents(roomId, 1)).toEqual(all.slice(2));
      expect(await store.readEvents(roomId, 1, 2)).toEqual(all.slice(2, 4));
      expect(await store.readEvents(roomId, -1, 1)).toEqual(all.slice(0, 1));
      expect(await store.readEvents(roomId, 4)).toEqual([]);
      expect(await store.readEvents(roomId, 99)).toEqual([]);
      expect(await store.readEvents(roomId, -1, 0)).toEqual([]);
      expect(await store.readEvents(makeMeta().roomId, -1)).toEqual([]);
    });

    it('[RS10] currentVersion is -1 for an unknown room', async () => {
      expect(await store.currentVersion(makeMeta().roomId)).toBe(-1);
    });

    it('[RS11] snapshots round-trip and an older one never replaces a newer one', async () => {
      const { roomId } = await createRoomWith(store, 4);
      expect(await store.loadSnapshot(roomId)).toBeNull();
      await store.saveSnapshot(roomId, 2, { queue: ['a', 'b'], n: 2 });
      expect(await store.loadSnapshot(roomId)).toEqual({ version: 2, state: { queue: ['a', 'b'], n: 2 } });
      await store.saveSnapshot(roomId, 1, { n: 1 });
      expect(await store.loadSnapshot(roomId)).toEqual({ version: 2, state: { queue: ['a', 'b'], n: 2 } });
      await store.saveSnapshot(roomId, 3, { n: 3 });
      expect(await store.loadSnapshot(roomId)).toEqual({ version: 3, state: { n: 3 } });
      const unknown = makeMeta().roomId;
      await store.saveSnapshot(unknown, 0, { n: 0 });
      expect(await store.loadSnapshot(unknown)).toBeNull();
    });

    it('[RS12] subscribers get every append, in version order, exactly once', async () => {
      const { roomId } = await createRoomWith(store);
      const rec = await record(store, roomId);
      let version = 0;
      for (let i = 0; i < 20; i++) {
        const result = await store.append(roomId, version, events(1 + (i % 3), i * 10));
        if (!result.ok) throw new Error(`append ${i} failed: ${result.reason}`);
        version = result.version;
      }
      await waitFor('all notices', () => rec.versions().length === version);
      expect(rec.versions()).toEqual(Array.from({ length: version }, (_, i) => i + 1));
      const delivered = rec.notices.flatMap((n) => (n.kind === 'events' ? n.events : []));
      expect(delivered).toEqual(await store.readEvents(roomId, 0));
    });

    it('[RS13] a second handle on the same backend sees appends and notices from the first', async () => {
      const second = await backend.openSecond();
      const { roomId } = await createRoomWith(store);
      const rec = await record(second, roomId);
      expect(await store.append(roomId, 0, [event(1)])).toEqual({ ok: true, version: 1 });
      expect(await second.append(roomId, 1, [event(2)])).toEqual({ ok: true, version: 2 });
      await waitFor('notices on the second handle', () => rec.versions().length === 2);
      expect(rec.versions()).toEqual([1, 2]);
      expect(await second.readEvents(roomId, -1)).toEqual(await store.readEvents(roomId, -1));
    });

    it('[RS14] unsubscribe stops delivery to that listener only; resubscribing works', async () => {
      const { roomId } = await createRoomWith(store);
      const gone = await record(store, roomId);
      const stays = await record(store, roomId);
      await gone.unsubscribe();
      await gone.unsubscribe();
      await store.append(roomId, 0, [event(1)]);
      await waitFor('the remaining listener', () => stays.versions().length === 1);
      await stays.unsubscribe();
      const again = await record(store, roomId);
      await store.append(roomId, 1, [event(2)]);
      await waitFor('the new listener', () => again.versions().length === 1);
      await sleep(50);
      expect(gone.notices).toEqual([]);
      expect(stays.versions()).toEqual([1]);
      expect(again.versions()).toEqual([2]);
    });

    it('[RS15] deleteRoom removes everything, frees the join code and notifies subscribers', async () => {
      const meta = await createRoomWith(store, 2);
      const { roomId } = meta;
      await store.append(roomId, 1, [event(5)], 'cmd');
      await store.saveSnapshot(roomId, 2, { n: 2 });
      const rec = await record(store, roomId);
      await store.deleteRoom(roomId);
      await waitFor('the deleted notice', () => rec.notices.length === 1);
      expect(rec.notices).toEqual([{ kind: 'deleted' }]);
      await expectGone(store, meta);
      expect(await store.append(roomId, 2, [event(6)])).toEqual({ ok: false, reason: 'not_found' });
      // Same id and code again: a fresh room, nothing inherited.
      await createRoomWith(store, 1, meta);
      expect(await store.currentVersion(roomId)).toBe(0);
      expect(await store.commandVersion(roomId, 'cmd')).toBeNull();
      expect(await store.loadSnapshot(roomId)).toBeNull();
      await store.deleteRoom(makeMeta().roomId);
    });

    it('[RS16] a room and its join code expire roomTtlMs after the last write', async () => {
      const shortLived = await backendWith({ roomTtlMs: 300 });
      const meta = await createRoomWith(shortLived, 1);
      await shortLived.saveSnapshot(meta.roomId, 0, { n: 0 });
      await waitFor('expiry', async () => (await shortLived.getMeta(meta.roomId)) === null);
      await expectGone(shortLived, meta);
      expect(await shortLived.createRoom(makeMeta({ joinCode: meta.joinCode }), events(1))).toBe('created');
    });

    it('[RS17] each append pushes the expiry back by roomTtlMs', async () => {
      const shortLived = await backendWith({ roomTtlMs: 1_000 });
      const meta = await createRoomWith(shortLived, 1);
      const started = Date.now();
      for (let version = 0; Date.now() - started < 1_500; version++) {
        expect(await shortLived.append(meta.roomId, version, [event(version)])).toMatchObject({ ok: true });
        await sleep(250);
      }
      expect(await shortLived.getMeta(meta.roomId)).toEqual(meta);
      expect(await shortLived.findRoomByJoinCode(meta.joinCode)).toBe(meta.roomId);
      await waitFor('expiry after the last append', async () => (await shortLived.currentVersion(meta.roomId)) === -1);
    });

    it('[RS22] presence lists reach every handle and are never stored', async () => {
      const second = await backend.openSecond();
      const meta = await createRoomWith(store);
      const heard: unknown[] = [];
      await second.subscribePresence(meta.roomId, (m) => heard.push(m));
      await store.publishPresence(meta.roomId, { node: 'n1', online: ['p1', 'p2'] });
      await waitFor('presence', () => heard.length === 1);
      expect(heard).toEqual([{ node: 'n1', online: ['p1', 'p2'] }]);
      expect(await store.currentVersion(meta.roomId)).toBe(0);
    });

    it('[RS18] concurrent appends at the same version: exactly one wins', async () => {
      const second = await backend.openSecond();
      const { roomId } = await createRoomWith(store);
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? store : second).append(roomId, 0, [event(i)], `cmd-${i}`)),
      );
      expect(results.filter((r) => r.ok)).toEqual([{ ok: true, version: 1 }]);
      expect(results.filter((r) => !r.ok)).toEqual(
        Array.from({ length: 9 }, () => ({ ok: false, reason: 'version_conflict', currentVersion: 1 })),
      );
      expect(await store.readEvents(roomId, -1)).toHaveLength(2);
    });

    it('[RS19] callers cannot corrupt stored data through inputs or results', async () => {
      const meta = makeMeta();
      const input = events(1);
      await store.createRoom(meta, input);
      const appended = [{ ...event(1), version: 99 }];
      await store.append(meta.roomId, 0, appended);
      // Listeners run in subscription order: a shared notice object would reach `second` mutated.
      await store.subscribe(meta.roomId, (n) => n.kind === 'events' && n.events.forEach((e) => Object.assign(e, { ms: -1 })));
      const second = await record(store, meta.roomId);
      await store.append(meta.roomId, 1, [event(2)]);
      await waitFor('the recording listener', () => second.notices.length === 1);
      (input[0] as { ms: number }).ms = -1;
      (appended[0] as { ms: number }).ms = -1;
      ((await store.readEvents(meta.roomId, -1))[0] as { ms: number }).ms = -1;
      (await store.getMeta(meta.roomId))!.joinCode = 'XXXXXX';
      await store.saveSnapshot(meta.roomId, 1, { list: [1] });
      ((await store.loadSnapshot(meta.roomId))!.state as { list: number[] }).list.push(2);
      expect(second.notices).toEqual([{ kind: 'events', events: versioned([event(2)], 2) }]);
      expect(await store.readEvents(meta.roomId, -1)).toEqual(versioned([event(0), event(1), event(2)], 0));
      expect(await store.getMeta(meta.roomId)).toEqual(meta);
      expect(await store.loadSnapshot(meta.roomId)).toEqual({ version: 1, state: { list: [1] } });
    });

    it('[RS20] empty batches and bad versions are rejected as invalid', async () => {
      const meta = makeMeta();
      await expect(store.createRoom(meta, [])).rejects.toMatchObject({ code: 'invalid' });
      await createRoomWith(store, 1, meta);
      await expect(store.append(meta.roomId, 0, [])).rejects.toBeInstanceOf(RoomError);
      await expect(store.append(meta.roomId, 0.5, [event(1)])).rejects.toMatchObject({ code: 'invalid' });
      expect(await store.currentVersion(meta.roomId)).toBe(0);
    });

    it('[RS23] concurrent first subscribes on a fresh handle all succeed, and each hears the next append', async () => {
      const rooms = await Promise.all(Array.from({ length: STORM_ROOMS }, () => createRoomWith(store)));
      // A restarted node under a reconnect storm: joins arrive a few ms apart while the
      // handle's subscriber connection is still starting up.
      const start = performance.now();
      const outcomes = await Promise.allSettled(
        rooms.map(async (meta, i) => {
          await until(start + i * STORM_STEP_MS);
          const rec = await record(store, meta.roomId);
          // Appended only after subscribe resolved: the subscription must already be live.
          await store.append(meta.roomId, 0, [event(i)]);
          return rec;
        }),
      );
      expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([]);
      const recorders = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
      await waitFor('a notice in every room', () => recorders.every((r) => r.versions().length === 1));
      expect(recorders.map((r) => r.versions())).toEqual(rooms.map(() => [1]));
    });

    it('[RS21] ping answers true while the backend is up', async () => {
      expect(await store.ping()).toBe(true);
    });
  });
  describe(`${name} (RoomStore contract: deadline index)`, () => deadlineIndexCases(factory));
  describe(`${name} (RoomStore contract: drafts)`, () => docStoreCases(factory));
}

/** Resolves once `performance.now()` reaches `time`, checking every event-loop turn: finer than a 1 ms timer. */
async function until(time: number): Promise<void> {
  while (performance.now() < time) await new Promise((resolve) => setImmediate(resolve));
}

/** Everything about the room is gone: meta, log, commands, snapshot and join code. */
async function expectGone(store: RoomStore, meta: { roomId: string; joinCode: string }): Promise<void> {
  expect(await store.getMeta(meta.roomId)).toBeNull();
  expect(await store.currentVersion(meta.roomId)).toBe(-1);
  expect(await store.readEvents(meta.roomId, -1)).toEqual([]);
  expect(await store.commandVersion(meta.roomId, 'cmd')).toBeNull();
  expect(await store.loadSnapshot(meta.roomId)).toBeNull();
  expect(await store.findRoomByJoinCode(meta.joinCode)).toBeNull();
}
