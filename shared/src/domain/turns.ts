import { elapsedMs } from './clock.ts';
import type { Draft } from './decision.ts';
import type { Floor } from './state.ts';

/** `tableId` on an event only when it concerns a table's floor. */
export const at = (tableId: string | undefined) => (tableId === undefined ? {} : { tableId });

/** The current turn's end on a floor, if someone has it; the spoken time feeds the statistics. */
export function endTurn(floor: Floor, tableId: string | undefined, now: number): Draft | null {
  const s = floor.speaker;
  return s ? { type: 'floor.ended', ...at(tableId), participantId: s.participantId, spokenMs: s.spokenBeforeResetMs + elapsedMs(s.clock, now) } : null;
}
