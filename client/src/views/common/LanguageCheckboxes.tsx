import { useId } from 'react';
import { LANGUAGES, type Language } from '@dr/shared';
import { LANGUAGE_NAMES } from '../../i18n/translate.ts';

/** A person deliberates in one language, or two (the protocol's limit). */
const MAX_LANGUAGES = 2;

interface Props {
  value: readonly Language[];
  onChange: (languages: Language[]) => void;
  legend: string;
  hint: string;
}

/**
 * The languages a person can discuss in, as large checkboxes, each language named in
 * itself so anyone finds theirs. Once two are ticked the others are disabled, which
 * the hint explains, rather than an error after the fact.
 */
export function LanguageCheckboxes({ value, onChange, legend, hint }: Props) {
  const hintId = useId();
  const full = value.length >= MAX_LANGUAGES;
  function toggle(language: Language, on: boolean) {
    const next = on ? [...value, language] : value.filter((l) => l !== language);
    // Always in the same order, so "NL + FR" and "FR + NL" are one and the same choice.
    onChange(LANGUAGES.filter((l) => next.includes(l)));
  }
  return (
    <fieldset className="language-checks" aria-describedby={hintId}>
      <legend className="field-label">{legend}</legend>
      <p id={hintId} className="field-hint">
        {hint}
      </p>
      <div className="language-check-grid">
        {LANGUAGES.map((l) => {
          const checked = value.includes(l);
          return (
            <label key={l} className={checked ? 'language-check selected' : 'language-check'}>
              <input type="checkbox" checked={checked} disabled={!checked && full} onChange={(e) => toggle(l, e.target.checked)} data-testid={`language-check-${l}`} />
              <span lang={l}>{LANGUAGE_NAMES[l]}</span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
