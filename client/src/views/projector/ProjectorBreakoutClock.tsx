import { useRoomState } from '../../room/hooks.ts';
import { useBreakoutTime } from '../common/useBreakoutTime.ts';
import { Bilingual } from './Bilingual.tsx';

/** The time left at the tables, the largest thing on the wall; its state in words too. */
export function ProjectorBreakoutClock() {
  const second = useRoomState().secondLanguage;
  const time = useBreakoutTime();
  if (!time) return null;
  const phase = time.paused ? 'paused' : time.warning ? 'ending' : 'running';
  const label = time.paused ? 'breakout.paused' : time.warning ? 'breakout.warning-title' : 'breakout.back-in';
  return (
    <div className={`projector-breakout-clock phase-${phase}`}>
      <p className="projector-label">
        <Bilingual k={label} second={second} />
      </p>
      <p className="projector-breakout-time" data-testid="projector-breakout-remaining">
        {time.text}
      </p>
    </div>
  );
}
