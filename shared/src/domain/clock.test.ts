import { describe, expect, it } from 'vitest';
import { clone } from './testRoom.ts';
import { elapsedMs, extendClock, isRunning, newClock, pauseClock, remainingMs, resetClock, startClock, type Clock } from './clock.ts';

const running = (durationMs: number, startedAt: number, banked = 0): Clock => ({ durationMs, startedAt, elapsedMs: banked });
const stopped = (durationMs: number, banked: number): Clock => ({ durationMs, startedAt: null, elapsedMs: banked });

describe('clock math', () => {
  it.each([
    { label: 'fresh running clock', clock: running(60_000, 1_000), now: 1_000, elapsed: 0, remaining: 60_000 },
    { label: 'running 20 s', clock: running(60_000, 1_000), now: 21_000, elapsed: 20_000, remaining: 40_000 },
    { label: 'running with banked time', clock: running(60_000, 1_000, 15_000), now: 11_000, elapsed: 25_000, remaining: 35_000 },
    { label: 'exactly at zero', clock: running(60_000, 0), now: 60_000, elapsed: 60_000, remaining: 0 },
    { label: 'overtime is negative', clock: running(60_000, 0), now: 75_000, elapsed: 75_000, remaining: -15_000 },
    { label: 'paused: time does not pass', clock: stopped(60_000, 10_000), now: 1e12, elapsed: 10_000, remaining: 50_000 },
    { label: 'now before start (client clock skew) never counts backwards', clock: running(60_000, 5_000, 2_000), now: 4_000, elapsed: 2_000, remaining: 58_000 },
  ])('$label', ({ clock, now, elapsed, remaining }) => {
    expect(elapsedMs(clock, now)).toBe(elapsed);
    expect(remainingMs(clock, now)).toBe(remaining);
  });

  it('newClock starts at zero, running iff it has a start', () => {
    expect(newClock(90_000, 7)).toEqual({ durationMs: 90_000, startedAt: 7, elapsedMs: 0 });
    expect(isRunning(newClock(90_000, 7))).toBe(true);
    expect(isRunning(newClock(90_000, null))).toBe(false);
  });
});

describe('clock transitions', () => {
  it('pause banks the elapsed time; start resumes from it', () => {
    const paused = pauseClock(running(60_000, 1_000, 5_000), 11_000);
    expect(paused).toEqual({ durationMs: 60_000, startedAt: null, elapsedMs: 15_000 });
    const resumed = startClock(paused, 50_000);
    expect(resumed).toEqual({ durationMs: 60_000, startedAt: 50_000, elapsedMs: 15_000 });
    expect(remainingMs(resumed, 55_000)).toBe(40_000);
  });

  it('start on a running clock and pause on a paused one change nothing', () => {
    const r = running(60_000, 1_000);
    const s = stopped(60_000, 3_000);
    expect(startClock(r, 9_000)).toBe(r);
    expect(pauseClock(s, 9_000)).toBe(s);
  });

  it.each([
    { duration: 60_000, ms: 30_000, after: 90_000 },
    { duration: 60_000, ms: -30_000, after: 30_000 },
    { duration: 60_000, ms: -60_000, after: 0 },
    { duration: 60_000, ms: -90_000, after: 0 },
  ])('extend $duration by $ms → $after (never below zero)', ({ duration, ms, after }) => {
    const clock = running(duration, 0, 1_000);
    expect(extendClock(clock, ms)).toEqual({ ...clock, durationMs: after });
  });

  it.each([{ clock: running(60_000, 0, 4_000) }, { clock: stopped(60_000, 70_000) }])('reset stops and zeroes $clock', ({ clock }) => {
    const reset = resetClock(clock);
    expect(reset).toEqual({ durationMs: 60_000, startedAt: null, elapsedMs: 0 });
    expect(remainingMs(reset, 1e9)).toBe(60_000);
  });

  it('transitions never mutate their input', () => {
    const clock = running(60_000, 1_000, 2_000);
    const copy = clone(clock);
    pauseClock(clock, 5_000);
    extendClock(clock, 10_000);
    resetClock(clock);
    startClock(stopped(1, 1), 3);
    expect(clock).toEqual(copy);
  });
});
