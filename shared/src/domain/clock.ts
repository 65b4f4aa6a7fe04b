/**
 * A clock that never ticks on the server: everyone computes from server timestamps.
 * Running iff `startedAt !== null`; `elapsedMs` holds the time banked before the last start.
 */
export interface Clock {
  durationMs: number;
  startedAt: number | null;
  elapsedMs: number;
}

export function newClock(durationMs: number, startedAt: number | null): Clock {
  return { durationMs, startedAt, elapsedMs: 0 };
}

export function isRunning(clock: Clock): boolean {
  return clock.startedAt !== null;
}

export function elapsedMs(clock: Clock, now: number): number {
  return clock.elapsedMs + (clock.startedAt === null ? 0 : Math.max(0, now - clock.startedAt));
}

/** Negative once the clock is in overtime: overtime is shown, never cut. */
export function remainingMs(clock: Clock, now: number): number {
  return clock.durationMs - elapsedMs(clock, now);
}

export function startClock(clock: Clock, now: number): Clock {
  return clock.startedAt === null ? { ...clock, startedAt: now } : clock;
}

export function pauseClock(clock: Clock, now: number): Clock {
  return clock.startedAt === null ? clock : { ...clock, elapsedMs: elapsedMs(clock, now), startedAt: null };
}

export function extendClock(clock: Clock, ms: number): Clock {
  return { ...clock, durationMs: Math.max(0, clock.durationMs + ms) };
}

export function resetClock(clock: Clock): Clock {
  return { ...clock, elapsedMs: 0, startedAt: null };
}
