import { LANGUAGES } from '@dr/shared';
import { useI18n } from './I18nProvider.tsx';
import { LANGUAGE_NAMES, isLanguage } from './translate.ts';

/** Each language is listed in itself, so anyone can find theirs whatever is showing. */
export function LanguagePicker({ compact = false }: { compact?: boolean }) {
  const { lang, setLang, t } = useI18n();
  if (!setLang) return null;
  return (
    <label className={compact ? 'language-picker compact' : 'language-picker'}>
      <span className={compact ? 'visually-hidden' : 'field-label'}>{t('language.label')}</span>
      <select value={lang} onChange={(e) => isLanguage(e.target.value) && setLang(e.target.value)} data-testid="language-picker">
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
