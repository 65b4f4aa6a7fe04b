import { LANGUAGES, type Language } from '@dr/shared';
import de from './de.json';
import en from './en.json';
import fr from './fr.json';
import nl from './nl.json';

/** Every message key; en.json is the reference every other locale must match. */
export type TranslationKey = keyof typeof en;
export type Messages = Record<TranslationKey, string>;
/** Keys that come in plural forms (`….one`, `….other`), named without the suffix. */
export type PluralKey = TranslationKey extends infer K ? (K extends `${infer Base}.other` ? Base : never) : never;
export type Params = Record<string, string | number>;

export const MESSAGES: Record<Language, Partial<Messages>> = { en, fr, nl, de };

/** Each language named in itself, for pickers. */
export const LANGUAGE_NAMES: Record<Language, string> = { fr: 'Français', nl: 'Nederlands', de: 'Deutsch', en: 'English' };

export function isLanguage(x: unknown): x is Language {
  return typeof x === 'string' && (LANGUAGES as readonly string[]).includes(x);
}

/** Replaces `{name}` with params.name; unknown placeholders stay visible rather than vanish. */
export function interpolate(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** A message in `lang`, falling back to English, then to the key itself. */
export function translate(lang: Language, key: TranslationKey, params?: Params): string {
  return interpolate(MESSAGES[lang][key] ?? en[key] ?? key, params);
}

const pluralRules = new Map<Language, Intl.PluralRules>();

/** The plural form for `count` in `lang` (French says "1,5 minute" but "2 minutes"). */
export function translatePlural(lang: Language, base: PluralKey, count: number, params: Params = {}): string {
  let rules = pluralRules.get(lang);
  if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(lang)));
  const exact = `${base}.${rules.select(count)}` as TranslationKey;
  const key = exact in en ? exact : (`${base}.other` as TranslationKey);
  return translate(lang, key, { count, ...params });
}

/** Best match for the browser's languages, e.g. `nl-BE` → `nl`; English otherwise. */
export function detectLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}
