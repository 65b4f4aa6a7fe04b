import type { Extensions } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import StarterKit from '@tiptap/starter-kit';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import type { CaretUser } from './caretUser.ts';
import { DraftPlaceholders, type PlaceholderTexts } from './draftPlaceholders.ts';
import { DRAFT_FIELD } from './draftSchema.ts';
import { Promoted } from './promotedNode.ts';
import { Recommendation, RecommendationRationale, RecommendationStatement } from './recommendationNodes.ts';

export interface DraftSchemaOptions {
  /** The reader's language, for the times in promoted passages' margins. */
  locale?: string;
  /** Hints for empty lines; omitted for readers, who cannot fill them. */
  placeholders?: PlaceholderTexts;
}

/**
 * The draft's schema: what a citizens' panel needs and the Markdown export can express.
 * No code, rules, links, strike or underline. No undo history here: Collaboration brings
 * its own, which only undoes this person's changes. No trailing-paragraph plugin: it reacts
 * to remote changes too, so every open phone would append its own empty line.
 */
export function draftSchemaExtensions(options: DraftSchemaOptions = {}): Extensions {
  return [
    StarterKit.configure({
      undoRedo: false,
      codeBlock: false,
      code: false,
      horizontalRule: false,
      strike: false,
      underline: false,
      link: false,
      trailingNode: false,
      heading: { levels: [1, 2, 3] },
    }),
    Recommendation,
    RecommendationStatement,
    RecommendationRationale,
    Promoted.configure({ locale: options.locale }),
    ...(options.placeholders ? [DraftPlaceholders.configure(options.placeholders)] : []),
  ];
}

/** A caret as a DOM element; `data-role` lets the projector find the moderator's. */
function renderCaret(user: Record<string, unknown>): HTMLElement {
  const caret = document.createElement('span');
  caret.className = 'collaboration-carets__caret';
  caret.style.borderColor = String(user.color);
  if (typeof user.role === 'string') caret.dataset.role = user.role;
  const label = document.createElement('div');
  label.className = 'collaboration-carets__label';
  label.style.backgroundColor = String(user.color);
  label.textContent = String(user.name ?? '');
  caret.append(label);
  return caret;
}

export interface DraftExtensionOptions extends DraftSchemaOptions {
  doc: Y.Doc;
  /** Null for a headless writer: no carets, nothing published about this device. */
  provider: WebsocketProvider | null;
  /** This person's caret; null for a reader (the caret extension then publishes nothing). */
  user: CaretUser | null;
}

/** The schema bound to a Yjs document, with live carets when there is a provider. */
export function draftExtensions({ doc, provider, user, ...schema }: DraftExtensionOptions): Extensions {
  const extensions = [...draftSchemaExtensions(schema), Collaboration.configure({ document: doc, field: DRAFT_FIELD, provider })];
  // A reader's awareness state is null, so the caret extension's "set my user" is a no-op.
  if (provider) extensions.push(CollaborationCaret.configure({ provider, user: user ?? {}, render: renderCaret }));
  return extensions;
}
