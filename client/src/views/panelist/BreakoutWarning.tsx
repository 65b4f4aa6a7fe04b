import { useEffect } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useBreakoutTime } from '../common/useBreakoutTime.ts';

/** A short buzz where phones can (Android); a phone on the table is often face down. */
const BUZZ_MS = 300;

/**
 * "Almost time", pinned to the top of the screen so it is seen even by someone scrolled
 * down to their hand button. The alert says it once; the countdown beside it is kept out
 * of the alert, or a screen reader would repeat it every second.
 */
export function BreakoutWarning() {
  const { t } = useI18n();
  const time = useBreakoutTime();
  const show = time !== null && time.warning && !time.paused;
  useEffect(() => {
    if (show) navigator.vibrate?.(BUZZ_MS);
  }, [show]);
  if (!show) return null;
  return (
    <section className="warning-banner" data-testid="warning-banner">
      <div role="alert">
        <p className="warning-title">{t('breakout.warning-title')}</p>
        <p>{t('breakout.warning-text')}</p>
      </div>
      <p className="warning-time" aria-hidden="true">
        {time.text}
      </p>
    </section>
  );
}
