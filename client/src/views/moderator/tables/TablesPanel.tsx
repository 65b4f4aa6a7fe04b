import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { useCommand, useRoomState } from '../../../room/hooks.ts';
import { ConfirmButton } from '../ConfirmButton.tsx';
import { LateArrivalSelect } from './LateArrivalSelect.tsx';
import { TableRow } from './TableRow.tsx';
import { TablesCreateForm } from './TablesCreateForm.tsx';

/** The tables: add some, name them, set their language and facilitator, share a facilitator link; or remove them all. */
export function TablesPanel({ moderatorKey }: { moderatorKey: string }) {
  const { t } = useI18n();
  const state = useRoomState();
  const send = useCommand();
  const tables = state.tables;
  return (
    <section className="panel tables-panel" aria-labelledby="tables-title">
      <div className="panel-head">
        <h2 id="tables-title">{t('tables.title')}</h2>
        <span className="count">{t('tables.count', { count: tables.length })}</span>
      </div>
      {/* Adding comes first: it is the first step, and a long list would push it out of sight. */}
      <TablesCreateForm />
      {tables.length === 0 ? <p className="empty">{t('tables.none')}</p> : null}
      <ol className="table-rows" data-testid="table-rows">
        {tables.map((table) => (
          <TableRow key={table.id} table={table} moderatorKey={moderatorKey} />
        ))}
      </ol>
      {tables.length > 0 ? <LateArrivalSelect /> : null}
      {tables.length > 0 && !state.breakout ? (
        <div className="tables-clear">
          <ConfirmButton label={t('tables.clear')} confirmLabel={t('tables.clear-confirm')} danger onConfirm={() => send({ type: 'tables.clear' })} testId="tables-clear" />
        </div>
      ) : null}
    </section>
  );
}
