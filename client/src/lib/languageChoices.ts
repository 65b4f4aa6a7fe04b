import { LANGUAGES, type Language } from '@dr/shared';

/**
 * The language set of a table or a person: none (any table), one, or a bilingual pair
 * (a table with an interpreter, or someone who deliberates in two languages).
 * A set is written `"nl+fr"` in form values; `""` is "any".
 */
export type LanguageSet = readonly Language[];

const order = (l: Language) => LANGUAGES.indexOf(l);

/** Every pair once, in the order of `LANGUAGES` (fr+nl, fr+de, …). */
const PAIRS: LanguageSet[] = LANGUAGES.flatMap((a, i) => LANGUAGES.slice(i + 1).map((b) => [a, b]));

/** What a select offers: any, each language, then each pair. */
export const LANGUAGE_CHOICES: readonly LanguageSet[] = [[], ...LANGUAGES.map((l) => [l]), ...PAIRS];

/** The form value of a set; the same set in another order gives the same value. */
export function choiceValue(set: LanguageSet): string {
  return [...new Set(set)].sort((a, b) => order(a) - order(b)).join('+');
}

/** A form value back to a set; unknown parts are dropped. */
export function parseChoice(value: string): Language[] {
  const parts = value.split('+').filter((p): p is Language => (LANGUAGES as readonly string[]).includes(p));
  return [...new Set(parts)].sort((a, b) => order(a) - order(b));
}

/** Short tag such as `NL + FR`; null for "any" (callers say it in words). */
export function languagesTag(set: LanguageSet): string | null {
  return set.length === 0 ? null : set.map((l) => l.toUpperCase()).join(' + ');
}
