import type { Table } from '@dr/shared';
import type { I18n } from '../../i18n/I18nProvider.tsx';

/** A table's given name, or "Table 3" in the reader's language when it has none. */
export function tableName(t: I18n['t'], table: Pick<Table, 'name' | 'number'>): string {
  return table.name.trim() !== '' ? table.name : t('tables.table-number', { number: table.number });
}
