import { useState, type FormEvent } from 'react';
import type { Table } from '@dr/shared';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { minutesToMs } from '../../lib/format.ts';
import { useCommand } from '../../room/hooks.ts';

/** A turn shorter than this is not a turn; the desk's agenda uses the same floor. */
const MIN_TURN_MS = 10_000;

/** Start a go-round (everyone in seating order, `minutes` each), or skip a turn / stop it. */
export function RoundControls({ table }: { table: Table }) {
  const { t } = useI18n();
  const send = useCommand();
  const [minutes, setMinutes] = useState('2');
  const [error, setError] = useState<string | null>(null);
  const tableId = table.id;

  async function start(e: FormEvent) {
    e.preventDefault();
    const turnMs = minutesToMs(minutes);
    if (turnMs === null || turnMs < MIN_TURN_MS) return setError(t('desk.invalid-turn'));
    setError(null);
    await send({ type: 'round.start', tableId, turnMs });
  }

  if (table.round) {
    return (
      <div className="facilitator-row facilitator-column">
        <button type="button" className="button" onClick={() => send({ type: 'round.skip', tableId })} data-testid="round-skip">
          {t('round.skip')}
        </button>
        <button type="button" className="button button-danger-ghost" onClick={() => send({ type: 'round.stop', tableId })} data-testid="round-stop">
          {t('round.stop')}
        </button>
      </div>
    );
  }
  return (
    <form className="round-form" onSubmit={start}>
      <div className="field">
        <label htmlFor="round-minutes" className="field-label">
          {t('round.minutes')}
        </label>
        <input id="round-minutes" inputMode="decimal" value={minutes} onChange={(e) => setMinutes(e.target.value)} aria-invalid={error ? true : undefined} data-testid="round-minutes" />
      </div>
      <button type="submit" className="button button-secondary" data-testid="round-start">
        {t('round.start')}
      </button>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}
