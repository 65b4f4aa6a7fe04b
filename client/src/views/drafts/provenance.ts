import type { RoomState, Table } from '@dr/shared';
import { translate } from '../../i18n/translate.ts';

/**
 * The table's name as stored with a promoted passage: its given name, else "Table 3" in the
 * room's language, so the plenary draft reads the same whoever pressed the button.
 */
export function provenanceTableName(state: Pick<RoomState, 'language'>, table: Pick<Table, 'name' | 'number'>): string {
  return table.name.trim() !== '' ? table.name : translate(state.language, 'tables.table-number', { number: table.number });
}
