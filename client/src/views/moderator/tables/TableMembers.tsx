import type { Table } from '@dr/shared';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { useRoomState } from '../../../room/hooks.ts';

/** The people at a table: a dot for online (with the word for screen readers), the facilitator marked. */
export function TableMembers({ table, online, speaking }: { table: Table; online: ReadonlySet<string>; speaking: string | null }) {
  const { t } = useI18n();
  const state = useRoomState();
  if (table.members.length === 0) return <p className="muted">{t('overview.empty-table')}</p>;
  return (
    <ul className="table-card-members">
      {table.members.map((id) => {
        const on = online.has(id);
        return (
          <li key={id} className={id === speaking ? 'speaking' : undefined}>
            <span className={on ? 'presence presence-on' : 'presence'} aria-hidden="true" />
            <span>{state.participants[id]?.name ?? ''}</span>
            <span className="visually-hidden">, {on ? t('desk.online') : t('desk.offline')}</span>
            {id === table.facilitatorId ? <span className="facilitator-tag">{t('overview.facilitator')}</span> : null}
          </li>
        );
      })}
    </ul>
  );
}
