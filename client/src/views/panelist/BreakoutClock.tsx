import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useBreakoutTime } from '../common/useBreakoutTime.ts';

/** How long until everyone is back in the plenary. Not a live region: it ticks every second. */
export function BreakoutClock() {
  const { t } = useI18n();
  const time = useBreakoutTime();
  if (!time) return null;
  const phase = time.paused ? 'paused' : time.warning ? 'ending' : 'running';
  return (
    <p className={`breakout-clock phase-${phase}`}>
      <span className="breakout-clock-label">{time.paused ? t('breakout.paused') : t('breakout.time-left')}</span>
      <span className="breakout-clock-time" data-testid="breakout-remaining">
        {time.text}
      </span>
    </p>
  );
}
