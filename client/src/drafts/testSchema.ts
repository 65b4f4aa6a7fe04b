import { getSchema, type JSONContent } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { draftSchemaExtensions } from './draftExtensions.ts';

/** The draft schema without an editor or a DOM, for unit tests. */
export const draftSchema = getSchema(draftSchemaExtensions());

export const doc = (...content: JSONContent[]): PmNode => draftSchema.nodeFromJSON({ type: 'doc', content });
export const p = (text = ''): JSONContent => ({ type: 'paragraph', content: text ? [{ type: 'text', text }] : [] });
export const rec = (statement: string, ...why: string[]): JSONContent => ({
  type: 'recommendation',
  content: [
    { type: 'recommendationStatement', content: statement ? [{ type: 'text', text: statement }] : [] },
    { type: 'recommendationRationale', content: (why.length ? why : ['']).map((w) => p(w)) },
  ],
});

/** The position just inside the first occurrence of `text` (+ `offset`). */
export function posOf(node: PmNode, text: string, offset = 0): number {
  let found = -1;
  node.descendants((child, pos) => {
    if (found >= 0) return false;
    if (child.isText && child.text!.includes(text)) found = pos + child.text!.indexOf(text) + offset;
    return true;
  });
  if (found < 0) throw new Error(`"${text}" not in the document`);
  return found;
}
