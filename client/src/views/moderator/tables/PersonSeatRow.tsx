import { canSit, tableOf, type Language, type Participant } from '@dr/shared';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { useCommand, useRoomState } from '../../../room/hooks.ts';
import { tableName } from '../../common/tableName.ts';
import { LanguagesSelect } from './LanguagesSelect.tsx';

/** One person: presence, attributes, the languages they deliberate in, and their table. */
export function PersonSeatRow({ participant: p, online }: { participant: Participant; online: boolean }) {
  const { t } = useI18n();
  const state = useRoomState();
  const send = useCommand();
  const table = tableOf(state, p.id);
  const fits = !table || canSit(p, table);
  const attributes = Object.entries(p.attributes);
  const setLanguages = (languages: Language[]) => send({ type: 'participant.profile', participantId: p.id, languages });

  return (
    <li className="person-row" data-testid="person-row" data-participant-id={p.id}>
      <span className={online ? 'presence presence-on' : 'presence'} aria-hidden="true" />
      <div className="person-who">
        <span className="participant-name">{p.name}</span>
        <span className="participant-meta">
          <span>{online ? t('desk.online') : t('desk.offline')}</span>
          {attributes.map(([k, v]) => (
            <span key={k}>
              {k}: {v}
            </span>
          ))}
        </span>
      </div>
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
      {!fits ? <p className="table-warning">{t('people.misfit')}</p> : null}
    </li>
  );
}
