import { remainingMs, type Breakout } from '@dr/shared';
import { formatCountdown } from './format.ts';

export interface BreakoutTime {
  /** Never below zero: the server ends the breakout at zero, there is no overtime. */
  remainingMs: number;
  text: string;
  paused: boolean;
  /** Inside the warning lead, or the server already sent `breakout.warned`. */
  warning: boolean;
}

/**
 * What every screen shows of the breakout clock. The warning also shows from the clock
 * alone, so a phone that missed `breakout.warned` (asleep, reconnecting) still warns;
 * like the server, a breakout shorter than the lead gets no warning.
 */
export function breakoutTime(breakout: Breakout, warningMs: number, now: number): BreakoutTime {
  const left = Math.max(0, remainingMs(breakout.clock, now));
  const warning = breakout.warned || (breakout.clock.durationMs > warningMs && left <= warningMs);
  return { remainingMs: left, text: formatCountdown(left), paused: breakout.status === 'paused', warning };
}
