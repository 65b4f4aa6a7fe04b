import '../../styles/landing.css';
import { useMemo, useState, type FormEvent } from 'react';
import { isJoinCode, normalizeJoinCode, type Language } from '@dr/shared';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { LanguagePicker } from '../../i18n/LanguagePicker.tsx';
import { errorKey } from '../../i18n/errorMessages.ts';
import { ApiError, joinRoom } from '../../lib/api.ts';
import { loadIdentity, readItem, saveIdentity, savePendingLanguages, storageKeys } from '../../lib/storage.ts';
import { navigate } from '../../router.ts';
import { LanguageCheckboxes } from '../common/LanguageCheckboxes.tsx';
import { useDocumentTitle } from '../common/useDocumentTitle.ts';

/** Someone who already joined with this code on this device can simply carry on. */
function useKnownIdentity(code: string) {
  return useMemo(() => {
    const roomId = isJoinCode(code) ? readItem(storageKeys.codeRoom(code)) : null;
    const identity = roomId ? loadIdentity(roomId) : null;
    return roomId && identity ? { roomId, identity } : null;
  }, [code]);
}

/**
 * Code + name + language, and optionally the languages the person can discuss in (for
 * seating at tables), then into the room. Reached by QR (`/j/CODE`) or by hand (`/join`).
 */
export function JoinPage({ code: initialCode }: { code: string | null }) {
  const { t, lang } = useI18n();
  useDocumentTitle(t('join.title'));
  const [code, setCode] = useState(normalizeJoinCode(initialCode ?? ''));
  const [name, setName] = useState('');
  const [languages, setLanguages] = useState<Language[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const known = useKnownIdentity(normalizeJoinCode(code));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const joinCode = normalizeJoinCode(code);
    setBusy(true);
    setError(null);
    try {
      const res = await joinRoom({ joinCode, name: name.trim(), language: lang });
      saveIdentity(res.roomId, { participantId: res.participantId, token: res.token, name: name.trim(), joinCode, roomTitle: res.roomTitle });
      // The join request carries no profile: the phone sends it once it is in the room.
      savePendingLanguages(res.roomId, languages);
      navigate(`/r/${res.roomId}`);
    } catch (err) {
      const e = err instanceof ApiError ? err : new ApiError(0, 'network');
      setError(t(e.code === 'not_found' ? 'join.unknown-code' : errorKey(e)));
      setBusy(false);
    }
  }

  return (
    <div className="join-page">
      <header className="topbar">
        <a className="brand" href="/">
          <span className="brand-mark" aria-hidden="true" />
          Deliberation Room
        </a>
      </header>
      <main className="join-main">
        <h1>{t('join.title')}</h1>
        {known ? (
          <div className="card known-identity">
            <p>{t('join.already-joined', { name: known.identity.name, title: known.identity.roomTitle })}</p>
            <button type="button" className="button button-primary button-large" onClick={() => navigate(`/r/${known.roomId}`)} data-testid="join-continue">
              {t('join.continue-as', { name: known.identity.name })}
            </button>
            <p className="muted">{t('join.or-new')}</p>
          </div>
        ) : null}
        <form onSubmit={submit} className="card stack join-form">
          <div className="field">
            <label htmlFor="join-code" className="field-label">
              {t('join.code-label')}
            </label>
            <input
              id="join-code"
              className="code-input"
              value={code}
              onChange={(e) => setCode(e.target.value)}
              required
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              maxLength={12}
              aria-describedby="join-code-hint"
              data-testid="join-code"
            />
            <p id="join-code-hint" className="field-hint">
              {t('join.code-hint')}
            </p>
          </div>
          <div className="field">
            <label htmlFor="join-name" className="field-label">
              {t('join.name-label')}
            </label>
            <input id="join-name" value={name} onChange={(e) => setName(e.target.value)} required maxLength={60} autoComplete="given-name" aria-describedby="join-name-hint" data-testid="join-name" />
            <p id="join-name-hint" className="field-hint">
              {t('join.name-hint')}
            </p>
          </div>
          <LanguagePicker />
          <LanguageCheckboxes value={languages} onChange={setLanguages} legend={t('profile.languages-legend-optional')} hint={t('profile.languages-hint')} />
          {error ? (
            <p className="form-error" role="alert">
              {error}
            </p>
          ) : null}
          <button type="submit" className="button button-primary button-large" disabled={busy || !name.trim() || !code.trim()} data-testid="join-submit">
            {busy ? t('join.joining') : t('join.submit')}
          </button>
        </form>
      </main>
    </div>
  );
}
