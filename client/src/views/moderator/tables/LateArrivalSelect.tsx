import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { useCommand, useRoomState } from '../../../room/hooks.ts';
import { tableName } from '../../common/tableName.ts';

/** Where people who join once tables exist are seated: a chosen table, or the smallest one. */
export function LateArrivalSelect() {
  const { t } = useI18n();
  const state = useRoomState();
  const send = useCommand();
  return (
    <div className="field late-arrival">
      <label htmlFor="late-arrival" className="field-label">
        {t('tables.late-arrival')}
      </label>
      <select
        id="late-arrival"
        value={state.settings.lateArrivalTableId ?? ''}
        onChange={(e) => send({ type: 'room.update', lateArrivalTableId: e.target.value || null })}
        aria-describedby="late-arrival-hint"
        data-testid="late-arrival"
      >
        <option value="">{t('tables.late-arrival-smallest')}</option>
        {state.tables.map((table) => (
          <option key={table.id} value={table.id}>
            {tableName(t, table)}
          </option>
        ))}
      </select>
      <p id="late-arrival-hint" className="field-hint">
        {t('tables.late-arrival-hint')}
      </p>
    </div>
  );
}
