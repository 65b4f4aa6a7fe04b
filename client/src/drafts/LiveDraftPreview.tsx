import type { DraftRef } from '@dr/shared';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { DraftPreview } from './DraftPreview.tsx';
import { useDraft } from './useDraft.ts';

/**
 * One draft, connected and previewed read-only. It leaves the caret alone, so the desk can
 * show a table's preview and its editor side by side over one connection.
 */
export function LiveDraftPreview({ roomId, roomKey, draft }: { roomId: string; roomKey: string; draft: DraftRef }) {
  const { t } = useI18n();
  const handle = useDraft({ roomId, roomKey, draft });
  if (!handle) return <p className="draft-preview-empty">{t('draft.loading')}</p>;
  const offline = handle.state.status !== 'online';
  return (
    <div className="draft-preview-live" data-status={handle.state.status}>
      {offline ? <p className="draft-preview-offline">{t(handle.state.status === 'connecting' ? 'draft.status-connecting' : 'draft.preview-offline')}</p> : null}
      <DraftPreview doc={handle.session.doc} />
    </div>
  );
}
