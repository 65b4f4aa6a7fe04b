/**
 * Half-open and silent draft connections: a peer that stops answering pings is dropped
 * within two ticks, while a healthy idle one stays. The tick is shortened for the test.
 * Starts: express + socket.io + the Yjs endpoint on a free port, in-memory store.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DRAFT_LIMITS } from '../src/drafts/draftServer.ts';
import { rawDraftSocket } from './support/DraftClient.ts';
import { startTestServer, type TestServer } from './support/testServer.ts';

const TICK_MS = 200;

describe('draft connections that go quiet', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer('memory', { drafts: { ...DEFAULT_DRAFT_LIMITS, tickMs: TICK_MS } });
  });
  afterAll(() => t.close());

  it('drops a peer that stops answering pings (half-open), and keeps a healthy idle one', async () => {
    const room = await t.createRoom();
    const path = `${room.roomId}/plenary?key=${room.moderatorKey}`;
    const healthy = rawDraftSocket(t.url, path);
    const halfOpen = rawDraftSocket(t.url, path);
    await Promise.all([healthy.opened, halfOpen.opened]);
    // Reading nothing more from the socket: pings go unanswered, as with a phone that vanished.
    (halfOpen.ws as unknown as { _socket: { pause(): void } })._socket.pause();
    expect(t.server.drafts.connections).toBe(2);
    // The server ends it (the paused client cannot even read the close): one connection left.
    for (const end = Date.now() + 30 * TICK_MS; t.server.drafts.connections > 1 && Date.now() < end; ) await new Promise((r) => setTimeout(r, 20));
    expect(t.server.drafts.connections).toBe(1);
    expect(healthy.ws.readyState).toBe(healthy.ws.OPEN);
    healthy.ws.close();
  });
});
