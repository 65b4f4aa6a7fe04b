import '../styles/drafts.css';
import type { DraftRef } from '@dr/shared';
import type { Editor } from '@tiptap/core';
import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect, useId, useRef, type CSSProperties, type ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useCaretFollow } from './caretFollow.ts';
import type { CaretUser } from './caretUser.ts';
import { isFinalProblem } from './draftConnection.ts';
import { draftExtensions } from './draftExtensions.ts';
import { DraftStatusLine } from './DraftStatusLine.tsx';
import { DraftToolbar } from './DraftToolbar.tsx';
import { useDraft, type DraftHandle } from './useDraft.ts';

export interface DraftEditorProps {
  roomId: string;
  roomKey: string;
  draft: DraftRef;
  /** This person's caret when they may write; null for a reader (read-only, invisible to others). */
  user: CaretUser | null;
  /** The accessible name of the text area ("Draft of Table 3"). */
  label: string;
  /** Phone: big type and targets. Desk: denser. Projector: huge type, no controls, follows the moderator. */
  variant: 'phone' | 'desk' | 'projector';
  /** The editor instance, for promoting between two editors on the desk. */
  onEditor?: (editor: Editor | null) => void;
  /** Controls under the text that need the editor (e.g. "Send to the plenary"). */
  actions?: (editor: Editor) => ReactNode;
}

/** A CSS string literal, for labels drawn by CSS counters (`content: var(--…)`). */
const cssString = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** A co-written draft: Yjs-backed TipTap editor with live carets and a plain status line. */
export function DraftEditor(props: DraftEditorProps) {
  const { t } = useI18n();
  const handle = useDraft({ roomId: props.roomId, roomKey: props.roomKey, draft: props.draft, user: props.user });
  if (!handle) {
    return (
      <p className="draft-loading" role="status">
        {t('draft.loading')}
      </p>
    );
  }
  return <DraftEditorView {...props} handle={handle} />;
}

function DraftEditorView({ handle, user, label, variant, onEditor, actions }: DraftEditorProps & { handle: DraftHandle }) {
  const { t, lang } = useI18n();
  const { session, state } = handle;
  const statusId = useId();
  const frame = useRef<HTMLDivElement>(null);
  const closed = isFinalProblem(state.problem);
  // The server has the last word: a refusal makes the text read-only here too, so nobody
  // types words that would silently be dropped.
  const writable = user !== null && !closed && state.problem !== 'read-only' && state.problem !== 'full';
  const editor = useEditor(
    {
      extensions: draftExtensions({
        doc: session.doc,
        provider: session.provider,
        user,
        locale: lang,
        placeholders: writable ? { empty: t('draft.empty-placeholder'), statement: t('draft.statement-placeholder'), rationale: t('draft.rationale-placeholder') } : undefined,
      }),
      editable: writable,
      editorProps: {
        // The role again: TipTap sets it at creation, but later option updates replace all attributes.
        attributes: {
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': label,
          'aria-describedby': statusId,
          'aria-readonly': String(!writable),
          class: 'draft-content',
          'data-testid': 'draft-editor',
        },
      },
    },
    // The caret user is only read at creation; later changes go through the awareness (useDraft).
    [session, writable, lang],
  );

  useEffect(() => {
    onEditor?.(editor);
    return () => onEditor?.(null);
  }, [editor, onEditor]);

  useCaretFollow(frame, session.provider.awareness, variant === 'projector');

  const labels = { '--draft-recommendation-label': cssString(t('draft.recommendation-label')), '--draft-rationale-label': cssString(t('draft.rationale-label')) } as CSSProperties;
  return (
    <div className={`draft-editor draft-editor-${variant}`} style={labels} data-writable={writable}>
      {writable && variant !== 'projector' ? <DraftToolbar editor={editor} /> : null}
      <DraftStatusLine id={statusId} state={state} readOnly={!writable} reader={user === null} quiet={variant === 'projector'} />
      {/* On the wall the frame scrolls by itself; focusable so a keyboard can scroll it too. */}
      <div ref={frame} className="draft-frame" tabIndex={variant === 'projector' ? 0 : undefined}>
        <EditorContent editor={editor} />
      </div>
      {actions && !closed ? <div className="draft-actions">{actions(editor)}</div> : null}
    </div>
  );
}
