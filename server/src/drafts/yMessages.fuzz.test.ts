/**
 * Fuzzes the Yjs message handling below the socket: ten thousand malformed, truncated
 * and mutated messages go through the same decode-then-store path as the endpoint, on
 * the in-memory store. Nothing throws past the decoder, and the stored document stays
 * loadable and keeps the honest writer's text.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { MemoryRoomStore } from '../store/MemoryRoomStore.ts';
import { createRoomWith } from '../store/contractFixtures.ts';
import { DocHost } from './DocHost.ts';
import { DEFAULT_DRAFT_LIMITS } from './draftServer.ts';
import { parseClientMessage } from './yMessages.ts';

function frame(type: number, step: number | null, payload: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, type);
  if (step !== null) encoding.writeVarUint(e, step);
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
}

/** Real updates of a small document, to truncate and mutate. */
function realUpdates(): Uint8Array[] {
  const d = new Y.Doc();
  const out: Uint8Array[] = [];
  d.on('update', (u: Uint8Array) => out.push(u));
  d.getText('text').insert(0, 'Recommendation: more trains');
  d.getText('text').delete(3, 5);
  d.getMap('meta').set('title', 'Mobility');
  d.getXmlFragment('default').insert(0, [new Y.XmlElement('paragraph')]);
  return out;
}

const hostile = (seeds: Uint8Array[]) =>
  fc.oneof(
    fc.uint8Array({ maxLength: 64 }),
    fc.constantFrom(...seeds).chain((u) => fc.nat(u.length).map((n) => frame(0, 2, u.slice(0, n)))),
    fc.constantFrom(...seeds).chain((u) =>
      fc.tuple(fc.nat(u.length - 1), fc.integer({ min: 0, max: 255 })).map(([i, b]) => {
        const m = u.slice();
        m[i] = b;
        return frame(0, 2, m);
      }),
    ),
    fc.tuple(fc.nat(3), fc.uint8Array({ maxLength: 64 })).map(([step, u]) => frame(0, step, u)),
    fc.uint8Array({ maxLength: 32 }).map((u) => frame(1, null, u)),
    fc.constantFrom(...seeds).map((u) => frame(0, 2, u).slice(0, -1)),
  );

describe('Yjs message handling under hostile input', () => {
  let store: MemoryRoomStore;
  let roomId: string;
  let host: DocHost;
  const peer = { origin: 'fuzz', send: () => undefined };

  beforeAll(async () => {
    store = new MemoryRoomStore({ roomTtlMs: 60_000 });
    roomId = (await createRoomWith(store)).roomId;
    host = await DocHost.open(store.docs, roomId, 'plenary', DEFAULT_DRAFT_LIMITS);
    const honest = new Y.Doc();
    honest.getText('honest').insert(0, 'kept');
    await host.write(peer, Y.encodeStateAsUpdate(honest));
  });
  afterAll(async () => {
    await host.close();
    await store.close();
  });

  it('decodes or rejects 10,000 malformed messages; whatever decodes is stored and the document stays loadable', async () => {
    let rejected = 0;
    let stored = 0;
    const samples = fc.sample(hostile(realUpdates()), { numRuns: 10_000, seed: 7 });
    for (const bytes of samples) {
      let message;
      try {
        message = parseClientMessage(bytes);
      } catch {
        rejected++;
        continue;
      }
      if (message.kind === 'update') {
        await host.write(peer, message.update);
        stored++;
      }
    }
    // Both paths were exercised: most input is refused, some survives decoding.
    expect(rejected).toBeGreaterThan(5_000);
    expect(stored).toBeGreaterThan(10);
    const loaded = await store.docs.load(roomId, 'plenary');
    const fresh = new Y.Doc();
    for (const u of [...(loaded.snapshot ? [loaded.snapshot] : []), ...loaded.updates]) Y.applyUpdate(fresh, u);
    expect(fresh.getText('honest').toString()).toBe('kept');
    await new Promise((r) => setTimeout(r, 20));
    expect(host.doc.getText('honest').toString()).toBe('kept');
  });
});
