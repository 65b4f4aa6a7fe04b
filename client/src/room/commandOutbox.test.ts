import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Command, CommandAck } from '@dr/shared';
import { CommandOutbox, MAX_AGE_MS, MAX_ATTEMPTS, type CommandTransport } from './commandOutbox.ts';

type Callback = (error: Error | null, ack?: CommandAck) => void;

function fakeTransport() {
  const sent: { command: Command; callback: Callback }[] = [];
  const t: CommandTransport & { online: boolean; sent: typeof sent } = {
    online: true,
    sent,
    connected: () => t.online,
    emit: (command, callback) => void sent.push({ command, callback }),
  };
  return t;
}

const OK: CommandAck = { ok: true, version: 7 };
const UNAVAILABLE: CommandAck = { ok: false, error: { code: 'unavailable', message: 'store down' } };
const CONFLICT: CommandAck = { ok: false, error: { code: 'conflict', message: 'x', reason: 'queue_empty' } };

describe('CommandOutbox', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('sends with a fresh id and resolves with the ack', async () => {
    const t = fakeTransport();
    const outbox = new CommandOutbox(t);
    const done = outbox.send({ type: 'floor.next' });
    expect(t.sent[0]!.command).toMatchObject({ type: 'floor.next', id: expect.any(String) });
    t.sent[0]!.callback(null, OK);
    await expect(done).resolves.toEqual(OK);
    expect(outbox.size).toBe(0);
  });

  it('does not retry a fatal error', async () => {
    const t = fakeTransport();
    const done = new CommandOutbox(t).send({ type: 'floor.next' });
    t.sent[0]!.callback(null, CONFLICT);
    await expect(done).resolves.toEqual(CONFLICT);
    expect(t.sent).toHaveLength(1);
  });

  it('retries `unavailable` with the same id after a backoff', async () => {
    const t = fakeTransport();
    const done = new CommandOutbox(t).send({ type: 'timer.start' });
    t.sent[0]!.callback(null, UNAVAILABLE);
    await vi.advanceTimersByTimeAsync(1000);
    expect(t.sent).toHaveLength(2);
    expect(t.sent[1]!.command.id).toBe(t.sent[0]!.command.id);
    t.sent[1]!.callback(null, OK);
    await expect(done).resolves.toEqual(OK);
  });

  it('waits while offline and sends on flush, ignoring the abandoned attempt', async () => {
    const t = fakeTransport();
    const outbox = new CommandOutbox(t);
    const done = outbox.send({ type: 'hand.raise', kind: 'speak' });
    t.online = false;
    outbox.disconnected();
    t.sent[0]!.callback(new Error('timeout'));
    await vi.advanceTimersByTimeAsync(5000);
    expect(t.sent).toHaveLength(1);
    t.online = true;
    outbox.flush();
    expect(t.sent).toHaveLength(2);
    expect(t.sent[1]!.command.id).toBe(t.sent[0]!.command.id);
    t.sent[1]!.callback(null, OK);
    await expect(done).resolves.toEqual(OK);
  });

  it('gives up after a bounded number of attempts', async () => {
    const t = fakeTransport();
    const done = new CommandOutbox(t).send({ type: 'floor.end' });
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      t.sent[i]!.callback(null, UNAVAILABLE);
      await vi.advanceTimersByTimeAsync(2 ** i * 1000);
    }
    expect(t.sent).toHaveLength(MAX_ATTEMPTS);
    await expect(done).resolves.toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });

  it('drops a command that waited too long offline rather than act on stale intent', async () => {
    let now = 0;
    const t = fakeTransport();
    t.online = false;
    const outbox = new CommandOutbox(t, () => now);
    const done = outbox.send({ type: 'floor.next' });
    now = MAX_AGE_MS + 1;
    t.online = true;
    outbox.flush();
    expect(t.sent).toHaveLength(0);
    await expect(done).resolves.toMatchObject({ ok: false, error: { reason: 'not_delivered' } });
  });

  it('failAll resolves everything still waiting', async () => {
    const t = fakeTransport();
    t.online = false;
    const outbox = new CommandOutbox(t);
    const done = outbox.send({ type: 'floor.end' });
    outbox.failAll();
    await expect(done).resolves.toMatchObject({ ok: false, error: { reason: 'not_delivered' } });
  });
});
