import type { DraftVersionInfo } from '@dr/shared';
import { useId, useState, type FormEvent } from 'react';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { apiErrorText, type DraftVersions } from './useDraftVersions.ts';

/** The server's limit on a version's name. */
const MAX_NAME_CHARS = 80;

/** "Name this version" + Save; says in words what happened. */
export function SaveVersionForm({ save, onSaved }: { save: DraftVersions['save']; onSaved: (version: DraftVersionInfo) => void }) {
  const { t } = useI18n();
  const id = useId();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const trimmed = name.trim();
    if (trimmed === '' || busy) return;
    setBusy(true);
    try {
      const saved = await save(trimmed);
      setName('');
      setResult({ ok: true, text: t('draft.version-saved', { name: saved.name }) });
      onSaved(saved);
    } catch (err) {
      setResult({ ok: false, text: apiErrorText(t, err) });
    }
    setBusy(false);
  }

  return (
    <form className="versions-save" onSubmit={submit}>
      <label htmlFor={`${id}-name`} className="field-label">
        {t('draft.version-name')}
      </label>
      <p id={`${id}-hint`} className="field-hint">
        {t('draft.version-name-hint')}
      </p>
      <div className="versions-save-row">
        <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} maxLength={MAX_NAME_CHARS} placeholder={t('draft.version-name-placeholder')} aria-describedby={`${id}-hint`} autoComplete="off" data-testid="draft-version-name" />
        <button type="submit" className="button button-primary" disabled={busy || name.trim() === ''} data-testid="draft-version-save">
          {t(busy ? 'draft.version-saving' : 'draft.version-save')}
        </button>
      </div>
      <p className={result && !result.ok ? 'form-error' : 'versions-saved'} role={result && !result.ok ? 'alert' : 'status'} data-testid="draft-version-result">
        {result?.text ?? ''}
      </p>
    </form>
  );
}

/** The saved versions, newest first; the chosen one is compared. */
export function VersionList({ state, selected, onSelect }: { state: Pick<DraftVersions, 'versions' | 'listError'>; selected: string | null; onSelect: (id: string) => void }) {
  const { t, lang } = useI18n();
  const name = useId();
  const format = new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' });
  const { versions, listError } = state;
  return (
    <fieldset className="versions-list">
      <legend className="field-label">{t('draft.versions-list')}</legend>
      {listError ? (
        <p className="form-error" role="alert">
          {listError}
        </p>
      ) : null}
      {versions === null && !listError ? <p className="field-hint">{t('common.loading')}</p> : null}
      {versions?.length === 0 ? <p className="field-hint">{t('draft.versions-none')}</p> : null}
      {versions?.map((v) => (
        <label key={v.id} className={v.id === selected ? 'version-item selected' : 'version-item'} data-testid="draft-version">
          <input type="radio" name={name} value={v.id} checked={v.id === selected} onChange={() => onSelect(v.id)} />
          <span className="version-name">{v.name}</span>
          <time className="version-time" dateTime={new Date(v.createdAt).toISOString()}>
            {format.format(v.createdAt)}
          </time>
        </label>
      ))}
    </fieldset>
  );
}
