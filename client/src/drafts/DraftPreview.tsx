import '../styles/drafts.css';
import { useMemo, useSyncExternalStore, type ReactNode } from 'react';
import type * as Y from 'yjs';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { DRAFT_FIELD, provenanceLabel } from './draftSchema.ts';
import { isEmptyTree, previewTree, type PreviewBlock, type PreviewInline } from './previewTree.ts';

/**
 * The fragment's tree, rebuilt at most once per frame: a table typing fast, times eighty
 * tables on the desk, must not mean a React render per keystroke.
 */
function fragmentStore(fragment: Y.XmlFragment) {
  let tree = previewTree(fragment);
  return {
    subscribe(onChange: () => void) {
      let frame = 0;
      const observer = () => {
        cancelAnimationFrame(frame);
        frame = requestAnimationFrame(() => {
          tree = previewTree(fragment);
          onChange();
        });
      };
      fragment.observeDeep(observer);
      // Catch what arrived between creating the store and subscribing (the local copy loading).
      tree = previewTree(fragment);
      return () => {
        fragment.unobserveDeep(observer);
        cancelAnimationFrame(frame);
      };
    },
    getSnapshot: () => tree,
  };
}

function Inlines({ content }: { content: PreviewInline[] }) {
  return (
    <>
      {content.map((run, i) => {
        if (run.type === 'break') return <br key={i} />;
        let node: ReactNode = run.text;
        if (run.italic) node = <em>{node}</em>;
        if (run.bold) node = <strong>{node}</strong>;
        return <span key={i}>{node}</span>;
      })}
    </>
  );
}

function Blocks({ blocks, labels }: { blocks: PreviewBlock[]; labels: Labels }) {
  return (
    <>
      {blocks.map((b, i) => (
        <Block key={i} block={b} labels={labels} />
      ))}
    </>
  );
}

interface Labels {
  recommendation: string;
  rationale: string;
  locale: string;
}

function Block({ block: b, labels }: { block: PreviewBlock; labels: Labels }) {
  switch (b.type) {
    case 'paragraph':
      return (
        <p>
          <Inlines content={b.content} />
        </p>
      );
    case 'heading': {
      const H = `h${b.level}` as const;
      return (
        <H>
          <Inlines content={b.content} />
        </H>
      );
    }
    case 'list': {
      const items = b.items.map((item, i) => (
        <li key={i}>
          <Blocks blocks={item} labels={labels} />
        </li>
      ));
      return b.ordered ? <ol start={b.start}>{items}</ol> : <ul>{items}</ul>;
    }
    case 'blockquote':
      return (
        <blockquote>
          <Blocks blocks={b.content} labels={labels} />
        </blockquote>
      );
    case 'recommendation':
      return (
        <section data-type="recommendation">
          <p className="draft-recommendation-label">
            {labels.recommendation} {b.number}
          </p>
          <p data-type="recommendation-statement">
            <Inlines content={b.statement} />
          </p>
          <div data-type="recommendation-rationale">
            <p className="draft-rationale-label">{labels.rationale}</p>
            <Blocks blocks={b.rationale} labels={labels} />
          </div>
        </section>
      );
    case 'promoted':
      return (
        <section data-type="promoted">
          <p className="draft-provenance">{provenanceLabel(b, labels.locale)}</p>
          <Blocks blocks={b.content} labels={labels} />
        </section>
      );
  }
}

/**
 * A draft as plain HTML, live, without an editor: cheap enough for a grid of every
 * table's draft on the desk. Numbers and labels are real text here (the editor draws them
 * with CSS), so a screen reader reads the same as it sees.
 */
export function DraftPreview({ doc }: { doc: Y.Doc }) {
  const { t, lang } = useI18n();
  const store = useMemo(() => fragmentStore(doc.getXmlFragment(DRAFT_FIELD)), [doc]);
  const blocks = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const labels = useMemo(() => ({ recommendation: t('draft.recommendation-label'), rationale: t('draft.rationale-label'), locale: lang }), [t, lang]);
  if (isEmptyTree(blocks)) return <p className="draft-preview-empty">{t('draft.preview-empty')}</p>;
  return (
    <div className="draft-content draft-preview">
      <Blocks blocks={blocks} labels={labels} />
    </div>
  );
}
