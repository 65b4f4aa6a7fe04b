/**
 * Fault 3, client network loss: a client whose connection dies mid-command and who
 * retries with the same command id gets exactly one effect, and the retry's ack names the
 * same version as the original. The loss is real: a TCP proxy between the clients and the
 * nodes destroys both sides of the connection at a chosen websocket frame — before the
 * command reaches the server, right after it went through, or after the ack left the
 * server — and the client reconnects through the proxy, landing on the other node.
 * Draft writers (y-websocket) are cut the same way mid-update; every copy converges with
 * every word exactly once. Prints its figures; `npm run chaos` runs a longer version.
 * Starts: two express + socket.io nodes on free ports sharing the test run's redis-server
 * under one key prefix, and a CutProxy in front of them.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { RedisRoomStore } from '../src/store/RedisRoomStore.ts';
import { CutProxy } from './support/CutProxy.ts';
import { draftsUnderNetworkLoss, formatDraftLoss } from './support/draftLoss.ts';
import { commandsUnderNetworkLoss, formatCommandLoss } from './support/networkLoss.ts';
import { startTestServer, type TestServer } from './support/testServer.ts';

const LANES = 8;
const PER_LANE = 25;

describe('client network loss between the client and the nodes', () => {
  let nodes: TestServer[];
  let proxy: CutProxy;
  beforeAll(async () => {
    const keyPrefix = `loss:${randomUUID()}:`;
    const store = () => new RedisRoomStore(inject('redisUrl'), { roomTtlMs: 60_000, keyPrefix });
    nodes = [await startTestServer('redis', {}, store()), await startTestServer('redis', {}, store())];
    proxy = await CutProxy.start(nodes.map((n) => n.url));
  });
  afterAll(async () => {
    await proxy?.close();
    for (const n of nodes ?? []) await n.close();
  });

  it('a command cut before, during or after its ack and retried with the same id takes effect once, with the same ack', async () => {
    const f = await commandsUnderNetworkLoss(proxy, nodes[0]!.url, { lanes: LANES, perLane: PER_LANE, readLog: (roomId) => nodes[0]!.store.readEvents(roomId, -1) });
    console.log(`network loss (socket.io): ${formatCommandLoss(f)}`);
    expect(f.commands).toBe(LANES * PER_LANE);
    // Every command was cut once, at each point about a third of the time.
    expect(f.cuts.before + f.cuts.mid + f.cuts.after).toBe(f.commands);
    expect(Math.min(f.cuts.before, f.cuts.mid, f.cuts.after)).toBeGreaterThanOrEqual(Math.floor(f.commands / 3) - 1);
    expect(f.retried).toBeGreaterThanOrEqual(f.commands);
    // The `after` cuts at least were applied before their retry: the dedupe path answered them.
    expect(f.appliedBeforeRetry).toBeGreaterThanOrEqual(f.cuts.after);
    expect({ appliedOnce: f.appliedOnce, duplicated: f.duplicated, lost: f.lost, ackMismatches: f.ackMismatches }).toEqual({
      appliedOnce: f.commands,
      duplicated: 0,
      lost: 0,
      ackMismatches: 0,
    });
  }, 60_000);

  it('draft writers cut mid-update converge after reconnecting, with every word exactly once', async () => {
    const f = await draftsUnderNetworkLoss(proxy, nodes[0]!.url, { writers: 3, perWriter: 24 });
    console.log(`network loss (y-websocket): ${formatDraftLoss(f)}`);
    expect(f.words).toBe(72);
    expect(f.cuts.before + f.cuts.mid + f.cuts.after).toBe(f.words);
    expect(f.reconnects).toBeGreaterThanOrEqual(f.words);
    expect({ converged: f.converged, missing: f.missing, duplicated: f.duplicated }).toEqual({ converged: true, missing: 0, duplicated: 0 });
  }, 60_000);
});
