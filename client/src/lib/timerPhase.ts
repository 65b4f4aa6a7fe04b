import { isRunning, remainingMs, type Clock } from '@dr/shared';

/** How a running turn should look: colour AND a text label, never colour alone. */
export type TimerPhase = 'paused' | 'running' | 'ending' | 'overtime';

/** The warning starts in the last 30 s, or the last 20 % of a short turn. */
export const WARN_MAX_MS = 30_000;
export const WARN_FRACTION = 0.2;

export function warnThresholdMs(durationMs: number): number {
  return Math.min(WARN_MAX_MS, durationMs * WARN_FRACTION);
}

export function timerPhase(clock: Clock, serverNow: number): TimerPhase {
  const left = remainingMs(clock, serverNow);
  if (left < 0) return 'overtime';
  if (!isRunning(clock)) return 'paused';
  return left <= warnThresholdMs(clock.durationMs) ? 'ending' : 'running';
}
