import { DRAFT_CLOSE, DRAFT_FULL_REASON } from '@dr/shared';
import * as encoding from 'lib0/encoding';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as auth from 'y-protocols/auth';
import { messageAuth } from 'y-websocket';
import { DraftSession } from './DraftSession.ts';

/** Just enough of a browser WebSocket for y-websocket; the test drives open, close and messages. */
class FakeSocket {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;
  static all: FakeSocket[] = [];
  readonly OPEN = 1;
  readyState = 0;
  binaryType = 'blob';
  sent: Uint8Array[] = [];
  onopen: (() => void) | null = null;
  onclose: ((e: { code: number; reason: string }) => void) | null = null;
  onmessage: ((e: { data: ArrayBuffer }) => void) | null = null;
  onerror: ((e: unknown) => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.all.push(this);
  }
  send(data: Uint8Array) {
    this.sent.push(data);
  }
  close() {
    this.readyState = 3;
  }
  open() {
    this.readyState = 1;
    this.onopen?.();
  }
  serverClose(code: number) {
    this.readyState = 3;
    this.onclose?.({ code, reason: '' });
  }
}

const open = () =>
  new DraftSession({ roomId: 'r1', key: 'k1', draft: { kind: 'table', tableId: 't1' }, serverUrl: 'ws://hall/yjs', WebSocket: FakeSocket as unknown as typeof WebSocket });

describe('DraftSession', () => {
  let sessions: DraftSession[] = [];
  const session = () => {
    const s = open();
    sessions.push(s);
    return s;
  };
  const last = () => FakeSocket.all[FakeSocket.all.length - 1]!;

  beforeEach(() => {
    vi.useFakeTimers();
    FakeSocket.all = [];
    // y-websocket's resync timer compares with the global constant.
    vi.stubGlobal('WebSocket', FakeSocket);
  });
  afterEach(() => {
    for (const s of sessions) s.destroy();
    sessions = [];
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('opens the document by its room name with the key, and is online once open', () => {
    const s = session();
    expect(last().url).toBe('ws://hall/yjs/r1/tables/t1?key=k1');
    expect(s.getSnapshot().status).toBe('connecting');
    last().open();
    expect(s.getSnapshot().status).toBe('online');
  });

  it('publishes no awareness for a reader, and the caret user for a writer', () => {
    const s = session();
    expect(s.provider.awareness.getLocalState()).toBeNull();
    s.setUser({ name: 'Amélie', color: '#0b6b5d', role: 'participant' });
    expect(s.provider.awareness.getLocalState()).toEqual({ user: { name: 'Amélie', color: '#0b6b5d', role: 'participant' } });
    s.setUser(null);
    expect(s.provider.awareness.getLocalState()).toBeNull();
  });

  it.each([DRAFT_CLOSE.bad_key, DRAFT_CLOSE.forbidden, DRAFT_CLOSE.unknown_document, DRAFT_CLOSE.room_deleted])('stops retrying after close code %i', async (code) => {
    const s = session();
    last().open();
    last().serverClose(code);
    expect(s.getSnapshot()).toMatchObject({ status: 'offline' });
    expect(s.getSnapshot().problem).not.toBeNull();
    const sockets = FakeSocket.all.length;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(FakeSocket.all.length).toBe(sockets);
    await expect(s.whenSynced(1000)).rejects.toThrow();
  });

  it.each([1006, DRAFT_CLOSE.flood, DRAFT_CLOSE.too_large, DRAFT_CLOSE.unavailable])('shows offline and tries again after close code %i', async (code) => {
    const s = session();
    last().open();
    last().serverClose(code);
    expect(s.getSnapshot().status).toBe('offline');
    const sockets = FakeSocket.all.length;
    await vi.advanceTimersByTimeAsync(31_000);
    expect(FakeSocket.all.length).toBe(sockets + 1);
    last().open();
    expect(s.getSnapshot()).toMatchObject({ status: 'online', problem: null });
  });

  it('reports a full document from the server’s permission-denied message', () => {
    const s = session();
    last().open();
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, messageAuth);
    auth.writePermissionDenied(encoder, DRAFT_FULL_REASON);
    last().onmessage?.({ data: encoding.toUint8Array(encoder).buffer as ArrayBuffer });
    expect(s.getSnapshot().problem).toBe('full');
  });
});
