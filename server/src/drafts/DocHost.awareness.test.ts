/**
 * Awareness traffic of one draft on one node, counted at the peers: cursor changes go
 * out at once, renewals are batched. Uses the in-memory store and y-protocols'
 * Awareness as the 20 writing clients.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as decoding from 'lib0/decoding';
import { MemoryRoomStore } from '../store/MemoryRoomStore.ts';
import { createRoomWith } from '../store/contractFixtures.ts';
import { DocHost } from './DocHost.ts';
import { DEFAULT_DRAFT_LIMITS } from './draftServer.ts';
import { MESSAGE_AWARENESS } from './yMessages.ts';

const WRITERS = 20;
const VIEWERS = 200;
/** Long against a test's own steps, so "not yet flushed" does not depend on the machine's speed. */
const FLUSH_MS = 1_000;

describe('awareness fan-out of a draft', () => {
  let store: MemoryRoomStore;
  let host: DocHost;
  let received: number[];
  let writers: Awareness[];

  beforeEach(async () => {
    store = new MemoryRoomStore({ roomTtlMs: 60_000 });
    const { roomId } = await createRoomWith(store);
    host = await DocHost.open(store.docs, roomId, 'plenary', { ...DEFAULT_DRAFT_LIMITS, renewalFlushMs: FLUSH_MS });
    received = Array.from({ length: WRITERS + VIEWERS }, () => 0);
    received.forEach((_, i) =>
      host.addPeer({
        origin: `peer-${i}`,
        send: (m) => {
          if (decoding.readVarUint(decoding.createDecoder(m)) === MESSAGE_AWARENESS) received[i]!++;
        },
      }),
    );
    received.fill(0);
    writers = Array.from({ length: WRITERS }, () => new Awareness(new Y.Doc()));
  });
  afterEach(async () => {
    writers.forEach((w) => w.destroy());
    await host.close();
    await store.close();
  });

  const publish = (i: number) => host.publishAwareness(encodeAwarenessUpdate(writers[i]!, [writers[i]!.clientID]), `peer-${i}`);
  const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it('sends each cursor change to every other peer at once', async () => {
    writers.forEach((w, i) => {
      w.setLocalState({ user: { name: `W${i}` }, cursor: i });
      publish(i);
    });
    await settle(0);
    // Each peer hears every writer but itself, immediately, one message each.
    expect(received.slice(WRITERS)).toEqual(Array(VIEWERS).fill(WRITERS));
    expect(received.slice(0, WRITERS)).toEqual(Array(WRITERS).fill(WRITERS - 1));
  });

  it('batches renewals from all writers into one message per peer per flush', async () => {
    writers.forEach((w, i) => {
      w.setLocalState({ user: { name: `W${i}` } });
      publish(i);
    });
    await settle(0);
    received.fill(0);
    // A renewal: the same state with a newer clock, as every client sends every 15 s.
    writers.forEach((w, i) => {
      w.setLocalState({ user: { name: `W${i}` } });
      publish(i);
    });
    await settle(0);
    expect(received.reduce((a, b) => a + b, 0)).toBe(0);
    for (const end = Date.now() + FLUSH_MS * 10; received.some((n) => n === 0) && Date.now() < end; ) await settle(20);
    await settle(50);
    // 220 messages instead of 20 × 219 = 4,380.
    expect(received).toEqual(Array(WRITERS + VIEWERS).fill(1));
    // And the renewed states are current on the node, for peers that join later.
    expect(host.awareness.getStates().size).toBe(WRITERS);
  });
});
