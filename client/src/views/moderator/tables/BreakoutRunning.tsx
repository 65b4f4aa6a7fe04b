import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { useCommand } from '../../../room/hooks.ts';
import { useBreakoutTime } from '../../common/useBreakoutTime.ts';
import { ConfirmButton } from '../ConfirmButton.tsx';

const MINUTE = 60_000;

/** The breakout in progress: its clock, pause or resume, more time, or everyone back now. */
export function BreakoutRunning() {
  const { t } = useI18n();
  const send = useCommand();
  const time = useBreakoutTime();
  if (!time) return null;
  const phase = time.paused ? 'paused' : time.warning ? 'ending' : 'running';
  return (
    <div className="breakout-running">
      <p className={`desk-timer phase-${phase}`}>
        <span className="desk-timer-value" data-testid="desk-breakout-remaining">
          {time.text}
        </span>
        <span className="desk-timer-label">{time.paused ? t('breakout.paused') : time.warning ? t('breakout.warning-title') : t('breakout.left')}</span>
      </p>
      <div className="button-row">
        {time.paused ? (
          <button type="button" className="button button-primary" onClick={() => send({ type: 'breakout.resume' })} data-testid="breakout-resume">
            {t('desk.resume')}
          </button>
        ) : (
          <button type="button" className="button" onClick={() => send({ type: 'breakout.pause' })} data-testid="breakout-pause">
            {t('desk.pause')}
          </button>
        )}
        <button type="button" className="button" onClick={() => send({ type: 'breakout.extend', ms: MINUTE })} data-testid="breakout-extend-1">
          {t('breakout.add-1')}
        </button>
        <button type="button" className="button" onClick={() => send({ type: 'breakout.extend', ms: 5 * MINUTE })} data-testid="breakout-extend-5">
          {t('breakout.add-5')}
        </button>
        <ConfirmButton label={t('breakout.end')} confirmLabel={t('breakout.end-confirm')} danger onConfirm={() => send({ type: 'breakout.end' })} testId="breakout-end" />
      </div>
    </div>
  );
}
