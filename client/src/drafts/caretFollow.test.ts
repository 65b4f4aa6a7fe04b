import { describe, expect, it } from 'vitest';
import { inComfortZone } from './caretFollow.ts';

describe('inComfortZone', () => {
  const view = { top: 0, bottom: 1000 };
  it('leaves a caret in the middle alone and follows one near an edge or outside', () => {
    expect(inComfortZone({ top: 400, bottom: 440 }, view)).toBe(true);
    expect(inComfortZone({ top: 100, bottom: 140 }, view)).toBe(false);
    expect(inComfortZone({ top: 900, bottom: 940 }, view)).toBe(false);
    expect(inComfortZone({ top: 1500, bottom: 1540 }, view)).toBe(false);
  });

  it('measures against the scrolling box, wherever it is on the page', () => {
    expect(inComfortZone({ top: 600, bottom: 640 }, { top: 300, bottom: 1300 })).toBe(true);
  });
});
