import type { Table } from '@dr/shared';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useCommand, useRoomState } from '../../room/hooks.ts';
import { LanguagesLabel } from '../common/LanguagesLabel.tsx';
import { Subject } from '../common/Subject.tsx';

/**
 * Everyone seated at the table, with the languages they said they can discuss in. During a
 * breakout (`canGive`) any of them can be given the floor, also someone without a phone.
 */
export function TableMembersList({ table, canGive }: { table: Table; canGive: boolean }) {
  const { t, tn } = useI18n();
  const state = useRoomState();
  const send = useCommand();
  const speaking = table.floor.speaker?.participantId ?? null;
  return (
    <section className="facilitator-section" aria-labelledby="table-members-title" data-testid="facilitator-members">
      <div className="facilitator-section-head">
        <h2 id="table-members-title">{t('facilitate.members')}</h2>
        <span className="count">{tn('tables.people', table.members.length)}</span>
      </div>
      {canGive && table.members.length > 0 ? <p className="field-hint">{t('facilitate.members-hint')}</p> : null}
      {table.members.length === 0 ? <p className="empty">{t('overview.empty-table')}</p> : null}
      <ul className="member-list">
        {table.members.map((id) => {
          const p = state.participants[id];
          const name = p?.name ?? '—';
          return (
            <li key={id} className="member-row" data-testid="table-member">
              <span className="member-who">
                <span className="member-name">{name}</span>
                {p && p.languages.length > 0 ? <LanguagesLabel languages={p.languages} /> : null}
                {id === table.facilitatorId ? <span className="facilitator-tag">{t('overview.facilitator')}</span> : null}
              </span>
              {id === speaking ? (
                <span className="member-speaking">{t('facilitate.speaking')}</span>
              ) : canGive ? (
                <button type="button" className="button button-secondary" onClick={() => send({ type: 'floor.give', tableId: table.id, participantId: id })} data-testid="member-give-floor">
                  {t('desk.give-floor')}
                  <Subject of={name} />
                </button>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
