import type { Language } from '@dr/shared';
import { useI18n, useTranslator } from '../../i18n/I18nProvider.tsx';
import type { Params, TranslationKey } from '../../i18n/translate.ts';

/**
 * A label in the room's language, with the second language alongside for bilingual
 * halls, marked with its own `lang` so screen readers and hyphenation get it right.
 */
export function Bilingual({ k, params, second }: { k: TranslationKey; params?: Params; second: Language | null }) {
  const { t } = useI18n();
  const t2 = useTranslator(second ?? 'en');
  return (
    <>
      <span>{t(k, params)}</span>
      {second ? (
        <span className="second-language" lang={second}>
          {t2(k, params)}
        </span>
      ) : null}
    </>
  );
}
