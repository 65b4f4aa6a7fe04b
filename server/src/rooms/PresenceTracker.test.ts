import { afterEach, describe, expect, it, vi } from 'vitest';
import { PRESENCE_COALESCE_MS, PRESENCE_HEARTBEAT_MS, PRESENCE_STALE_MS, PresenceTracker } from './PresenceTracker.ts';

describe('PresenceTracker', () => {
  afterEach(() => vi.useRealTimers());

  it('reports the union of this node and the other nodes, coalesced, and publishes only its own list', () => {
    vi.useFakeTimers();
    const reports: string[][] = [];
    const published: string[][] = [];
    const t = new PresenceTracker((o) => reports.push([...o].sort()), (o) => published.push([...o].sort()));
    t.connected('a');
    t.connected('a');
    t.remoteUpdate('node-2', ['b', 'c']);
    vi.advanceTimersByTime(PRESENCE_COALESCE_MS);
    expect(reports).toEqual([['a', 'b', 'c']]);
    expect(published).toEqual([['a']]);
    expect([t.has('a'), t.has('b'), t.has('z')]).toEqual([true, true, false]);
    // One of two connections closing keeps 'a' online.
    t.disconnected('a');
    t.remoteUpdate('node-2', ['c']);
    vi.advanceTimersByTime(PRESENCE_COALESCE_MS);
    expect(reports.at(-1)).toEqual(['a', 'c']);
    t.dispose();
    expect(published.at(-1)).toEqual([]);
  });

  it('forgets a node that stopped repeating its list, and repeats its own on a heartbeat', () => {
    vi.useFakeTimers();
    const reports: string[][] = [];
    const published: string[][] = [];
    const t = new PresenceTracker((o) => reports.push([...o].sort()), (o) => published.push([...o]));
    t.connected('a');
    t.remoteUpdate('dead-node', ['b']);
    vi.advanceTimersByTime(PRESENCE_COALESCE_MS);
    expect(t.has('b')).toBe(true);
    vi.advanceTimersByTime(PRESENCE_STALE_MS + PRESENCE_HEARTBEAT_MS);
    expect(t.has('b')).toBe(false);
    expect(reports.at(-1)).toEqual(['a']);
    expect(published.filter((p) => p.join() === 'a').length).toBeGreaterThanOrEqual(3);
    t.dispose();
  });
});
