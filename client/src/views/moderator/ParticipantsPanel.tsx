import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useOnline, useRoomState } from '../../room/hooks.ts';
import { ParticipantRow } from './ParticipantRow.tsx';

/** Everyone who joined (removed people are gone); online from presence, not from the log. */
export function ParticipantsPanel() {
  const { t, tn } = useI18n();
  const state = useRoomState();
  const online = useOnline();
  const people = Object.values(state.participants).filter((p) => p.status !== 'removed');
  const onlineCount = people.filter((p) => online.has(p.id)).length;

  return (
    <section className="panel participants-panel" aria-labelledby="people-title">
      <div className="panel-head">
        <h2 id="people-title">{t('desk.participants')}</h2>
        <span className="count">{t('desk.online-count', { online: onlineCount, total: people.length })}</span>
      </div>
      {people.length === 0 ? <p className="empty">{t('desk.no-participants')}</p> : null}
      <ul className="participant-list" data-testid="participant-list">
        {people.map((p) => (
          <ParticipantRow key={p.id} participant={p} online={online.has(p.id)} speaking={state.floor.speaker?.participantId === p.id} />
        ))}
      </ul>
      {people.length > 0 ? (
        <p className="panel-note">
          {tn('desk.total-turns', people.reduce((n, p) => n + p.turns, 0))} {t('desk.revoke-hint')}
        </p>
      ) : null}
    </section>
  );
}
