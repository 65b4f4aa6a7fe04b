import { tableById } from '@dr/shared';
import type { Editor } from '@tiptap/core';
import { useState } from 'react';
import { DraftEditor } from '../../../drafts/DraftEditor.tsx';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { useRoomState } from '../../../room/hooks.ts';
import { useDraftTarget } from '../../drafts/useDraftAccess.ts';
import { DraftTools } from './DraftTools.tsx';
import { ProjectorToggle } from './ProjectorToggle.tsx';
import { TableDraftGrid } from './TableDraftGrid.tsx';
import { TableDraftPane } from './TableDraftPane.tsx';

const PLENARY = { kind: 'plenary' } as const;

/**
 * The drafts tab: the plenary draft on the left; on the right every table's draft as a live
 * preview, or one table's draft opened for editing and promoting into the plenary.
 */
export function DraftsArea() {
  const { t } = useI18n();
  const state = useRoomState();
  const plenary = useDraftTarget(PLENARY);
  const [plenaryEditor, setPlenaryEditor] = useState<Editor | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  // A table removed while open: back to the grid rather than an editor for nothing.
  const open = openId ? tableById(state, openId) : undefined;
  return (
    <main className="drafts-area" data-testid="drafts-area">
      <ProjectorToggle />
      <div className="drafts-columns">
        <section className="panel drafts-plenary" aria-labelledby="drafts-plenary-title">
          <div className="drafts-section-head">
            <h2 id="drafts-plenary-title">{t('draft.plenary-title')}</h2>
            <DraftTools draft={PLENARY} draftName={t('draft.plenary-title')} />
          </div>
          <DraftEditor roomId={plenary.roomId} roomKey={plenary.roomKey} draft={PLENARY} user={plenary.user} label={t('draft.plenary-title')} variant="desk" onEditor={setPlenaryEditor} />
        </section>
        <section className="panel drafts-tables" aria-labelledby="drafts-tables-title">
          {open ? <TableDraftPane table={open} plenary={plenaryEditor} onBack={() => setOpenId(null)} /> : <TableDraftGrid onOpen={setOpenId} />}
        </section>
      </div>
    </main>
  );
}
