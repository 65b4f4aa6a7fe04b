import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Audience, ProjectedEvent } from '@dr/shared';
import { EventBatcher, type EventsMessage } from './EventBatcher.ts';

const hidden = (version: number): ProjectedEvent => ({ version, type: 'hidden' });
const msg = (...versions: number[]): EventsMessage => ({ version: versions[versions.length - 1]!, events: versions.map(hidden) });

describe('EventBatcher', () => {
  let sent: Array<{ roomId: string; audience: Audience; message: EventsMessage }>;
  let batcher: EventBatcher;
  beforeEach(() => {
    vi.useFakeTimers();
    sent = [];
    batcher = new EventBatcher((roomId, audience, message) => sent.push({ roomId, audience, message: structuredClone(message) }), 10, 40);
  });
  afterEach(() => {
    batcher.close();
    vi.useRealTimers();
  });

  it('sends a lone message at once', () => {
    batcher.push('r', 'participant', msg(1));
    expect(sent.map((s) => s.message)).toEqual([msg(1)]);
  });

  it('merges what arrives within the window into one message with consecutive versions', () => {
    batcher.push('r', 'participant', msg(1));
    batcher.push('r', 'participant', msg(2));
    batcher.push('r', 'participant', msg(3, 4));
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(10);
    expect(sent.map((s) => s.message)).toEqual([msg(1), msg(2, 3, 4)]);
  });

  it('widens the window while every window is busy, up to the maximum, and starts over after a quiet one', () => {
    let version = 0;
    const busyFor = (ms: number) => {
      for (let t = 0; t < ms; t++) {
        batcher.push('r', 'participant', msg(++version));
        vi.advanceTimersByTime(1);
      }
    };
    busyFor(150);
    const times = sent.length;
    // 1 at once, then windows of 10, 20, 40, 40, 40 ms: 5 more in 150 ms instead of 15.
    expect(times).toBe(6);
    expect(sent.flatMap((s) => s.message.events.map((e) => e.version))).toEqual(Array.from({ length: sent.flatMap((s) => s.message.events).length }, (_, i) => i + 1));
    vi.advanceTimersByTime(100);
    const settled = sent.length;
    batcher.push('r', 'participant', msg(++version));
    expect(sent).toHaveLength(settled + 1);
    expect(sent[sent.length - 1]!.message.version).toBe(version);
  });

  it('goes back to sending at once after a quiet window', () => {
    batcher.push('r', 'participant', msg(1));
    vi.advanceTimersByTime(25);
    batcher.push('r', 'participant', msg(2));
    expect(sent.map((s) => s.message.version)).toEqual([1, 2]);
  });

  it('keeps rooms and audiences apart', () => {
    batcher.push('r', 'participant', msg(1));
    batcher.push('r', 'moderator', msg(1));
    batcher.push('s', 'participant', msg(7));
    expect(sent.map((s) => `${s.roomId}/${s.audience}/${s.message.version}`)).toEqual(['r/participant/1', 'r/moderator/1', 's/participant/7']);
  });

  it('flushes one room on demand, in order, leaving other rooms held', () => {
    batcher.push('r', 'participant', msg(1));
    batcher.push('r', 'participant', msg(2));
    batcher.push('s', 'participant', msg(1));
    batcher.push('s', 'participant', msg(2));
    batcher.flushRoom('r');
    expect(sent.map((s) => `${s.roomId}:${s.message.version}`)).toEqual(['r:1', 's:1', 'r:2']);
    batcher.close();
    expect(sent.map((s) => `${s.roomId}:${s.message.version}`)).toEqual(['r:1', 's:1', 'r:2', 's:2']);
  });
});
