import type { Language } from '@dr/shared';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { languagesTag } from '../../lib/languageChoices.ts';

/**
 * A table's (or a person's) languages as a short tag, "NL + FR", with the full names for
 * screen readers; "any language" in words when there is none.
 */
export function LanguagesLabel({ languages, className = 'lang-tag' }: { languages: readonly Language[]; className?: string }) {
  const { t } = useI18n();
  const tag = languagesTag(languages);
  if (!tag) return <span className={`${className} lang-any`}>{t('tables.any-language')}</span>;
  const spoken = languages.map((l) => t(`language.name-${l}`)).join(' + ');
  return (
    <span className={className} title={spoken}>
      <span aria-hidden="true">{tag}</span>
      <span className="visually-hidden">{spoken}</span>
    </span>
  );
}
