import { agendaTiming } from '@dr/shared';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDuration, formatSigned } from '../../lib/format.ts';
import { useRoomState, useServerNow } from '../../room/hooks.ts';
import { AgendaAddForm } from './AgendaAddForm.tsx';
import { AgendaRow } from './AgendaRow.tsx';

/** The agenda and how the session is doing against its plan. */
export function AgendaPanel() {
  const { t } = useI18n();
  const state = useRoomState();
  const now = useServerNow(1000);
  const timing = agendaTiming(state, now);
  const items = state.agenda.items;

  return (
    <section className="panel agenda-panel" aria-labelledby="agenda-title">
      <div className="panel-head">
        <h2 id="agenda-title">{t('desk.agenda')}</h2>
        {items.length > 0 ? <span className="count">{t('desk.planned-total', { time: formatDuration(timing.plannedTotalMs) })}</span> : null}
      </div>
      {items.length > 0 ? (
        <p className={timing.sessionOverMs > 0 ? 'session-timing over' : 'session-timing'} data-testid="session-timing">
          {timing.sessionOverMs > 0
            ? t('desk.session-over', { time: formatSigned(timing.sessionOverMs) })
            : timing.sessionOverMs < 0
              ? t('desk.session-under', { time: formatSigned(timing.sessionOverMs) })
              : t('desk.session-on-time')}
        </p>
      ) : (
        <p className="empty">{t('desk.agenda-empty')}</p>
      )}
      <ol className="agenda-list" data-testid="agenda-list">
        {items.map((item, i) => (
          <AgendaRow key={item.id} item={item} index={i} last={i === items.length - 1} timing={item.status === 'active' ? timing : null} />
        ))}
      </ol>
      <AgendaAddForm defaultSpeakingMs={state.settings.defaultSpeakingMs} />
    </section>
  );
}
