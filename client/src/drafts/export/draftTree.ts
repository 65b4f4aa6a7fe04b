import * as Y from 'yjs';
import { DRAFT_FIELD, DRAFT_NODES } from '../draftSchema.ts';

/** A run of text with the two marks an export keeps. */
export interface DraftText {
  kind: 'text';
  text: string;
  bold: boolean;
  italic: boolean;
}

/** A line break inside a block (a `hardBreak` node, or a newline typed into the text). */
export interface DraftBreak {
  kind: 'break';
}

export type DraftInline = DraftText | DraftBreak;

/**
 * A draft as plain, serialisable data: what the exports and the version comparison read,
 * so none of them needs Yjs or an editor.
 */
export type DraftBlock =
  | { type: 'paragraph'; content: DraftInline[] }
  | { type: 'heading'; level: 1 | 2 | 3; content: DraftInline[] }
  | { type: 'list'; ordered: boolean; start: number; items: DraftBlock[][] }
  | { type: 'blockquote'; children: DraftBlock[] }
  | {
      type: 'recommendation';
      /** 1-based, in reading order across the whole draft (promoted passages included). */
      number: number;
      statement: DraftInline[];
      rationale: DraftBlock[];
    }
  | {
      type: 'promoted';
      tableId: string;
      tableName: string;
      /** Epoch milliseconds when the passage was promoted; 0 when missing or unreadable. */
      at: number;
      children: DraftBlock[];
    };

type YNode = Y.XmlElement | Y.XmlText | Y.XmlHook;

/** Recommendations are numbered while reading: the number is not stored, the editor counts with CSS. */
interface Walk {
  recommendations: number;
}

const BREAK: DraftBreak = { kind: 'break' };

/**
 * y-prosemirror names a mark's attribute after the mark, or `bold--<hash>` when the mark may
 * overlap itself. Its value is the mark's attrs (`{}`), though other writers use `true`.
 */
function hasMark(attributes: Record<string, unknown> | undefined, mark: string): boolean {
  if (!attributes) return false;
  return Object.entries(attributes).some(([k, v]) => (k === mark || k.startsWith(`${mark}--`)) && v !== null && v !== false && v !== undefined);
}

/** Appends a run, merging it into the previous one when the marks match (dropped marks leave such seams). */
function pushInline(out: DraftInline[], inline: DraftInline): void {
  const last = out[out.length - 1];
  if (inline.kind === 'text' && last?.kind === 'text' && last.bold === inline.bold && last.italic === inline.italic) {
    out[out.length - 1] = { ...last, text: last.text + inline.text };
  } else out.push(inline);
}

function textRuns(text: Y.XmlText, out: DraftInline[]): void {
  for (const op of text.toDelta() as { insert?: unknown; attributes?: Record<string, unknown> }[]) {
    if (typeof op.insert !== 'string') continue;
    const bold = hasMark(op.attributes, 'bold');
    const italic = hasMark(op.attributes, 'italic');
    // The editor shows a pasted newline as a line break (white-space: pre-wrap), so we do too.
    op.insert.split(/\r\n|\r|\n/).forEach((line, i) => {
      if (i > 0) pushInline(out, BREAK);
      if (line !== '') pushInline(out, { kind: 'text', text: line, bold, italic });
    });
  }
}

function inlines(node: Y.XmlElement, out: DraftInline[] = []): DraftInline[] {
  for (const child of node.toArray() as YNode[]) {
    if (child instanceof Y.XmlText) textRuns(child, out);
    else if (child instanceof Y.XmlElement && child.nodeName === DRAFT_NODES.hardBreak) pushInline(out, BREAK);
    // An inline node from a newer schema: keep whatever text it holds.
    else if (child instanceof Y.XmlElement) inlines(child, out);
  }
  return out;
}

function blocks(parent: Y.XmlElement | Y.XmlFragment, walk: Walk): DraftBlock[] {
  const out: DraftBlock[] = [];
  // Text straight inside a container is not valid in the schema, but it is someone's words.
  let loose: DraftInline[] = [];
  const flush = () => {
    if (loose.length > 0) out.push({ type: 'paragraph', content: loose });
    loose = [];
  };
  for (const child of parent.toArray() as YNode[]) {
    if (child instanceof Y.XmlText) textRuns(child, loose);
    else if (child instanceof Y.XmlElement && child.nodeName === DRAFT_NODES.hardBreak) pushInline(loose, BREAK);
    else if (child instanceof Y.XmlElement) {
      flush();
      out.push(...block(child, walk));
    }
  }
  flush();
  return out;
}

function headingLevel(value: unknown): 1 | 2 | 3 {
  const n = Math.round(Number(value));
  if (!Number.isFinite(n) || n <= 1) return 1;
  return n >= 3 ? 3 : 2;
}

/** `at` is a number when the editor wrote it, but attributes written by hand may be strings. */
function epochMs(value: unknown): number {
  let n = Number(value);
  if (Number.isNaN(n) && typeof value === 'string') n = Date.parse(value);
  return Number.isFinite(n) && n > 0 ? n : 0;
}

function list(node: Y.XmlElement, walk: Walk): DraftBlock {
  const items = (node.toArray() as YNode[]).map((item) => {
    if (item instanceof Y.XmlElement) return item.nodeName === DRAFT_NODES.listItem ? blocks(item, walk) : block(item, walk);
    const loose: DraftInline[] = [];
    if (item instanceof Y.XmlText) textRuns(item, loose);
    return loose.length > 0 ? [{ type: 'paragraph', content: loose } satisfies DraftBlock] : [];
  });
  const ordered = node.nodeName === DRAFT_NODES.orderedList;
  const start = Math.round(Number(node.getAttribute('start') ?? 1));
  return { type: 'list', ordered, start: Number.isFinite(start) ? start : 1, items };
}

function recommendation(node: Y.XmlElement, walk: Walk): DraftBlock {
  // Numbered before its rationale is read, so the count follows reading order.
  const number = ++walk.recommendations;
  let statement: DraftInline[] | null = null;
  const rationale: DraftBlock[] = [];
  for (const part of node.toArray() as YNode[]) {
    if (!(part instanceof Y.XmlElement)) continue;
    if (part.nodeName === DRAFT_NODES.statement && statement === null) statement = inlines(part);
    else if (part.nodeName === DRAFT_NODES.rationale) rationale.push(...blocks(part, walk));
    else rationale.push(...block(part, walk));
  }
  return { type: 'recommendation', number, statement: statement ?? [], rationale };
}

function block(node: Y.XmlElement, walk: Walk): DraftBlock[] {
  switch (node.nodeName) {
    case DRAFT_NODES.paragraph:
      return [{ type: 'paragraph', content: inlines(node) }];
    case DRAFT_NODES.heading:
      return [{ type: 'heading', level: headingLevel(node.getAttribute('level')), content: inlines(node) }];
    case DRAFT_NODES.bulletList:
    case DRAFT_NODES.orderedList:
      return [list(node, walk)];
    case DRAFT_NODES.blockquote:
      return [{ type: 'blockquote', children: blocks(node, walk) }];
    case DRAFT_NODES.recommendation:
      return [recommendation(node, walk)];
    case DRAFT_NODES.promoted: {
      const attrs = node.getAttributes() as Record<string, unknown>;
      const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));
      return [{ type: 'promoted', tableId: str(attrs.tableId), tableName: str(attrs.tableName), at: epochMs(attrs.at), children: blocks(node, walk) }];
    }
    default:
      // A node from a newer (or older) schema: its blocks and loose text stay readable.
      return blocks(node, walk);
  }
}

/** The draft held by a Yjs fragment (the editor writes to `doc.getXmlFragment('default')`). */
export function readDraft(fragment: Y.XmlFragment): DraftBlock[] {
  return blocks(fragment, { recommendations: 0 });
}

/** The draft in a stored version: a Yjs update (v1 encoding, as `Y.encodeStateAsUpdate` makes). */
export function readDraftFromUpdate(update: Uint8Array): DraftBlock[] {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, update);
    return readDraft(doc.getXmlFragment(DRAFT_FIELD));
  } finally {
    doc.destroy();
  }
}

/** A block's words as plain text, line breaks as `\n`; marks are dropped. */
export function inlineText(content: DraftInline[]): string {
  return content.map((i) => (i.kind === 'text' ? i.text : '\n')).join('');
}
