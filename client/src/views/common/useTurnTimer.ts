import { remainingMs, type Speaker } from '@dr/shared';
import type { TranslationKey } from '../../i18n/translate.ts';
import { formatCountdown } from '../../lib/format.ts';
import { timerPhase, type TimerPhase } from '../../lib/timerPhase.ts';
import { useServerNow } from '../../room/hooks.ts';

export interface TurnTimer {
  text: string;
  phase: TimerPhase;
  remainingMs: number;
}

/** The current turn's countdown in server time, refreshed four times a second. */
export function useTurnTimer(speaker: Speaker | null): TurnTimer | null {
  const now = useServerNow(250);
  if (!speaker) return null;
  const left = remainingMs(speaker.clock, now);
  return { text: formatCountdown(left), phase: timerPhase(speaker.clock, now), remainingMs: left };
}

/** The words next to the countdown: the state is never told by colour alone. */
export const PHASE_LABELS: Record<TimerPhase, TranslationKey> = {
  running: 'timer.left',
  ending: 'timer.ending',
  overtime: 'timer.overtime',
  paused: 'timer.paused',
};
