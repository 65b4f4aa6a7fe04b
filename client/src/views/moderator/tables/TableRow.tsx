import { useEffect, useState, type FormEvent } from 'react';
import type { Language, Table } from '@dr/shared';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { misfits } from '../../../lib/tables.ts';
import { useCommand, useRoomState } from '../../../room/hooks.ts';
import { tableName } from '../../common/tableName.ts';
import { FacilitatorLink } from './FacilitatorLink.tsx';
import { LanguagesSelect } from './LanguagesSelect.tsx';

/**
 * One table's set-up: name, language(s), facilitator (a member, or a helper with the link);
 * and who sits there without its language.
 */
export function TableRow({ table, moderatorKey }: { table: Table; moderatorKey: string }) {
  const { t, tn } = useI18n();
  const state = useRoomState();
  const send = useCommand();
  const [name, setName] = useState(table.name);
  // Someone else renamed it (a co-moderator): show their name.
  useEffect(() => setName(table.name), [table.name]);
  const label = tableName(t, table);
  const wrong = misfits(table, state.participants).map((id) => state.participants[id]?.name ?? '');
  const id = (what: string) => `table-${table.id}-${what}`;

  async function rename(e: FormEvent) {
    e.preventDefault();
    if (name.trim() && name.trim() !== table.name) await send({ type: 'table.update', tableId: table.id, name: name.trim() });
  }
  const setLanguages = (languages: Language[]) => send({ type: 'table.update', tableId: table.id, languages });

  return (
    <li className="table-row" data-testid="table-row" data-table-id={table.id}>
      <div className="table-row-head">
        <span className="table-number-badge" aria-hidden="true">
          {table.number}
        </span>
        <strong>{label}</strong>
        <span className="count">{tn('tables.people', table.members.length)}</span>
      </div>
      <form className="table-row-name" onSubmit={rename}>
        <label htmlFor={id('name')} className="visually-hidden">
          {t('tables.name-for', { table: label })}
        </label>
        <input id={id('name')} value={name} maxLength={60} placeholder={t('tables.table-number', { number: table.number })} onChange={(e) => setName(e.target.value)} />
        <button type="submit" className="button button-small" disabled={!name.trim() || name.trim() === table.name}>
          {t('tables.rename')}
        </button>
      </form>
      <div className="table-row-fields">
        <LanguagesSelect value={table.languages} onChange={setLanguages} label={t('tables.language-for', { table: label })} anyLabel={t('tables.any-language')} />
        <select value={table.facilitatorId ?? ''} onChange={(e) => send({ type: 'table.facilitator', tableId: table.id, participantId: e.target.value || null })} aria-label={t('tables.facilitator-for', { table: label })} disabled={table.members.length === 0}>
          <option value="">{t('tables.no-facilitator')}</option>
          {table.members.map((m) => (
            <option key={m} value={m}>
              {t('tables.facilitator-is', { name: state.participants[m]?.name ?? '' })}
            </option>
          ))}
        </select>
      </div>
      <FacilitatorLink tableId={table.id} label={label} moderatorKey={moderatorKey} />
      {wrong.length > 0 ? (
        <p className="table-warning" data-testid="table-misfits">
          {t('tables.misfits', { names: wrong.join(', ') })}
        </p>
      ) : null}
    </li>
  );
}
