/**
 * The deadline index part of the RoomStore contract (`[RSD…]`), run by
 * `describeRoomStoreContract` for every implementation.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { ContractFactory, ContractBackend } from './roomStore.contract.ts';
import { CONTRACT_TTL_MS, createRoomWith } from './contractFixtures.ts';

export function deadlineIndexCases(factory: ContractFactory): void {
  let backend: ContractBackend;
  beforeEach(async () => {
    backend = await factory({ roomTtlMs: CONTRACT_TTL_MS });
  });
  afterEach(() => backend.cleanup());

  it('[RSD1] dueDeadlines lists rooms whose deadline has come, earliest first, up to the limit', async () => {
    const { store } = backend;
    const ids = ['dl-a', 'dl-b', 'dl-c'].map((p) => `${p}-${Math.random().toString(36).slice(2)}`);
    await store.setDeadline(ids[0]!, 3_000);
    await store.setDeadline(ids[1]!, 1_000);
    await store.setDeadline(ids[2]!, 9_000);
    const due = (await store.dueDeadlines(5_000, 100)).filter((id) => ids.includes(id));
    expect(due).toEqual([ids[1], ids[0]]);
    expect((await store.dueDeadlines(5_000, 1)).length).toBe(1);
  });

  it('[RSD2] a deadline can move and be cleared; the index is shared by every handle', async () => {
    const { store } = backend;
    const second = await backend.openSecond();
    const id = `dl-${Math.random().toString(36).slice(2)}`;
    await store.setDeadline(id, 1_000);
    await store.setDeadline(id, 8_000);
    expect(await second.dueDeadlines(5_000, 100)).not.toContain(id);
    expect(await second.dueDeadlines(8_000, 100)).toContain(id);
    await second.setDeadline(id, null);
    expect(await store.dueDeadlines(Number.MAX_SAFE_INTEGER, 1000)).not.toContain(id);
  });

  it('[RSD3] deleting a room takes it out of the index', async () => {
    const { store } = backend;
    const meta = await createRoomWith(store);
    await store.setDeadline(meta.roomId, 1_000);
    await store.deleteRoom(meta.roomId);
    expect(await store.dueDeadlines(Number.MAX_SAFE_INTEGER, 1000)).not.toContain(meta.roomId);
  });
}
