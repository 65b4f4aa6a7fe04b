import { useEffect, useRef } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useRoomState } from '../../room/hooks.ts';

/**
 * The moderator's message to every table, until cleared. An alert, so a screen reader
 * says it as soon as it arrives; a message that arrives while the person is scrolled
 * down is brought into view ("Back to the plenary now" must not go unseen). One already
 * there when the view opens stays where it is.
 */
export function BroadcastBanner() {
  const { t } = useI18n();
  const broadcast = useRoomState().broadcast;
  const id = broadcast?.id ?? null;
  const shown = useRef(id);
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (id === null || id === shown.current) return;
    shown.current = id;
    const calm = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    ref.current?.scrollIntoView?.({ block: 'start', behavior: calm ? 'auto' : 'smooth' });
  }, [id]);
  if (!broadcast) return null;
  return (
    <section key={broadcast.id} ref={ref} className="broadcast-banner" role="alert" data-testid="broadcast-banner">
      <p className="broadcast-label">{t('broadcast.from-moderator')}</p>
      <p className="broadcast-text">{broadcast.text}</p>
    </section>
  );
}
