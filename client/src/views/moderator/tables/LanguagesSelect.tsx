import type { Language } from '@dr/shared';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { LANGUAGE_CHOICES, choiceValue, parseChoice, type LanguageSet } from '../../../lib/languageChoices.ts';
import { LANGUAGE_NAMES } from '../../../i18n/translate.ts';

interface Props {
  id?: string;
  value: LanguageSet;
  onChange: (languages: Language[]) => void;
  /** Accessible name when there is no visible label. */
  label?: string;
  /** "Any language" for tables; "Not known" for people. */
  anyLabel: string;
  testId?: string;
  disabled?: boolean;
}

/** Any, one language, or a bilingual pair (a table with an interpreter, or a bilingual person). */
export function LanguagesSelect({ id, value, onChange, label, anyLabel, testId, disabled }: Props) {
  const { t } = useI18n();
  return (
    <select id={id} value={choiceValue(value)} onChange={(e) => onChange(parseChoice(e.target.value))} aria-label={label} data-testid={testId} disabled={disabled}>
      {LANGUAGE_CHOICES.map((set) => {
        const v = choiceValue(set);
        const text = set.length === 0 ? anyLabel : set.length === 1 ? LANGUAGE_NAMES[set[0]!] : t('tables.bilingual', { languages: set.map((l) => LANGUAGE_NAMES[l]).join(' + ') });
        return (
          <option key={v} value={v}>
            {text}
          </option>
        );
      })}
    </select>
  );
}
