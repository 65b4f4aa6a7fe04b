import type { Editor, JSONContent } from '@tiptap/core';
import type { Node as PmNode, ResolvedPos } from '@tiptap/pm/model';
import type { EditorState } from '@tiptap/pm/state';
import { DRAFT_NODES, type Provenance } from './draftSchema.ts';

/** Containers whose children are whole blocks: a selection promotes children of one of these. */
const BLOCK_CONTAINERS: ReadonlySet<string> = new Set(['doc', DRAFT_NODES.promoted, DRAFT_NODES.blockquote]);

function enclosing($pos: ResolvedPos, name: string): PmNode | null {
  for (let d = $pos.depth; d > 0; d--) if ($pos.node(d).type.name === name) return $pos.node(d);
  return null;
}

/**
 * What "Send to the plenary" sends, as ProseMirror JSON: with the cursor in a recommendation,
 * that whole recommendation; with a selection, every block it touches, whole (a half
 * sentence out of context helps nobody); otherwise nothing (null).
 */
export function promotionContent(state: EditorState): JSONContent[] | null {
  const { selection } = state;
  const recommendation = enclosing(selection.$from, DRAFT_NODES.recommendation);
  if (selection.empty) return recommendation ? [recommendation.toJSON() as JSONContent] : null;
  if (recommendation && recommendation === enclosing(selection.$to, DRAFT_NODES.recommendation)) return [recommendation.toJSON() as JSONContent];
  const range = selection.$from.blockRange(selection.$to, (node) => BLOCK_CONTAINERS.has(node.type.name));
  if (!range) return null;
  const blocks: JSONContent[] = [];
  for (let i = range.startIndex; i < range.endIndex; i++) blocks.push(range.parent.child(i).toJSON() as JSONContent);
  return blocks.length > 0 ? blocks : null;
}

/** The passage as it lands in the plenary draft, with where and when it came from. */
export function wrapPromoted(content: JSONContent[], provenance: Provenance): JSONContent {
  return { type: DRAFT_NODES.promoted, attrs: { tableId: provenance.tableId, tableName: provenance.tableName, at: provenance.at }, content };
}

/** The passage's words, for a confirmation ("Sent: …"). */
export function plainText(content: JSONContent[]): string {
  const parts: string[] = [];
  const walk = (node: JSONContent) => {
    if (typeof node.text === 'string') parts.push(node.text);
    else if (node.type === DRAFT_NODES.hardBreak) parts.push(' ');
    node.content?.forEach(walk);
    if (node.content && node.type !== DRAFT_NODES.listItem) parts.push(' ');
  };
  content.forEach(walk);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

/**
 * Where a passage goes at the end of the plenary draft: before the empty last line if there
 * is one (in an untouched draft, the only line), so that line stays last for the moderator
 * to type on; else at the very end, with a new empty line after it.
 */
export function appendPosition(doc: PmNode): { at: number; needsLine: boolean } {
  const last = doc.lastChild;
  if (last && last.type.name === DRAFT_NODES.paragraph && last.content.size === 0) return { at: doc.content.size - last.nodeSize, needsLine: false };
  return { at: doc.content.size, needsLine: true };
}

/** Appends a wrapped passage to the plenary editor; false when the schema refused it. */
export function appendPromoted(plenary: Editor, promoted: JSONContent): boolean {
  const { at, needsLine } = appendPosition(plenary.state.doc);
  const content = needsLine ? [promoted, { type: DRAFT_NODES.paragraph }] : [promoted];
  return plenary.commands.insertContentAt(at, content, { updateSelection: false });
}
