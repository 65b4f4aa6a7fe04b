import type { DiffStats } from '../../../drafts/export/draftDiff.ts';
import type { I18n } from '../../../i18n/I18nProvider.tsx';

/** "12 words added and 3 words removed", or a plain "no differences", in the reader's language. */
export function diffSummary(stats: DiffStats, { t, tn, lang }: Pick<I18n, 't' | 'tn' | 'lang'>): string {
  const parts: string[] = [];
  if (stats.wordsAdded > 0) parts.push(tn('draft.diff-added', stats.wordsAdded));
  if (stats.wordsRemoved > 0) parts.push(tn('draft.diff-removed', stats.wordsRemoved));
  // Only the kind changed (a paragraph made a heading): the words alone would say "no differences".
  if (parts.length === 0 && stats.blocksChanged > 0) parts.push(tn('draft.diff-restyled', stats.blocksChanged));
  return parts.length === 0 ? t('draft.diff-none') : new Intl.ListFormat(lang, { type: 'conjunction' }).format(parts);
}
