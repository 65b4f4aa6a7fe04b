import { breakoutTime, type BreakoutTime } from '../../lib/breakoutTime.ts';
import { useRoomState, useServerNow } from '../../room/hooks.ts';

/** The breakout's countdown in server time (null outside a breakout), four times a second. */
export function useBreakoutTime(): BreakoutTime | null {
  const state = useRoomState();
  const now = useServerNow(250);
  return state.breakout ? breakoutTime(state.breakout, state.settings.breakoutWarningMs, now) : null;
}
