import { describe, expect, it } from 'vitest';
import { backoffDelayMs } from './backoff.ts';

describe('backoffDelayMs', () => {
  it('doubles from 1 s and caps at 30 s', () => {
    const noJitter = () => 0;
    expect([0, 1, 2, 3, 4, 5, 6, 20].map((a) => backoffDelayMs(a, noJitter))).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000]);
  });

  it('jitters down by at most half', () => {
    expect(backoffDelayMs(3, () => 1)).toBe(4000);
    expect(backoffDelayMs(3, () => 0.5)).toBe(6000);
  });
});
