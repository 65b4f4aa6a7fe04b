import { useState, type FormEvent } from 'react';
import type { Language } from '@dr/shared';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { useCommand } from '../../../room/hooks.ts';
import { LanguagesSelect } from './LanguagesSelect.tsx';

const MAX_TABLES = 200;

/** "Add 6 tables, in Dutch": numbered after the existing ones. */
export function TablesCreateForm() {
  const { t } = useI18n();
  const send = useCommand();
  const [count, setCount] = useState('4');
  const [languages, setLanguages] = useState<Language[]>([]);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const n = Number(count);
    if (!Number.isInteger(n) || n < 1 || n > MAX_TABLES) return setError(t('tables.invalid-count'));
    setError(null);
    await send({ type: 'tables.create', count: n, languages });
  }

  return (
    <form className="tables-create" onSubmit={submit} aria-labelledby="tables-create-title">
      <h3 id="tables-create-title">{t('tables.add')}</h3>
      <div className="field-row">
        <div className="field">
          <label htmlFor="tables-create-count" className="field-label">
            {t('tables.how-many')}
          </label>
          <input id="tables-create-count" inputMode="numeric" value={count} onChange={(e) => setCount(e.target.value)} aria-invalid={error ? true : undefined} data-testid="tables-create-count" />
        </div>
        <div className="field">
          <label htmlFor="tables-create-languages" className="field-label">
            {t('tables.language')}
          </label>
          <LanguagesSelect id="tables-create-languages" value={languages} onChange={setLanguages} anyLabel={t('tables.any-language')} testId="tables-create-languages" />
        </div>
      </div>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" className="button button-secondary" data-testid="tables-create-submit">
        {t('tables.add-button')}
      </button>
    </form>
  );
}
