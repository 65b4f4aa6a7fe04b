import type { Table } from '@dr/shared';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { LanguagesLabel } from '../common/LanguagesLabel.tsx';
import { tableName } from '../common/tableName.ts';
import { BreakoutClock } from './BreakoutClock.tsx';

/**
 * The table number as large as the phone allows, so people find their table in a full
 * hall by matching it to the number standing on it; then its name, language and the time left.
 * A facilitator link's page shows the same card under its own label.
 */
export function MyTableCard({ table, label }: { table: Table; /** Above the number; "Your table" by default. */ label?: string }) {
  const { t } = useI18n();
  const named = table.name.trim() !== '';
  return (
    <section className="my-table" aria-labelledby="my-table-label">
      <h2 id="my-table-label" className="my-table-label">
        {label ?? t('table.your-table')}
      </h2>
      <p className="my-table-number" data-testid="table-number">
        {t('tables.table-number', { number: table.number })}
      </p>
      {named ? <p className="my-table-name">{tableName(t, table)}</p> : null}
      {/* "Any language" tells a panelist nothing: only a table's actual languages are shown. */}
      {table.languages.length > 0 ? (
        <p className="my-table-languages">
          <LanguagesLabel languages={table.languages} />
        </p>
      ) : null}
      <BreakoutClock />
    </section>
  );
}
