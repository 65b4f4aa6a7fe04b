import type { Language, Participant, Table } from '@dr/shared';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { useCommand, useRoomState } from '../../../room/hooks.ts';
import { tableName } from '../../common/tableName.ts';
import { LanguagesSelect } from './LanguagesSelect.tsx';

/** A person's languages and table, each applied as soon as it is chosen. */
export function PersonSeatFields({ participant: p, table }: { participant: Participant; table: Table | undefined }) {
  const { t } = useI18n();
  const state = useRoomState();
  const send = useCommand();
  const setLanguages = (languages: Language[]) => send({ type: 'participant.profile', participantId: p.id, languages });

  return (
    <div className="person-fields">
      <LanguagesSelect value={p.languages} onChange={setLanguages} label={t('people.languages-of', { name: p.name })} anyLabel={t('people.languages-unknown')} />
      <select
        value={table?.id ?? ''}
        onChange={(e) => send({ type: 'table.seat', participantId: p.id, tableId: e.target.value || null })}
        aria-label={t('people.table-of', { name: p.name })}
        disabled={state.tables.length === 0}
        data-testid="person-table"
      >
        <option value="">{t('people.no-table')}</option>
        {state.tables.map((x) => (
          <option key={x.id} value={x.id}>
            {tableName(t, x)}
          </option>
        ))}
      </select>
    </div>
  );
}
