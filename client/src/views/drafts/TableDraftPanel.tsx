import type { Table } from '@dr/shared';
import { useMemo } from 'react';
import { DraftEditor } from '../../drafts/DraftEditor.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { tableName } from '../common/tableName.ts';
import { SendToPlenary } from './SendToPlenary.tsx';
import { useDraftTarget } from './useDraftAccess.ts';

/** The open table draft on a phone or tablet; facilitators can send passages to the plenary. */
export function TableDraftPanel({ table, canSend }: { table: Table; canSend: boolean }) {
  const { t } = useI18n();
  const draft = useMemo(() => ({ kind: 'table' as const, tableId: table.id }), [table.id]);
  const target = useDraftTarget(draft);
  return (
    <DraftEditor
      roomId={target.roomId}
      roomKey={target.roomKey}
      draft={draft}
      user={target.user}
      label={t('draft.table-title', { table: tableName(t, table) })}
      variant="phone"
      actions={canSend && target.access === 'write' ? (editor) => <SendToPlenary editor={editor} table={table} /> : undefined}
    />
  );
}
