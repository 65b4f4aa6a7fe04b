import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import type { MouseEvent, ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';

/** A toolbar button that leaves the focus (and a phone's keyboard) in the text. */
function ToolButton({ label, pressed, disabled, onPress, className, testId, children }: { label: string; pressed?: boolean; disabled?: boolean; onPress: () => void; className?: string; testId?: string; children: ReactNode }) {
  const keepFocus = (e: MouseEvent) => e.preventDefault();
  return (
    <button
      type="button"
      className={['draft-tool', className].filter(Boolean).join(' ')}
      aria-label={label}
      title={label}
      aria-pressed={pressed}
      disabled={disabled}
      onMouseDown={keepFocus}
      onClick={onPress}
      data-testid={testId}
    >
      {children}
    </button>
  );
}

// Drawn, not typed: a "1." in the button would not match its spoken name ("Numbered list").
const BULLETS = 'M4 6h2M4 12h2M4 18h2';
const NUMBERS = 'M4 4.5l1.5-1v5M3.8 11q1.2-1.2 2.4 0q.3 1-2.4 3.5h2.7M3.8 16.5h2.5l-1.5 1.5q2 .3 1.4 1.8q-.8 1.2-2.4.5';

function ListIcon({ marks }: { marks: string }) {
  return (
    <svg className="draft-tool-icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
      <path d={`${marks}M10 6h11M10 12h11M10 18h11`} fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

/**
 * Six things a panel needs and nothing else, with big targets for phones: heading, lists,
 * bold, italic, undo, and a new recommendation. Pressed states show what the cursor is in.
 */
export function DraftToolbar({ editor }: { editor: Editor }) {
  const { t } = useI18n();
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      heading: e.isActive('heading'),
      bullet: e.isActive('bulletList'),
      ordered: e.isActive('orderedList'),
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      canUndo: e.can().undo(),
    }),
  });
  const run = (command: (chain: ReturnType<Editor['chain']>) => ReturnType<Editor['chain']>) => () => void command(editor.chain().focus()).run();
  return (
    <div className="draft-toolbar" role="toolbar" aria-label={t('draft.toolbar')} data-testid="draft-toolbar">
      <ToolButton label={t('draft.heading')} pressed={active.heading} onPress={run((c) => c.toggleHeading({ level: 2 }))} className="draft-tool-heading">
        {t('draft.heading')}
      </ToolButton>
      <ToolButton label={t('draft.bullet-list')} pressed={active.bullet} onPress={run((c) => c.toggleBulletList())}>
        <ListIcon marks={BULLETS} />
      </ToolButton>
      <ToolButton label={t('draft.ordered-list')} pressed={active.ordered} onPress={run((c) => c.toggleOrderedList())}>
        <ListIcon marks={NUMBERS} />
      </ToolButton>
      <ToolButton label={t('draft.bold')} pressed={active.bold} onPress={run((c) => c.toggleBold())} className="draft-tool-bold">
        <span aria-hidden="true">B</span>
      </ToolButton>
      <ToolButton label={t('draft.italic')} pressed={active.italic} onPress={run((c) => c.toggleItalic())} className="draft-tool-italic">
        <span aria-hidden="true">I</span>
      </ToolButton>
      <ToolButton label={t('draft.undo')} disabled={!active.canUndo} onPress={run((c) => c.undo())}>
        <span aria-hidden="true">↶</span>
      </ToolButton>
      <ToolButton label={t('draft.add-recommendation')} onPress={run((c) => c.insertRecommendation())} className="draft-tool-recommendation" testId="draft-add-recommendation">
        {t('draft.add-recommendation')}
      </ToolButton>
    </div>
  );
}
