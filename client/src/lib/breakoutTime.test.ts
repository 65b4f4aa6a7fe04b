import { describe, expect, it } from 'vitest';
import type { Breakout } from '@dr/shared';
import { breakoutTime } from './breakoutTime.ts';

const running = (durationMs: number, startedAt = 0, warned = false): Breakout => ({ status: 'running', clock: { durationMs, startedAt, elapsedMs: 0 }, startedAt, warned });

describe('breakoutTime', () => {
  it('counts down and warns inside the lead', () => {
    expect(breakoutTime(running(600_000), 60_000, 0)).toMatchObject({ text: '10:00', warning: false, paused: false });
    expect(breakoutTime(running(600_000), 60_000, 539_000)).toMatchObject({ text: '1:01', warning: false });
    expect(breakoutTime(running(600_000), 60_000, 540_000)).toMatchObject({ text: '1:00', warning: true });
  });

  it('warns when the server said so, and never for a breakout shorter than the lead', () => {
    expect(breakoutTime(running(600_000, 0, true), 60_000, 0).warning).toBe(true);
    expect(breakoutTime(running(30_000), 60_000, 29_000).warning).toBe(false);
  });

  it('stops at zero and shows a pause', () => {
    expect(breakoutTime(running(10_000), 5_000, 12_000)).toMatchObject({ remainingMs: 0, text: '0:00' });
    const paused: Breakout = { status: 'paused', clock: { durationMs: 60_000, startedAt: null, elapsedMs: 15_000 }, startedAt: 0, warned: false };
    expect(breakoutTime(paused, 10_000, 999_999)).toMatchObject({ text: '0:45', paused: true });
  });
});
