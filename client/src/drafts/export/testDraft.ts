import * as Y from 'yjs';
import { DRAFT_FIELD } from '../draftSchema.ts';

/** Text with its marks as y-prosemirror stores them: `{ bold: {} }`, or `{ italic: true }` from other writers. */
export interface SpecText {
  text: string;
  marks?: Record<string, unknown>;
}

/** An element: its node name, attributes and children, as in the editor's Yjs document. */
export interface SpecNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: Spec[];
}

export type Spec = SpecNode | SpecText;
type Part = Spec | string;

const isText = (spec: Spec): spec is SpecText => 'text' in spec;
const asSpec = (part: Part): Spec => (typeof part === 'string' ? { text: part } : part);

export const b = (text: string): SpecText => ({ text, marks: { bold: {} } });
export const i = (text: string): SpecText => ({ text, marks: { italic: true } });
export const bi = (text: string): SpecText => ({ text, marks: { bold: {}, italic: {} } });
export const br = (): SpecNode => ({ type: 'hardBreak' });
export const p = (...parts: Part[]): SpecNode => ({ type: 'paragraph', content: parts.map(asSpec) });
export const h = (level: number, ...parts: Part[]): SpecNode => ({ type: 'heading', attrs: { level }, content: parts.map(asSpec) });
export const li = (...blocks: SpecNode[]): SpecNode => ({ type: 'listItem', content: blocks });
export const ul = (...items: SpecNode[]): SpecNode => ({ type: 'bulletList', content: items });
export const ol = (start: number | null, ...items: SpecNode[]): SpecNode => ({ type: 'orderedList', attrs: start === null ? {} : { start }, content: items });
export const quote = (...blocks: SpecNode[]): SpecNode => ({ type: 'blockquote', content: blocks });
export const rec = (statement: Part | Part[], ...rationale: SpecNode[]): SpecNode => ({
  type: 'recommendation',
  content: [
    { type: 'recommendationStatement', content: (Array.isArray(statement) ? statement : [statement]).map(asSpec) },
    { type: 'recommendationRationale', content: rationale.length > 0 ? rationale : [p()] },
  ],
});
export const promoted = (attrs: { tableId: string; tableName: string; at: number | string }, ...blocks: SpecNode[]): SpecNode => ({
  type: 'promoted',
  attrs,
  content: blocks,
});

/**
 * Writes children into an element that is already in the document: y-prosemirror keeps
 * consecutive text nodes in one Y.XmlText, their marks as formatting attributes.
 */
function fill(parent: Y.XmlElement | Y.XmlFragment, specs: Spec[]): void {
  for (let k = 0; k < specs.length; ) {
    const spec = specs[k]!;
    if (isText(spec)) {
      const delta: { insert: string; attributes: Record<string, unknown> }[] = [];
      for (; k < specs.length && isText(specs[k]!); k++) {
        const run = specs[k] as SpecText;
        delta.push({ insert: run.text, attributes: run.marks ?? {} });
      }
      const text = new Y.XmlText();
      parent.insert(parent.length, [text]);
      text.applyDelta(delta);
      continue;
    }
    const element = new Y.XmlElement(spec.type);
    parent.insert(parent.length, [element]);
    for (const [key, value] of Object.entries(spec.attrs ?? {})) element.setAttribute(key, value as string);
    fill(element, spec.content ?? []);
    k++;
  }
}

/** Writes a draft into `doc` the way the editor's Yjs binding does, for tests. */
export function buildDraft(doc: Y.Doc, blocks: SpecNode[]): Y.XmlFragment {
  const fragment = doc.getXmlFragment(DRAFT_FIELD);
  doc.transact(() => fill(fragment, blocks));
  return fragment;
}
