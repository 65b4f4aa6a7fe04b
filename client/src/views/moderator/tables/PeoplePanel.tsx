import { useState } from 'react';
import { activeParticipants, tableOf } from '@dr/shared';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { looseKey } from '../../../lib/roster.ts';
import { useOnline, useRoomState } from '../../../room/hooks.ts';
import { PersonSeatRow } from './PersonSeatRow.tsx';

/** Rows drawn at once: a hall of 500 would make every keystroke slow; the filter finds the rest. */
const SHOWN = 150;

/**
 * Manual seating, one person at a time: a table and languages per person, each applied
 * at once (also during a breakout: the person's phone follows them to the new table).
 */
export function PeoplePanel() {
  const { t } = useI18n();
  const state = useRoomState();
  const online = useOnline();
  const [filter, setFilter] = useState('');
  const people = activeParticipants(state);
  const key = looseKey(filter);
  const matching = key ? people.filter((p) => looseKey(p.name).includes(key)) : people;
  const unseated = people.filter((p) => !tableOf(state, p.id)).length;

  return (
    <section className="panel people-panel" aria-labelledby="people-tables-title">
      <div className="panel-head">
        <h2 id="people-tables-title">{t('people.title')}</h2>
        <span className="count">{t('people.unseated', { count: unseated, total: people.length })}</span>
      </div>
      <p className="field-hint">{t('people.hint')}</p>
      {people.length > 8 ? (
        <div className="field people-filter">
          <label htmlFor="people-filter" className="field-label">
            {t('people.find')}
          </label>
          <input id="people-filter" type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
        </div>
      ) : null}
      {people.length === 0 ? <p className="empty">{t('desk.no-participants')}</p> : null}
      <ul className="people-list" data-testid="people-list">
        {matching.slice(0, SHOWN).map((p) => (
          <PersonSeatRow key={p.id} participant={p} online={online.has(p.id)} />
        ))}
      </ul>
      {matching.length > SHOWN ? <p className="panel-note">{t('people.more', { shown: SHOWN, total: matching.length })}</p> : null}
    </section>
  );
}
