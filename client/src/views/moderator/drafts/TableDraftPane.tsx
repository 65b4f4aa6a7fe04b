import type { Table } from '@dr/shared';
import type { Editor } from '@tiptap/core';
import { useMemo, useState } from 'react';
import { DraftEditor } from '../../../drafts/DraftEditor.tsx';
import { appendPromoted, promotionContent, wrapPromoted } from '../../../drafts/promote.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { notify } from '../../../lib/notices.ts';
import { useRoomClient, useRoomState } from '../../../room/hooks.ts';
import { tableName } from '../../common/tableName.ts';
import { provenanceTableName } from '../../drafts/provenance.ts';
import { useDraftTarget } from '../../drafts/useDraftAccess.ts';
import { DraftTools } from './DraftTools.tsx';

/** The last passage promoted into the plenary editor, brought into view after a promotion. */
function revealLastPromoted(plenary: Editor): void {
  const sections = plenary.view.dom.querySelectorAll(':scope > section[data-type="promoted"]');
  sections[sections.length - 1]?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
}

/**
 * One table's draft, editable, next to the plenary draft: the moderator tidies it and
 * promotes the recommendation under the cursor (or the selected blocks) to the plenary.
 */
export function TableDraftPane({ table, plenary, onBack }: { table: Table; plenary: Editor | null; onBack: () => void }) {
  const { t } = useI18n();
  const state = useRoomState();
  const client = useRoomClient();
  const draft = useMemo(() => ({ kind: 'table' as const, tableId: table.id }), [table.id]);
  const target = useDraftTarget(draft);
  const [editor, setEditor] = useState<Editor | null>(null);
  const name = tableName(t, table);

  function promote() {
    if (!editor || !plenary) return;
    const content = promotionContent(editor.state);
    if (!content) return notify(t('draft.send-nothing'), 'info');
    const ok = appendPromoted(plenary, wrapPromoted(content, { tableId: table.id, tableName: provenanceTableName(state, table), at: client.serverNow() }));
    notify(t(ok ? 'draft.promoted' : 'error.unknown'), ok ? 'success' : 'error');
    if (ok) revealLastPromoted(plenary);
  }

  return (
    <div className="drafts-pane" data-testid="draft-table-pane">
      <div className="drafts-pane-head">
        <button type="button" className="button button-ghost" onClick={onBack} data-testid="draft-all-tables">
          {t('draft.all-tables')}
        </button>
        <h2 id="drafts-tables-title">{t('draft.table-title', { table: name })}</h2>
        {/* mousedown would move the focus, and with it the selection being promoted. */}
        <button type="button" className="button button-primary" disabled={!editor || !plenary} onMouseDown={(e) => e.preventDefault()} onClick={promote} data-testid="draft-promote">
          {t('draft.promote')}
        </button>
      </div>
      <DraftTools draft={draft} draftName={t('draft.table-title', { table: name })} />
      <p className="field-hint">{t('draft.promote-hint')}</p>
      <DraftEditor key={table.id} roomId={target.roomId} roomKey={target.roomKey} draft={draft} user={target.user} label={t('draft.table-title', { table: name })} variant="desk" onEditor={setEditor} />
    </div>
  );
}
