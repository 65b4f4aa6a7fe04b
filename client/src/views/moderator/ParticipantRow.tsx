import { useState, type FormEvent } from 'react';
import type { Participant } from '@dr/shared';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDuration } from '../../lib/format.ts';
import { useCommand } from '../../room/hooks.ts';
import { Subject } from '../common/Subject.tsx';
import { ConfirmButton } from './ConfirmButton.tsx';

type Mode = 'view' | 'rename';

/** One person: presence, speaking statistics, and what a moderator may do about them. */
export function ParticipantRow({ participant: p, online, speaking }: { participant: Participant; online: boolean; speaking: boolean }) {
  const { t, tn } = useI18n();
  const send = useCommand();
  const [mode, setMode] = useState<Mode>('view');
  const [draft, setDraft] = useState(p.name);
  const revoked = p.status === 'revoked';

  async function rename(e: FormEvent) {
    e.preventDefault();
    const name = draft.trim();
    if (name && name !== p.name) {
      const ack = await send({ type: 'participant.rename', participantId: p.id, name });
      if (!ack.ok) return;
    }
    setMode('view');
  }

  if (mode === 'rename') {
    return (
      <li className="participant-item" data-testid="participant-item" data-participant-id={p.id}>
        <form className="rename-form" onSubmit={rename}>
          <label htmlFor={`rename-${p.id}`} className="visually-hidden">
            {t('desk.new-name-for', { name: p.name })}
          </label>
          <input id={`rename-${p.id}`} value={draft} onChange={(e) => setDraft(e.target.value)} maxLength={60} required autoFocus />
          <button type="submit" className="button button-small button-primary">
            {t('common.save')}
          </button>
          <button type="button" className="button button-small button-ghost" onClick={() => setMode('view')}>
            {t('common.cancel')}
          </button>
        </form>
      </li>
    );
  }

  return (
    <li className={revoked ? 'participant-item revoked' : 'participant-item'} data-testid="participant-item" data-participant-id={p.id} data-online={online}>
      <span className={online ? 'presence presence-on' : 'presence'} aria-hidden="true" />
      <div className="participant-who">
        <span className="participant-name">
          {p.name}
          {p.language ? (
            <span className="lang-tag" lang={p.language}>
              {p.language.toUpperCase()}
            </span>
          ) : null}
        </span>
        <span className="participant-meta">
          <span>{online ? t('desk.online') : t('desk.offline')}</span>
          {speaking ? <span className="speaking-tag">{t('desk.speaking')}</span> : null}
          {revoked ? <span className="revoked-tag">{t('desk.revoked')}</span> : null}
          <span>
            {formatDuration(p.spokenMs)} · {tn('desk.turns', p.turns)}
          </span>
        </span>
      </div>
      <div className="participant-actions">
        <button type="button" className="button button-small button-ghost" onClick={() => (setDraft(p.name), setMode('rename'))}>
          {t('desk.rename')}
          <Subject of={p.name} />
        </button>
        {!revoked ? (
          <ConfirmButton label={t('desk.revoke')} confirmLabel={t('desk.revoke-confirm')} subject={p.name} onConfirm={() => send({ type: 'participant.revoke', participantId: p.id })} />
        ) : null}
        <ConfirmButton label={t('desk.remove')} confirmLabel={t('desk.remove-confirm')} subject={p.name} danger onConfirm={() => send({ type: 'participant.remove', participantId: p.id })} />
      </div>
    </li>
  );
}
