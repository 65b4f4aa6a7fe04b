import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { useOnline, useRoomState, useServerNow } from '../../../room/hooks.ts';
import { TableCard } from './TableCard.tsx';

/**
 * Every table at a glance during a breakout: who speaks and for how long, the go-round,
 * the queue, who is connected, and calls for help (highlighted until answered). One clock
 * for all cards, so twenty tables cost one timer.
 */
export function TableOverview() {
  const { t, tn } = useI18n();
  const state = useRoomState();
  const online = useOnline();
  const now = useServerNow(500);
  const calls = state.tables.filter((x) => x.helpRequestedAt !== null).length;
  return (
    <section className="panel overview-panel" aria-labelledby="overview-title">
      <div className="panel-head">
        <h2 id="overview-title">{t('overview.title')}</h2>
        <span className={calls > 0 ? 'count overview-calls' : 'count'}>{calls > 0 ? tn('desk.help-calls', calls) : t('overview.no-calls')}</span>
      </div>
      <ul className="overview-grid" data-testid="overview-grid">
        {state.tables.map((table) => (
          <TableCard key={table.id} table={table} now={now} online={online} />
        ))}
      </ul>
    </section>
  );
}
