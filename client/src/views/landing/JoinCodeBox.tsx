import { useState, type FormEvent } from 'react';
import { normalizeJoinCode } from '@dr/shared';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { navigate } from '../../router.ts';

/** "I have a code": the shortest way in for a panelist who typed the address by hand. */
export function JoinCodeBox() {
  const { t } = useI18n();
  const [code, setCode] = useState('');

  function submit(e: FormEvent) {
    e.preventDefault();
    const c = normalizeJoinCode(code);
    navigate(c ? `/j/${encodeURIComponent(c)}` : '/join');
  }

  return (
    <section className="card join-box" aria-labelledby="join-box-title">
      <h2 id="join-box-title">{t('landing.join-title')}</h2>
      <p className="card-lead">{t('landing.join-lead')}</p>
      <form onSubmit={submit} className="inline-form">
        <label htmlFor="join-code-input" className="visually-hidden">
          {t('join.code-label')}
        </label>
        <input
          id="join-code-input"
          className="code-input"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          placeholder="ABC234"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={12}
          data-testid="join-code-input"
        />
        <button type="submit" className="button button-primary">
          {t('landing.join-button')}
        </button>
      </form>
    </section>
  );
}
