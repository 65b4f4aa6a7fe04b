import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyState, type ProjectedEvent, type RoomState } from '@dr/shared';
import { RoomClient, STORAGE_BACK_NOTE_MS } from './RoomClient.ts';
import type { RoomSocket } from './socketTypes.ts';

type Handler = (...args: any[]) => void;

/** Just enough of a socket.io client socket to drive RoomClient by hand. */
function fakeSocket() {
  const handlers = new Map<string, Handler[]>();
  const emitted: { event: string; args: any[] }[] = [];
  const socket = {
    connected: false,
    active: true,
    on(event: string, h: Handler) {
      handlers.set(event, [...(handlers.get(event) ?? []), h]);
      return socket;
    },
    timeout: () => ({ emit: (event: string, ...args: any[]) => void emitted.push({ event, args }) }),
    connect: vi.fn(),
    disconnect: vi.fn(() => void (socket.connected = false)),
    removeAllListeners: () => handlers.clear(),
    /** Server → client. */
    fire(event: string, ...args: any[]) {
      if (event === 'connect') socket.connected = true;
      for (const h of handlers.get(event) ?? []) h(...args);
    },
    emitted,
  };
  return socket;
}

const state = (): RoomState => ({ ...emptyState('r1'), title: 'Panel', joinCode: 'ABC234' });
const joined = (version: number, id: string): ProjectedEvent => ({ version, type: 'participant.joined', at: 1, participantId: id, name: id, language: null });

function setup() {
  const socket = fakeSocket();
  const client = new RoomClient({ roomId: 'r1', key: 'k'.repeat(20), createSocket: () => socket as unknown as RoomSocket });
  client.start();
  socket.fire('connect');
  socket.fire('welcome', { role: 'moderator', participantId: null, protocol: 1, serverNow: Date.now(), publicUrl: 'http://hall' });
  socket.fire('snapshot', { version: 3, state: state() });
  return { socket, client, syncs: () => socket.emitted.filter((e) => e.event === 'sync') };
}

describe('RoomClient', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('is online with the snapshot applied', () => {
    const { client } = setup();
    expect(client.getSnapshot()).toMatchObject({ status: 'online', role: 'moderator', tableId: null, version: 3, publicUrl: 'http://hall' });
  });

  it('knows the table a facilitator link runs', () => {
    const { socket, client } = setup();
    socket.fire('welcome', { role: 'facilitator', participantId: null, tableId: 't1', protocol: 1, serverNow: Date.now(), publicUrl: 'http://hall' });
    expect(client.getSnapshot()).toMatchObject({ role: 'facilitator', participantId: null, tableId: 't1' });
  });

  it('folds consecutive events and keeps the snapshot object stable otherwise', () => {
    const { socket, client } = setup();
    const before = client.getSnapshot();
    socket.fire('events', { version: 3, events: [] });
    expect(client.getSnapshot()).toBe(before);
    socket.fire('events', { version: 4, events: [joined(4, 'p1')] });
    expect(client.getSnapshot().version).toBe(4);
    expect(Object.keys(client.getSnapshot().state!.participants)).toEqual(['p1']);
  });

  it('asks for what it missed after a gap, then applies the answer', () => {
    const { socket, client, syncs } = setup();
    socket.fire('events', { version: 6, events: [joined(6, 'p3')] });
    expect(syncs()).toHaveLength(1);
    expect(syncs()[0]!.args[0]).toEqual({ since: 3 });
    // A second gap while the first sync is out does not send another request.
    socket.fire('events', { version: 7, events: [joined(7, 'p4')] });
    expect(syncs()).toHaveLength(1);
    const ack = syncs()[0]!.args[1] as (err: Error | null, a: unknown) => void;
    ack(null, { ok: true, version: 6, events: [joined(4, 'p1'), joined(5, 'p2'), joined(6, 'p3')] });
    expect(client.getSnapshot().version).toBe(6);
    // Version 7 was announced but dropped at the gap: ask again from 6.
    expect(syncs()).toHaveLength(2);
    expect(syncs()[1]!.args[0]).toEqual({ since: 6 });
  });

  it('re-syncs from its version on every reconnect', () => {
    const { socket, client, syncs } = setup();
    socket.fire('disconnect', 'transport close');
    expect(client.getSnapshot().status).toBe('reconnecting');
    socket.fire('connect');
    expect(client.getSnapshot().status).toBe('online');
    expect(syncs().at(-1)!.args[0]).toEqual({ since: 3 });
  });

  it('stops for good on a fatal refusal or a closed message', () => {
    const a = setup();
    a.socket.fire('connect_error', new Error('unauthorized'));
    expect(a.client.getSnapshot()).toMatchObject({ status: 'refused', refusal: 'unauthorized' });
    expect(a.socket.disconnect).toHaveBeenCalled();
    const b = setup();
    b.socket.fire('closed', { reason: 'revoked' });
    expect(b.client.getSnapshot()).toMatchObject({ status: 'closed', closedReason: 'revoked' });
  });

  it('replaces its state with a snapshot that arrives at any time (moved to another table)', () => {
    const { socket, client, syncs } = setup();
    socket.fire('events', { version: 4, events: [joined(4, 'p1')] });
    // The server re-homes the socket: a fresh projection for the new audience, same version line.
    const moved = { ...state(), title: 'Panel', tables: [] };
    socket.fire('snapshot', { version: 5, state: { ...moved, participants: { p1: { ...client.getSnapshot().state!.participants.p1!, name: 'moved' } } } });
    expect(client.getSnapshot().version).toBe(5);
    expect(client.getSnapshot().state!.participants.p1!.name).toBe('moved');
    // Later events fold onto the new state, without a sync.
    socket.fire('events', { version: 6, events: [joined(6, 'p2')] });
    expect(Object.keys(client.getSnapshot().state!.participants)).toEqual(['p1', 'p2']);
    expect(syncs()).toHaveLength(0);
  });

  it('tracks presence', () => {
    const { socket, client } = setup();
    socket.fire('presence', { online: ['p1', 'p2'] });
    expect([...client.getSnapshot().online]).toEqual(['p1', 'p2']);
  });

  it('shows storage down, then "back" for a moment, then nothing', () => {
    const { socket, client } = setup();
    socket.fire('storage', { status: 'up' });
    expect(client.getSnapshot().storage).toBe('ok');
    socket.fire('storage', { status: 'down' });
    expect(client.getSnapshot().storage).toBe('down');
    socket.fire('storage', { status: 'up' });
    expect(client.getSnapshot().storage).toBe('back');
    vi.advanceTimersByTime(STORAGE_BACK_NOTE_MS - 1);
    expect(client.getSnapshot().storage).toBe('back');
    vi.advanceTimersByTime(1);
    expect(client.getSnapshot().storage).toBe('ok');
    // Down again during the "back" note: down, and the note's timer does not clear it.
    socket.fire('storage', { status: 'down' });
    socket.fire('storage', { status: 'up' });
    socket.fire('storage', { status: 'down' });
    vi.advanceTimersByTime(2 * STORAGE_BACK_NOTE_MS);
    expect(client.getSnapshot().storage).toBe('down');
  });

  it('does not send a command while storage is down, and says so at once', async () => {
    const { socket, client } = setup();
    socket.fire('storage', { status: 'down' });
    const ack = await client.send({ type: 'floor.next' });
    expect(ack).toMatchObject({ ok: false, error: { code: 'unavailable', reason: 'storage_down' } });
    expect(socket.emitted.filter((e) => e.event === 'command')).toHaveLength(0);
    socket.fire('storage', { status: 'up' });
    void client.send({ type: 'floor.next' });
    expect(socket.emitted.filter((e) => e.event === 'command')).toHaveLength(1);
  });

  it('forgets the storage state while disconnected; the server says it again on connect', () => {
    const { socket, client } = setup();
    socket.fire('storage', { status: 'down' });
    socket.fire('disconnect', 'transport close');
    expect(client.getSnapshot()).toMatchObject({ status: 'reconnecting', storage: 'ok' });
    socket.fire('connect');
    socket.fire('storage', { status: 'down' });
    expect(client.getSnapshot()).toMatchObject({ status: 'online', storage: 'down' });
  });
});
