import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { DiffBlock } from '../../../drafts/export/draftDiff.ts';
import { diffRows } from '../../../drafts/export/diffRows.ts';
import type { DiffRun } from '../../../drafts/export/wordDiff.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import type { TranslationKey } from '../../../i18n/translate.ts';

const BADGES: Record<DiffBlock['status'], TranslationKey | null> = {
  same: null,
  added: 'draft.diff-block-added',
  removed: 'draft.diff-block-removed',
  changed: 'draft.diff-block-changed',
};

/**
 * A changed word: <ins>/<del> with a visible decoration and, inside an edited block, a word
 * for screen readers, so colour is never the only cue.
 */
function Run({ run, spoken }: { run: DiffRun; spoken: boolean }) {
  const { t } = useI18n();
  if (run.kind === 'same') return <>{run.text}</>;
  const Tag = run.kind === 'added' ? 'ins' : 'del';
  const word = t(run.kind === 'added' ? 'draft.diff-sr-added' : 'draft.diff-sr-removed');
  return (
    <Tag>
      {spoken ? <span className="visually-hidden">[{word}: </span> : null}
      {run.text}
      {spoken ? <span className="visually-hidden">]</span> : null}
    </Tag>
  );
}

/** What the block is in the draft: "Recommendation 2", "Rationale:", or nothing. */
function Lead({ block }: { block: DiffBlock }): ReactNode {
  const { t } = useI18n();
  if (block.type === 'recommendation') return <span className="diff-rec-label">{t('draft.export-recommendation', { number: block.number })}</span>;
  if (block.type === 'rationale') return <span className="diff-rationale-label">{t('draft.export-rationale')} </span>;
  if (block.type === 'listItem') return <span className="diff-bullet" aria-hidden="true">{block.ordered ? '#' : '•'}</span>;
  return null;
}

function blockClass(block: DiffBlock): string {
  const kind = block.type === 'heading' ? `diff-heading diff-heading-${block.level}` : `diff-${block.type}`;
  return `diff-block diff-${block.status} ${kind}${block.quoted ? ' diff-quoted' : ''}`;
}

/** `focus`: the first block of a fold just opened, so the keyboard stays where the reader was. */
function Block({ block, source, focus }: { block: DiffBlock; source: string | null; focus: boolean }) {
  const { t } = useI18n();
  const badge = BADGES[block.status];
  // A whole block added or removed is said once by its badge, not word by word.
  const spoken = block.status === 'changed';
  const depth = block.type === 'listItem' ? block.depth : 0;
  const ref = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  return (
    <li
      ref={ref}
      tabIndex={focus ? -1 : undefined}
      className={blockClass(block)}
      data-status={block.status}
      style={depth > 0 ? { marginInlineStart: `${depth * 1.25}rem` } : undefined}
    >
      {source ? <p className="diff-source">{t('draft.export-from-untimed', { table: source })}</p> : null}
      <div className="diff-line">
        {/* A recommendation's number comes first, as in the draft; elsewhere the badge leads. */}
        {block.type === 'recommendation' ? <Lead block={block} /> : null}
        {badge ? <span className={`diff-badge diff-badge-${block.status}`}>{t(badge)}</span> : null}
        {block.type === 'recommendation' ? null : <Lead block={block} />}
        <span className="diff-text">
          {block.runs.map((run, k) => (
            <Run key={k} run={run} spoken={spoken} />
          ))}
        </span>
      </div>
    </li>
  );
}

/** A comparison, block by block, with long unchanged stretches folded away. */
export function DiffView({ diff }: { diff: DiffBlock[] }) {
  const { tn } = useI18n();
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set());
  const [opened, setOpened] = useState<number | null>(null);
  const rows = useMemo(() => diffRows(diff, { expanded }), [diff, expanded]);
  return (
    <ol className="diff-list" data-testid="draft-diff">
      {rows.map((row) =>
        row.kind === 'block' ? (
          <Block key={`b${row.index}`} block={row.block} source={row.source} focus={row.index === opened} />
        ) : (
          <li key={`f${row.key}`} className="diff-fold">
            <button type="button" className="button button-ghost button-small" onClick={() => {
                setExpanded((s) => new Set(s).add(row.key));
                setOpened(row.key);
              }}>
              {tn('draft.diff-unchanged', row.blocks.length)}
            </button>
          </li>
        ),
      )}
    </ol>
  );
}
