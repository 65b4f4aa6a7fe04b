import { describe, expect, it } from 'vitest';
import { planLayout } from './planLayout.ts';

describe('planLayout', () => {
  it.each([
    [[5, 5], 2],
    [[6, 6, 6, 6], 4],
    [[6, 6, 6, 6, 6], 5],
    [Array(8).fill(7), 4],
    [Array(12).fill(7), 6],
    [Array(20).fill(8), 5],
  ])('%j tables → %d columns', (counts, cols) => expect(planLayout(counts).cols).toBe(cols));

  it('prints smaller as tables fill up', () => {
    const size = (counts: number[]) => Number(planLayout(counts).fontSize.match(/min\(([\d.]+)vh/)![1]);
    expect(size([3, 3])).toBeGreaterThan(size([8, 8]));
    expect(size(Array(12).fill(6))).toBeLessThan(size([6, 6, 6]));
  });

  it('copes with no tables', () => expect(planLayout([]).cols).toBe(1));
});
