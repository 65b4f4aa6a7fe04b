import * as Y from 'yjs';
import { DRAFT_NODES } from './draftSchema.ts';

/** A run of text with its marks, or a line break. */
export type PreviewInline = { type: 'text'; text: string; bold: boolean; italic: boolean } | { type: 'break' };

/** A draft's blocks as plain data, ready to render without an editor. */
export type PreviewBlock =
  | { type: 'heading'; level: 1 | 2 | 3; content: PreviewInline[] }
  | { type: 'paragraph'; content: PreviewInline[] }
  | { type: 'list'; ordered: boolean; start: number; items: PreviewBlock[][] }
  | { type: 'blockquote'; content: PreviewBlock[] }
  | { type: 'recommendation'; number: number; statement: PreviewInline[]; rationale: PreviewBlock[] }
  | { type: 'promoted'; tableId: string; tableName: string; at: number; content: PreviewBlock[] };

type YNode = Y.XmlElement | Y.XmlText | Y.XmlHook;

/**
 * y-prosemirror stores a mark as a text attribute named after it (`bold`, or `bold--<hash>`
 * when overlapping); a null value is a mark that was removed.
 */
const hasMark = (attributes: Record<string, unknown> | undefined, mark: string) =>
  attributes !== undefined && Object.entries(attributes).some(([k, v]) => v != null && (k === mark || k.startsWith(`${mark}--`)));

function textRuns(text: Y.XmlText): PreviewInline[] {
  const runs: PreviewInline[] = [];
  for (const op of text.toDelta() as { insert?: unknown; attributes?: Record<string, unknown> }[]) {
    if (typeof op.insert !== 'string' || op.insert === '') continue;
    runs.push({ type: 'text', text: op.insert, bold: hasMark(op.attributes, 'bold'), italic: hasMark(op.attributes, 'italic') });
  }
  return runs;
}

function inlines(node: Y.XmlElement): PreviewInline[] {
  const out: PreviewInline[] = [];
  for (const child of node.toArray() as YNode[]) {
    if (child instanceof Y.XmlText) out.push(...textRuns(child));
    else if (child instanceof Y.XmlElement && child.nodeName === DRAFT_NODES.hardBreak) out.push({ type: 'break' });
  }
  return out;
}

/** Numbers recommendations in document order, as the editor's CSS counter does. */
interface Walk {
  recommendations: number;
}

function children(node: Y.XmlElement | Y.XmlFragment, walk: Walk): PreviewBlock[] {
  return (node.toArray() as YNode[]).flatMap((child) => block(child, walk));
}

function headingLevel(value: unknown): 1 | 2 | 3 {
  const n = Number(value);
  return n === 1 || n === 3 ? n : 2;
}

function recommendation(node: Y.XmlElement, walk: Walk): PreviewBlock {
  const number = ++walk.recommendations;
  const parts = node.toArray() as YNode[];
  const statement = parts.find((p): p is Y.XmlElement => p instanceof Y.XmlElement && p.nodeName === DRAFT_NODES.statement);
  const rationale = parts.find((p): p is Y.XmlElement => p instanceof Y.XmlElement && p.nodeName === DRAFT_NODES.rationale);
  return { type: 'recommendation', number, statement: statement ? inlines(statement) : [], rationale: rationale ? children(rationale, walk) : [] };
}

function block(node: YNode, walk: Walk): PreviewBlock[] {
  // Text straight under a container is not valid in the schema; show it rather than lose it.
  if (node instanceof Y.XmlText) return [{ type: 'paragraph', content: textRuns(node) }];
  if (!(node instanceof Y.XmlElement)) return [];
  switch (node.nodeName) {
    case DRAFT_NODES.paragraph:
      return [{ type: 'paragraph', content: inlines(node) }];
    case DRAFT_NODES.heading:
      return [{ type: 'heading', level: headingLevel(node.getAttribute('level')), content: inlines(node) }];
    case DRAFT_NODES.bulletList:
    case DRAFT_NODES.orderedList: {
      const items = (node.toArray() as YNode[]).map((item) => (item instanceof Y.XmlElement ? children(item, walk) : block(item, walk)));
      const start = Number(node.getAttribute('start') ?? 1);
      return [{ type: 'list', ordered: node.nodeName === DRAFT_NODES.orderedList, start: Number.isFinite(start) ? start : 1, items }];
    }
    case DRAFT_NODES.blockquote:
      return [{ type: 'blockquote', content: children(node, walk) }];
    case DRAFT_NODES.recommendation:
      return [recommendation(node, walk)];
    case DRAFT_NODES.promoted: {
      const attrs = node.getAttributes() as Record<string, unknown>;
      return [{ type: 'promoted', tableId: String(attrs.tableId ?? ''), tableName: String(attrs.tableName ?? ''), at: Number(attrs.at) || 0, content: children(node, walk) }];
    }
    default:
      // A node from a newer schema: keep its content visible.
      return children(node, walk);
  }
}

/** The draft's blocks, from the Yjs fragment the editor writes to. */
export function previewTree(fragment: Y.XmlFragment): PreviewBlock[] {
  return children(fragment, { recommendations: 0 });
}

/** True when the draft holds no text at all (an untouched draft is one empty paragraph). */
export function isEmptyTree(blocks: PreviewBlock[]): boolean {
  return blocks.every((b) => {
    switch (b.type) {
      case 'paragraph':
      case 'heading':
        return b.content.every((i) => i.type === 'break' || i.text.trim() === '');
      case 'list':
        return b.items.every(isEmptyTree);
      case 'recommendation':
        return false;
      default:
        return isEmptyTree(b.content);
    }
  });
}
