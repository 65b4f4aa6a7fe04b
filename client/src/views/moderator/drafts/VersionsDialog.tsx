import type { DraftRef } from '@dr/shared';
import { useEffect, useId, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { useDraftVersions } from './useDraftVersions.ts';
import { NOW, VersionCompare } from './VersionCompare.tsx';
import { SaveVersionForm, VersionList } from './VersionsSide.tsx';

interface VersionsDialogProps {
  draft: DraftRef;
  /** "Plenary draft", "Draft of Table 3". */
  draftName: string;
  /** The live document, the "now" of a comparison. */
  doc: Y.Doc;
  onClose: () => void;
}

/**
 * A draft's named versions in a native modal dialog (focus kept inside, Escape closes):
 * save the draft under a name, pick a saved version, and see what changed since then.
 * Shown while mounted; the list is fetched again each time it opens.
 */
export function VersionsDialog({ draft, draftName, doc, onClose }: VersionsDialogProps) {
  const { t } = useI18n();
  const titleId = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const versions = useDraftVersions(draft, t, doc);
  const [chosen, setChosen] = useState<string | null>(null);
  const [against, setAgainst] = useState(NOW);
  const list = versions.versions ?? [];
  // The newest version until the moderator picks one (or when the picked one is gone).
  const from = list.find((v) => v.id === chosen) ?? list[0] ?? null;

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  return (
    <dialog ref={ref} className="versions-dialog" aria-labelledby={titleId} onClose={onClose} data-testid="draft-versions">
      <div className="versions-head">
        <h2 id={titleId}>{t('draft.versions-title', { draft: draftName })}</h2>
        <button type="button" className="button button-small" onClick={() => ref.current?.close()} data-testid="draft-versions-close">
          {t('common.close')}
        </button>
      </div>
      <div className="versions-body">
        <div className="versions-side">
          <SaveVersionForm
            save={versions.save}
            onSaved={(v) => {
              setChosen(v.id);
              setAgainst(NOW);
            }}
          />
          <VersionList state={versions} selected={from?.id ?? null} onSelect={setChosen} />
        </div>
        {from ? (
          <VersionCompare versions={list} from={from} against={against} onAgainst={setAgainst} load={versions.load} doc={doc} />
        ) : versions.versions !== null ? (
          <p className="field-hint versions-compare">{t('draft.compare-none')}</p>
        ) : null}
      </div>
    </dialog>
  );
}
