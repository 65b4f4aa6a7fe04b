import type { Table } from '@dr/shared';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { LanguagesLabel } from '../common/LanguagesLabel.tsx';

/** Before a breakout: the table this person was given, so they can find it in advance. */
export function YourTable({ table }: { table: Table }) {
  const { t } = useI18n();
  return (
    <section className="your-table" data-testid="your-table">
      <p className="your-table-number">{t('table.your-table-is', { number: table.number })}</p>
      {table.name.trim() ? <p className="your-table-name">{table.name}</p> : null}
      {table.languages.length > 0 ? (
        <p className="your-table-languages">
          <LanguagesLabel languages={table.languages} />
        </p>
      ) : null}
      <p className="your-table-hint">{t('table.your-table-hint')}</p>
    </section>
  );
}
