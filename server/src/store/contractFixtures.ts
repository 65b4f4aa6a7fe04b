/** Small builders and waits shared by the room-store contract suite. */
import { randomBytes, randomUUID } from 'node:crypto';
import { joinCodeFromBytes } from '@dr/shared';
import type { RoomEvent, VersionedEvent } from '@dr/shared';
import type { RoomMeta, RoomStore, StoreNotice } from './RoomStore.ts';

/** Long enough that no contract case sees a room expire unless it asks to. */
export const CONTRACT_TTL_MS = 60_000;
/** Upper bound for anything asynchronous (delivery, expiry); polls end as soon as they can. */
export const WAIT_TIMEOUT_MS = 5_000;

/** A random code from the real alphabet; 32^6 codes make accidental clashes negligible. */
export function randomJoinCode(): string {
  return joinCodeFromBytes(randomBytes(6));
}

export function makeMeta(overrides: Partial<RoomMeta> = {}): RoomMeta {
  return {
    roomId: randomUUID(),
    joinCode: randomJoinCode(),
    moderatorKeyHash: `mod-${randomUUID()}`,
    displayKeyHash: `display-${randomUUID()}`,
    createdAt: 1_700_000_000_000,
    ...overrides,
  };
}

/** A distinguishable event; the store must treat it as opaque JSON. */
export function event(n: number): RoomEvent {
  return { type: 'timer.adjusted', at: 1_700_000_000_000 + n, ms: n + 1 };
}

export function events(count: number, from = 0): RoomEvent[] {
  return Array.from({ length: count }, (_, i) => event(from + i));
}

/** What the store should give back for `input` stored from `firstVersion` on. */
export function versioned(input: RoomEvent[], firstVersion: number): VersionedEvent[] {
  return input.map((e, i) => ({ ...e, version: firstVersion + i }));
}

/** Creates a room with `count` events (versions 0…count−1) and returns its meta. */
export async function createRoomWith(store: RoomStore, count = 1, meta = makeMeta()): Promise<RoomMeta> {
  const result = await store.createRoom(meta, events(count));
  if (result !== 'created') throw new Error(`fixture room not created: ${result}`);
  return meta;
}

export interface Recorder {
  notices: StoreNotice[];
  /** Versions of all events received, in arrival order. */
  versions(): number[];
  unsubscribe(): Promise<void>;
}

export async function record(store: RoomStore, roomId: string): Promise<Recorder> {
  const notices: StoreNotice[] = [];
  const unsubscribe = await store.subscribe(roomId, (notice) => notices.push(notice));
  return {
    notices,
    versions: () => notices.flatMap((n) => (n.kind === 'events' ? n.events.map((e) => e.version) : [])),
    unsubscribe,
  };
}

/** Polls until `check` is true; fails with `what` after {@link WAIT_TIMEOUT_MS}. */
export async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs = WAIT_TIMEOUT_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(20);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
