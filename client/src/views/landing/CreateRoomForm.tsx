import { useState, type FormEvent } from 'react';
import type { Language } from '@dr/shared';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { errorKey } from '../../i18n/errorMessages.ts';
import { ApiError, createRoom } from '../../lib/api.ts';
import { addRecentRoom, storageKeys, writeItem } from '../../lib/storage.ts';
import { navigate } from '../../router.ts';
import { LanguageSelect } from '../common/LanguageSelect.tsx';

/** Creates a room and opens its moderator desk, remembering the keys on this device. */
export function CreateRoomForm() {
  const { t, lang } = useI18n();
  const [title, setTitle] = useState('');
  const [language, setLanguage] = useState<Language>(lang);
  const [second, setSecond] = useState<Language | null>(null);
  const [accessCode, setAccessCode] = useState('');
  const [needsCode, setNeedsCode] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const room = await createRoom({ title: title.trim(), language, secondLanguage: second === language ? null : second }, accessCode.trim() || undefined);
      writeItem(storageKeys.roleKey(room.roomId, 'moderator'), room.moderatorKey);
      writeItem(storageKeys.roleKey(room.roomId, 'display'), room.displayKey);
      addRecentRoom({ roomId: room.roomId, title: title.trim(), createdAt: Date.now(), language });
      navigate(`/r/${room.roomId}/moderator#key=${encodeURIComponent(room.moderatorKey)}`);
    } catch (err) {
      const e = err instanceof ApiError ? err : new ApiError(0, 'network');
      if (e.status === 401 || e.reason === 'create_token_required') {
        setError(needsCode ? t('landing.access-code-wrong') : t('landing.access-code-needed'));
        setNeedsCode(true);
      } else setError(t(errorKey(e)));
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="create-title-heading">
      <h2 id="create-title-heading">{t('landing.create-title')}</h2>
      <p className="card-lead">{t('landing.create-lead')}</p>
      <form onSubmit={submit} className="stack">
        <div className="field">
          <label htmlFor="create-title" className="field-label">
            {t('landing.room-title')}
          </label>
          <input id="create-title" value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={200} placeholder={t('landing.room-title-placeholder')} data-testid="create-title" />
        </div>
        <div className="field-row">
          <div className="field">
            <label htmlFor="create-language" className="field-label">
              {t('landing.room-language')}
            </label>
            <LanguageSelect id="create-language" value={language} onChange={(l) => l && setLanguage(l)} testId="create-language" />
          </div>
          <div className="field">
            <label htmlFor="create-second-language" className="field-label">
              {t('landing.second-language')}
            </label>
            <LanguageSelect id="create-second-language" value={second} onChange={setSecond} allowNone exclude={language} testId="create-second-language" />
          </div>
        </div>
        <p className="field-hint">{t('landing.languages-hint')}</p>
        {needsCode ? (
          <div className="field">
            <label htmlFor="create-access-code" className="field-label">
              {t('landing.access-code')}
            </label>
            <input id="create-access-code" type="password" value={accessCode} onChange={(e) => setAccessCode(e.target.value)} autoComplete="off" required data-testid="create-access-code" />
          </div>
        ) : null}
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" className="button button-primary button-large" disabled={busy || title.trim() === ''} data-testid="create-submit">
          {busy ? t('landing.creating') : t('landing.create-button')}
        </button>
      </form>
    </section>
  );
}
