import { useState, type FormEvent } from 'react';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { minutesToMs } from '../../../lib/format.ts';
import { useCommand, useRoomState } from '../../../room/hooks.ts';
import { SettingText } from '../settingFields.tsx';
import { BreakoutRunning } from './BreakoutRunning.tsx';

const MAX_WARNING_S = 600;

/** Start a breakout for so many minutes, or run the one in progress; and when phones are warned. */
export function BreakoutPanel() {
  const { t } = useI18n();
  const state = useRoomState();
  const send = useCommand();
  const [minutes, setMinutes] = useState('20');
  const [error, setError] = useState<string | null>(null);
  const seated = state.tables.some((x) => x.members.length > 0);

  async function start(e: FormEvent) {
    e.preventDefault();
    const durationMs = minutesToMs(minutes);
    if (durationMs === null || durationMs < 1000) return setError(t('desk.invalid-minutes'));
    setError(null);
    await send({ type: 'breakout.start', durationMs });
  }

  async function saveWarning(draft: string): Promise<string | null> {
    const s = Number(draft.trim().replace(',', '.'));
    if (!Number.isFinite(s) || s < 1 || s > MAX_WARNING_S) return t('breakout.invalid-warning');
    const ack = await send({ type: 'room.update', breakoutWarningMs: Math.round(s * 1000) });
    return ack.ok ? null : '';
  }

  return (
    <section className="panel breakout-panel" aria-labelledby="breakout-title">
      <h2 id="breakout-title">{t('breakout.title')}</h2>
      {state.breakout ? (
        <BreakoutRunning />
      ) : (
        <form className="breakout-start" onSubmit={start}>
          <div className="field">
            <label htmlFor="breakout-minutes" className="field-label">
              {t('breakout.minutes')}
            </label>
            <input id="breakout-minutes" inputMode="decimal" value={minutes} onChange={(e) => setMinutes(e.target.value)} aria-invalid={error ? true : undefined} data-testid="breakout-minutes" />
          </div>
          <button type="submit" className="button button-primary" disabled={!seated} data-testid="breakout-start">
            {t('breakout.start')}
          </button>
          {!seated ? <p className="field-hint breakout-hint">{state.tables.length === 0 ? t('breakout.need-tables') : t('breakout.need-seats')}</p> : null}
          {error ? (
            <p className="form-error" role="alert">
              {error}
            </p>
          ) : null}
        </form>
      )}
      {/* Set before the start; hidden while running so the table overview stays in view. */}
      {state.breakout ? null : (
        <SettingText
          label={t('breakout.warning-seconds')}
          hint={t('breakout.warning-hint')}
          value={String(Math.round(state.settings.breakoutWarningMs / 1000))}
          inputMode="numeric"
          onSave={saveWarning}
          testId="breakout-warning"
        />
      )}
    </section>
  );
}
