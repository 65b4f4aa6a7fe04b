import { useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { forgetRoom, loadRecentRooms, type RecentRoom } from '../../lib/storage.ts';

/** Rooms created on this device: an organiser who closed the tab finds the desk again. */
export function RecentRooms() {
  const { t } = useI18n();
  const [rooms, setRooms] = useState<RecentRoom[]>(loadRecentRooms);
  if (rooms.length === 0) return null;
  const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section className="card recent-rooms" aria-labelledby="recent-title">
      <h2 id="recent-title">{t('landing.recent-title')}</h2>
      <ul className="plain-list">
        {rooms.map((r) => (
          <li key={r.roomId} className="recent-room">
            <div>
              <strong>{r.title}</strong>
              <span className="muted"> · {dateFormat.format(r.createdAt)}</span>
            </div>
            <div className="button-row">
              <a className="button button-small" href={`/r/${r.roomId}/moderator`}>
                {t('landing.open-desk')}
              </a>
              <a className="button button-small button-secondary" href={`/r/${r.roomId}/display`}>
                {t('landing.open-projector')}
              </a>
              <button
                type="button"
                className="button button-small button-ghost"
                onClick={() => {
                  forgetRoom(r.roomId);
                  setRooms(loadRecentRooms());
                }}
                aria-label={t('landing.forget-room', { title: r.title })}
              >
                {t('landing.forget')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
