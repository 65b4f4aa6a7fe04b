import type { RosterProblemKind, RosterResult } from '../../../lib/roster.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import type { TranslationKey } from '../../../i18n/translate.ts';

const KIND_KEYS: Record<RosterProblemKind, TranslationKey> = {
  unmatched: 'roster.problem-unmatched',
  ambiguous: 'roster.problem-ambiguous',
  duplicate: 'roster.problem-duplicate',
  'unknown-language': 'roster.problem-language',
  'languages-trimmed': 'roster.problem-trimmed',
};

/** Rows that were left out (or changed), by line, so the organiser can fix the file or the names. */
export function RosterProblems({ result }: { result: RosterResult }) {
  const { t, tn } = useI18n();
  const skipped = result.problems.filter((p) => p.skipped).length;
  if (result.problems.length === 0 && result.ignoredColumns.length === 0) return null;
  return (
    <div className="roster-problems" data-testid="roster-problems">
      {skipped > 0 ? <p className="table-warning">{tn('roster.skipped', skipped)}</p> : null}
      <ul>
        {result.problems.map((p) => (
          <li key={p.line}>
            {t('roster.line', { line: p.line, name: p.name || '—' })} {t(KIND_KEYS[p.kind], { detail: p.detail ?? '' })}
          </li>
        ))}
      </ul>
      {result.ignoredColumns.length > 0 ? <p className="field-hint">{t('roster.ignored-columns', { names: result.ignoredColumns.join(', ') })}</p> : null}
    </div>
  );
}
