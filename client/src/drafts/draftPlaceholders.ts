import { Extension } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { DRAFT_NODES } from './draftSchema.ts';

/** Hints shown in empty lines; translated by the caller. */
export interface PlaceholderTexts {
  /** The whole draft is empty. */
  empty: string;
  /** An empty recommendation statement. */
  statement: string;
  /** The empty first line of a rationale. */
  rationale: string;
}

/** The placeholder for one empty textblock, or null when it gets none. */
function hintFor(node: PmNode, parent: PmNode | null, index: number, texts: PlaceholderTexts): string | null {
  if (node.type.name === DRAFT_NODES.statement) return texts.statement;
  if (parent?.type.name === DRAFT_NODES.rationale && index === 0) return texts.rationale;
  return null;
}

/**
 * Decorations only: the hints are never part of the document, so they are not synced,
 * not exported and not read out as text the table wrote.
 */
export function placeholderDecorations(doc: PmNode, texts: PlaceholderTexts): DecorationSet {
  const decorations: Decoration[] = [];
  const only = doc.childCount === 1 ? doc.firstChild : null;
  if (only && only.type.name === DRAFT_NODES.paragraph && only.content.size === 0) {
    decorations.push(Decoration.node(0, only.nodeSize, { class: 'draft-empty', 'data-placeholder': texts.empty }, { hint: texts.empty }));
  }
  doc.descendants((node, pos, parent, index) => {
    if (!node.isTextblock) return true;
    const hint = node.content.size === 0 ? hintFor(node, parent, index, texts) : null;
    if (hint) decorations.push(Decoration.node(pos, pos + node.nodeSize, { class: 'draft-empty', 'data-placeholder': hint }, { hint }));
    return false;
  });
  return DecorationSet.create(doc, decorations);
}

/** "What do you recommend?" / "Why?" in empty recommendation lines. */
export const DraftPlaceholders = Extension.create<PlaceholderTexts>({
  name: 'draftPlaceholders',
  addOptions: () => ({ empty: '', statement: '', rationale: '' }),
  addProseMirrorPlugins() {
    const texts = this.options;
    return [new Plugin({ key: new PluginKey('draftPlaceholders'), props: { decorations: (state) => placeholderDecorations(state.doc, texts) } })];
  },
});
