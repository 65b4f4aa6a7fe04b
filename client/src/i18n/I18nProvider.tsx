import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Language } from '@dr/shared';
import { readItem, storageKeys, writeItem } from '../lib/storage.ts';
import { detectLanguage, isLanguage, translate, translatePlural, type Params, type PluralKey, type TranslationKey } from './translate.ts';

export interface I18n {
  lang: Language;
  t: (key: TranslationKey, params?: Params) => string;
  tn: (base: PluralKey, count: number, params?: Params) => string;
  /** Null under a fixed language (the projector follows the room). */
  setLang: ((lang: Language) => void) | null;
}

const I18nContext = createContext<I18n | null>(null);

function initialLanguage(): Language {
  const saved = readItem(storageKeys.language);
  if (isLanguage(saved)) return saved;
  return detectLanguage(typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]));
}

function makeI18n(lang: Language, setLang: I18n['setLang']): I18n {
  return {
    lang,
    setLang,
    t: (key, params) => translate(lang, key, params),
    tn: (base, count, params) => translatePlural(lang, base, count, params),
  };
}

/**
 * Each person picks their own language (remembered on this device). With `lang`,
 * the subtree uses that language instead (the projector speaks the room's language).
 */
export function I18nProvider({ lang: fixed, children }: { lang?: Language; children: ReactNode }) {
  const [chosen, setChosen] = useState<Language>(initialLanguage);
  const lang = fixed ?? chosen;
  const setLang = useCallback((l: Language) => {
    writeItem(storageKeys.language, l);
    setChosen(l);
  }, []);
  const value = useMemo(() => makeI18n(lang, fixed ? null : setLang), [lang, fixed, setLang]);

  useEffect(() => {
    const previous = document.documentElement.lang;
    document.documentElement.lang = lang;
    return () => {
      if (fixed) document.documentElement.lang = previous;
    };
  }, [lang, fixed]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside <I18nProvider>');
  return i18n;
}

/** Translations in a given language, e.g. the room's second language on the projector. */
export function useTranslator(lang: Language): I18n['t'] {
  return useCallback((key: TranslationKey, params?: Params) => translate(lang, key, params), [lang]);
}
