import { useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { minutesToMs, msToMinutes } from '../../lib/format.ts';
import { useCommand } from '../../room/hooks.ts';

/** Minutes for a turn must give at least the protocol's 10 s. */
const MIN_TURN_MS = 10_000;

/** Title, planned minutes, and (optionally) the speaking time per turn for this item. */
export function AgendaAddForm({ defaultSpeakingMs }: { defaultSpeakingMs: number }) {
  const { t } = useI18n();
  const send = useCommand();
  const [title, setTitle] = useState('');
  const [minutes, setMinutes] = useState('20');
  const [turn, setTurn] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const plannedMs = minutesToMs(minutes);
    const speakingMs = turn.trim() === '' ? null : minutesToMs(turn);
    if (plannedMs === null) return setError(t('desk.invalid-minutes'));
    if (speakingMs !== null && speakingMs < MIN_TURN_MS) return setError(t('desk.invalid-turn'));
    if (turn.trim() !== '' && speakingMs === null) return setError(t('desk.invalid-turn'));
    setError(null);
    const ack = await send({ type: 'agenda.add', title: title.trim(), plannedMs, speakingMs });
    if (ack.ok) {
      setTitle('');
      setTurn('');
    }
  }

  return (
    <form className="agenda-add" onSubmit={submit} aria-labelledby="agenda-add-title-label">
      <h3 id="agenda-add-title-label">{t('desk.add-item')}</h3>
      <div className="field">
        <label htmlFor="agenda-add-title" className="field-label">
          {t('desk.item-title')}
        </label>
        <input id="agenda-add-title" value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={200} data-testid="agenda-add-title" />
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor="agenda-add-minutes" className="field-label">
            {t('desk.item-minutes')}
          </label>
          <input id="agenda-add-minutes" inputMode="decimal" value={minutes} onChange={(e) => setMinutes(e.target.value)} required data-testid="agenda-add-minutes" />
        </div>
        <div className="field">
          <label htmlFor="agenda-add-turn" className="field-label">
            {t('desk.item-turn-minutes')}
          </label>
          <input id="agenda-add-turn" inputMode="decimal" value={turn} onChange={(e) => setTurn(e.target.value)} placeholder={msToMinutes(defaultSpeakingMs)} aria-describedby="agenda-add-turn-hint" data-testid="agenda-add-speaking" />
        </div>
      </div>
      <p id="agenda-add-turn-hint" className="field-hint">
        {t('desk.item-turn-hint')}
      </p>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" className="button button-primary" disabled={!title.trim()} data-testid="agenda-add-submit">
        {t('desk.add-item-button')}
      </button>
    </form>
  );
}
