import { LANGUAGES, type Language } from '@dr/shared';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { LANGUAGE_NAMES, isLanguage } from '../../i18n/translate.ts';

interface Props {
  id: string;
  value: Language | null;
  onChange: (lang: Language | null) => void;
  /** Offer "none" (for the optional second language). */
  allowNone?: boolean;
  exclude?: Language | null;
  testId?: string;
}

/** A room-language field (as opposed to the LanguagePicker, which is the person's own). */
export function LanguageSelect({ id, value, onChange, allowNone = false, exclude = null, testId }: Props) {
  const { t } = useI18n();
  return (
    <select id={id} value={value ?? ''} onChange={(e) => onChange(isLanguage(e.target.value) ? e.target.value : null)} data-testid={testId}>
      {allowNone ? <option value="">{t('language.none')}</option> : null}
      {LANGUAGES.filter((l) => l !== exclude).map((l) => (
        <option key={l} value={l} lang={l}>
          {LANGUAGE_NAMES[l]}
        </option>
      ))}
    </select>
  );
}
