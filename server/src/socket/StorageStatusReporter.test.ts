import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StorageMessage } from '@dr/shared';
import { StoreHealth } from '../store/StoreHealth.ts';
import { STORAGE_DOWN_REPORT_DELAY_MS, StorageStatusReporter } from './StorageStatusReporter.ts';

/** A real StoreHealth stands in for the store: the reporter only reads `healthy` and its changes. */
function setup(startHealthy = true) {
  const health = new StoreHealth();
  health.set(startHealthy);
  const store = { get healthy() { return health.healthy; }, onHealthChange: (l: (h: boolean) => void) => health.onChange(l) };
  const sent: StorageMessage['status'][] = [];
  const reporter = new StorageStatusReporter(store, (m) => sent.push(m.status));
  return { health, sent, reporter };
}

describe('StorageStatusReporter', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('sends nothing for a blip shorter than the delay', () => {
    const { health, sent, reporter } = setup();
    health.set(false);
    vi.advanceTimersByTime(STORAGE_DOWN_REPORT_DELAY_MS - 1);
    health.set(true);
    vi.advanceTimersByTime(10 * STORAGE_DOWN_REPORT_DELAY_MS);
    expect(sent).toEqual([]);
    expect(reporter.current).toEqual({ status: 'up' });
  });

  it('sends `down` after the delay, nothing while it flaps down, and `up` at once', () => {
    const { health, sent, reporter } = setup();
    health.set(false);
    vi.advanceTimersByTime(STORAGE_DOWN_REPORT_DELAY_MS);
    expect(sent).toEqual(['down']);
    expect(reporter.current).toEqual({ status: 'down' });
    // Back: `up` at once; a new drop shorter than the delay then sends nothing.
    health.set(true);
    expect(sent).toEqual(['down', 'up']);
    health.set(false);
    vi.advanceTimersByTime(STORAGE_DOWN_REPORT_DELAY_MS / 2);
    health.set(true);
    expect(sent).toEqual(['down', 'up']);
  });

  it('a store already down when the node starts is reported after the delay', () => {
    const { sent, reporter } = setup(false);
    expect(reporter.current.status).toBe('up');
    vi.advanceTimersByTime(STORAGE_DOWN_REPORT_DELAY_MS);
    expect(sent).toEqual(['down']);
  });

  it('reports nothing after stop', () => {
    const { health, sent, reporter } = setup();
    health.set(false);
    reporter.stop();
    vi.advanceTimersByTime(10 * STORAGE_DOWN_REPORT_DELAY_MS);
    health.set(true);
    expect(sent).toEqual([]);
  });
});
