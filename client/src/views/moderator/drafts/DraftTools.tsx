import '../../../styles/drafts-history.css';
import type { DraftRef } from '@dr/shared';
import { useRef, useState } from 'react';
import { useDraft } from '../../../drafts/useDraft.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { notify } from '../../../lib/notices.ts';
import { useRoomState } from '../../../room/hooks.ts';
import { useDraftCredentials } from '../../drafts/useDraftAccess.ts';
import { exportMarkdown, printDraft, type DraftExport } from './draftExport.ts';
import { VersionsDialog } from './VersionsDialog.tsx';

/**
 * Export Markdown, Print and Versions for one draft on the desk. Shares the editor's
 * document (one session per draft on the page), so exports hold what is on screen.
 */
export function DraftTools({ draft, draftName }: { draft: DraftRef; draftName: string }) {
  const { t, lang } = useI18n();
  const { roomId, roomKey } = useDraftCredentials();
  // No `user`: the caret stays the editor's business.
  const handle = useDraft({ roomId, roomKey, draft });
  const roomTitle = useRoomState().title;
  const [versionsOpen, setVersionsOpen] = useState(false);
  const versionsButton = useRef<HTMLButtonElement>(null);
  const doc = handle?.session.doc ?? null;
  const run = (action: (x: DraftExport) => void) => {
    if (!doc) return;
    try {
      action({ doc, roomTitle, draftName, t, lang });
    } catch {
      // A browser that refuses downloads or printing: say so rather than do nothing.
      notify(t('error.unknown'), 'error');
    }
  };

  function closeVersions() {
    setVersionsOpen(false);
    versionsButton.current?.focus();
  }

  return (
    <div className="draft-tools" role="group" aria-label={t('draft.tools')} data-testid="draft-tools">
      <button type="button" className="button button-small" disabled={!doc} onClick={() => run(exportMarkdown)} data-testid="draft-export-markdown">
        {t('draft.export-markdown')}
      </button>
      <button type="button" className="button button-small" disabled={!doc} onClick={() => run((x) => printDraft(x, Date.now()))} data-testid="draft-print">
        {t('draft.print')}
      </button>
      <button ref={versionsButton} type="button" className="button button-small" disabled={!doc} aria-haspopup="dialog" onClick={() => setVersionsOpen(true)} data-testid="draft-versions-open">
        {t('draft.versions')}
      </button>
      {versionsOpen && doc ? <VersionsDialog draft={draft} draftName={draftName} doc={doc} onClose={closeVersions} /> : null}
    </div>
  );
}
