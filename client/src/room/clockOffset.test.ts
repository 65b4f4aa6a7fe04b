import { describe, expect, it } from 'vitest';
import { bestSample, estimateOffsetMs, sampleOffsetMs } from './clockOffset.ts';

describe('clock offset', () => {
  it('assumes the server answered halfway through the round trip', () => {
    expect(sampleOffsetMs({ t0: 1000, t1: 1100, serverNow: 5050 })).toBe(4000);
  });

  it('keeps the sample with the least round trip', () => {
    const samples = [
      { t0: 0, t1: 400, serverNow: 10_300 }, // slow, skewed
      { t0: 1000, t1: 1020, serverNow: 11_010 }, // fast: offset 10 000
      { t0: 2000, t1: 2100, serverNow: 12_000 },
    ];
    expect(bestSample(samples)).toBe(samples[1]);
    expect(estimateOffsetMs(samples)).toBe(10_000);
  });

  it('ignores samples where the local clock went backwards', () => {
    expect(estimateOffsetMs([{ t0: 50, t1: 10, serverNow: 0 }])).toBeNull();
    expect(estimateOffsetMs([])).toBeNull();
  });
});
