import { useState, type FormEvent } from 'react';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { useCommand, useRoomState } from '../../../room/hooks.ts';

const MAX_CHARS = 280;

/** One message for every phone and the projector ("Five more minutes", "Coffee is ready"), until cleared. */
export function BroadcastPanel() {
  const { t } = useI18n();
  const state = useRoomState();
  const send = useCommand();
  const [text, setText] = useState('');
  const current = state.broadcast;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const ack = await send({ type: 'broadcast', text: text.trim() });
    if (ack.ok) setText('');
  }

  return (
    <section className="panel broadcast-panel" aria-labelledby="broadcast-title">
      <h2 id="broadcast-title">{t('broadcast.title')}</h2>
      {current ? (
        <div className="broadcast-current" data-testid="broadcast-current">
          <div>
            <p className="eyebrow">{t('broadcast.showing')}</p>
            <p className="broadcast-current-text">{current.text}</p>
          </div>
          <button type="button" className="button button-small" onClick={() => send({ type: 'broadcast.clear' })} data-testid="broadcast-clear">
            {t('broadcast.clear')}
          </button>
        </div>
      ) : (
        <p className="field-hint">{t('broadcast.none')}</p>
      )}
      <form className="broadcast-form" onSubmit={submit}>
        <label htmlFor="broadcast-text" className="field-label">
          {current ? t('broadcast.replace') : t('broadcast.message')}
        </label>
        <textarea id="broadcast-text" rows={2} maxLength={MAX_CHARS} value={text} onChange={(e) => setText(e.target.value)} aria-describedby="broadcast-hint" data-testid="broadcast-text" />
        <p id="broadcast-hint" className="field-hint">
          {current ? t('broadcast.left', { count: MAX_CHARS - text.length }) : t('broadcast.hint', { count: MAX_CHARS - text.length })}
        </p>
        <button type="submit" className="button button-primary" disabled={!text.trim()} data-testid="broadcast-send">
          {t('broadcast.send')}
        </button>
      </form>
    </section>
  );
}
