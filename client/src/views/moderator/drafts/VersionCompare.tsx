import type { DraftVersionInfo } from '@dr/shared';
import { useEffect, useId, useMemo, useState } from 'react';
import type * as Y from 'yjs';
import { diffDrafts, diffStats } from '../../../drafts/export/draftDiff.ts';
import type { DraftBlock } from '../../../drafts/export/draftTree.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { diffSummary } from './diffSummary.ts';
import { DiffView } from './DiffView.tsx';
import { apiErrorText, useLiveDraft, type DraftVersions } from './useDraftVersions.ts';

/** The select's value for the live document. */
export const NOW = 'now';

type Loaded = { key: string; blocks?: DraftBlock[][]; error?: string };

/** The texts of some saved versions, in the order asked; neither while loading. */
function useVersionTexts(load: DraftVersions['load'], ids: string[]): Loaded {
  const { t } = useI18n();
  const key = ids.join('\n');
  const [loaded, setLoaded] = useState<Loaded>({ key: '' });
  useEffect(() => {
    let current = true;
    Promise.all(key.split('\n').map(load)).then(
      (blocks) => current && setLoaded({ key, blocks }),
      (err: unknown) => current && setLoaded({ key, error: apiErrorText(t, err) }),
    );
    return () => {
      current = false;
    };
  }, [key, load, t]);
  return loaded.key === key ? loaded : { key };
}

interface CompareProps {
  /** Newest first. */
  versions: DraftVersionInfo[];
  from: DraftVersionInfo;
  /** A version's id, or `NOW`. */
  against: string;
  onAgainst: (id: string) => void;
  load: DraftVersions['load'];
  doc: Y.Doc;
}

/** The chosen version against the live draft or another version, older always on the left of the diff. */
export function VersionCompare({ versions, from, against, onAgainst, load, doc }: CompareProps) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const selectId = useId();
  const other = versions.find((v) => v.id === against && v.id !== from.id) ?? null;
  const [older, newer] = other && other.createdAt < from.createdAt ? [other, from] : [from, other];
  const live = useLiveDraft(doc);
  const loaded = useVersionTexts(load, newer ? [older.id, newer.id] : [older.id]);
  const before = loaded.blocks?.[0];
  const after = newer ? loaded.blocks?.[1] : live;
  const diff = useMemo(() => (before && after ? diffDrafts(before, after) : null), [before, after]);
  const format = new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' });
  const status = loaded.error ?? (diff ? diffSummary(diffStats(diff), i18n) : t('common.loading'));

  return (
    <section className="versions-compare" aria-labelledby={`${selectId}-title`}>
      <h3 id={`${selectId}-title`} className="visually-hidden">
        {t('draft.diff-title')}
      </h3>
      <div className="versions-compare-head">
        <label htmlFor={selectId} className="field-label">
          {t('draft.compare-with', { name: from.name })}
        </label>
        <select id={selectId} value={other?.id ?? NOW} onChange={(e) => onAgainst(e.target.value)} data-testid="draft-compare-with">
          <option value={NOW}>{t('draft.now')}</option>
          {versions
            .filter((v) => v.id !== from.id)
            .map((v) => (
              <option key={v.id} value={v.id}>{`${v.name} · ${format.format(v.createdAt)}`}</option>
            ))}
        </select>
      </div>
      <p className={loaded.error ? 'form-error' : 'diff-summary'} role="status" data-testid="draft-diff-summary">
        {status}
      </p>
      <p className="field-hint diff-legend">{t('draft.diff-legend')}</p>
      {/* Focusable so a keyboard can scroll a long comparison. */}
      <div className="diff-scroll" tabIndex={0} role="region" aria-labelledby={`${selectId}-title`}>
        {diff ? <DiffView key={`${older.id}\n${newer?.id ?? NOW}`} diff={diff} /> : null}
      </div>
    </section>
  );
}
