import { useState, type ChangeEvent } from 'react';
import { activeParticipants } from '@dr/shared';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { notify } from '../../../lib/notices.ts';
import { readRoster, type RosterResult } from '../../../lib/roster.ts';
import { useCommand, useRoomState } from '../../../room/hooks.ts';
import { RosterProblems } from './RosterProblems.tsx';

/** A roster is a few hundred lines; anything this big is the wrong file. */
const MAX_BYTES = 2_000_000;

/**
 * Profiles from the organiser's roster: read and matched here, in the browser (the file
 * holds personal data and never leaves this desk as a file); shown before anything is
 * sent; then one `participants.profile` with every matched row.
 */
export function RosterImport() {
  const { t, tn } = useI18n();
  const state = useRoomState();
  const send = useCommand();
  const [result, setResult] = useState<RosterResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onFile(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    setResult(null);
    setError(null);
    if (!file) return;
    if (file.size > MAX_BYTES) return setError(t('roster.too-big'));
    const parsed = readRoster(await file.text(), activeParticipants(state));
    if (!parsed) return setError(t('roster.empty'));
    setResult(parsed);
  }

  async function apply() {
    if (!result || result.updates.length === 0) return;
    setBusy(true);
    const ack = await send({ type: 'participants.profile', updates: result.updates });
    setBusy(false);
    if (!ack.ok) return;
    notify(tn('roster.applied', result.updates.length), 'success');
    setResult(null);
  }

  return (
    <section className="panel roster-panel" aria-labelledby="roster-title">
      <h2 id="roster-title">{t('roster.title')}</h2>
      <p className="field-hint">{t('roster.hint')}</p>
      <div className="field">
        <label htmlFor="roster-file" className="field-label">
          {t('roster.file')}
        </label>
        <input id="roster-file" type="file" accept=".csv,text/csv,text/plain" onChange={onFile} data-testid="roster-file" />
      </div>
      <div aria-live="polite">
        {error ? <p className="form-error">{error}</p> : null}
        {result ? (
          <div className="roster-result" data-testid="roster-result">
            <p>
              <strong>{tn('roster.matched', result.updates.length)}</strong>
              {result.attributeNames.length > 0 ? ` ${t('roster.attributes', { names: result.attributeNames.join(', ') })}` : ''}
            </p>
            <RosterProblems result={result} />
            <button type="button" className="button button-primary" onClick={apply} disabled={busy || result.updates.length === 0} data-testid="roster-apply">
              {tn('roster.apply', result.updates.length)}
            </button>
          </div>
        ) : null}
      </div>
    </section>
  );
}
