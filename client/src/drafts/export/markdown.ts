import type { DraftBlock, DraftInline, DraftText } from './draftTree.ts';
import { provenanceText, type ExportOptions } from './exportLabels.ts';
import { inlineMarkdown } from './markdownInline.ts';

/** The title, the translated labels and a time formatter. */
export type MarkdownOptions = ExportOptions;

type ListBlock = Extract<DraftBlock, { type: 'list' }>;

const plain = (text: string, italic = false): DraftText => ({ kind: 'text', text, bold: false, italic });

/** `level` 1 is the title's: the draft's own headings sit one level below it. */
function atxHeading(level: number, content: DraftInline[]): string {
  const text = inlineMarkdown(content, { oneLine: true });
  if (text === '') return '';
  // A trailing " #" would be read as the optional closing sequence and vanish.
  return `${'#'.repeat(level)} ${text.replace(/(^|\s)(#+)$/, '$1\\$2')}`;
}

function indent(body: string, first: string, rest: string): string {
  return body
    .split('\n')
    .map((line, k) => (k === 0 ? first + line : line === '' ? '' : rest + line))
    .join('\n');
}

/** `alt`: the second of two adjacent lists of one kind uses `*` or `)`, else Markdown merges them. */
function listMarkdown(list: ListBlock, options: MarkdownOptions, alt: boolean): string {
  const start = Math.max(0, list.start);
  return list.items
    .map((item, k) => {
      const marker = list.ordered ? `${start + k}${alt ? ')' : '.'}` : alt ? '*' : '-';
      const body = blocksMarkdown(item, options, true);
      return body === '' ? marker : indent(body, `${marker} `, ' '.repeat(marker.length + 1));
    })
    .join('\n');
}

/** Leading empty lines are skipped, so the label always introduces words. */
function rationaleMarkdown(blocks: DraftBlock[], options: MarkdownOptions): string {
  const shown = blocks.filter((b) => b.type !== 'paragraph' || inlineMarkdown(b.content) !== '');
  const [first, ...rest] = shown;
  if (!first) return '';
  const label = plain(options.labels.rationale, true);
  if (first.type === 'paragraph') return blocksMarkdown([{ type: 'paragraph', content: [label, plain(' '), ...first.content] }, ...rest], options);
  return `${inlineMarkdown([label])}\n\n${blocksMarkdown(shown, options)}`;
}

function recommendationMarkdown(block: Extract<DraftBlock, { type: 'recommendation' }>, options: MarkdownOptions): string {
  const parts = [
    atxHeading(3, [plain(options.labels.recommendation(block.number))]),
    inlineMarkdown(block.statement, { bold: true }),
    rationaleMarkdown(block.rationale, options),
  ];
  return parts.filter((part) => part !== '').join('\n\n');
}

function blockMarkdown(block: DraftBlock, options: MarkdownOptions, alt: boolean): string {
  switch (block.type) {
    case 'paragraph':
      return inlineMarkdown(block.content);
    case 'heading':
      return atxHeading(block.level + 1, block.content);
    case 'list':
      return listMarkdown(block, options, alt);
    case 'blockquote': {
      const body = blocksMarkdown(block.children, options);
      return body === '' ? '' : indent(body, '> ', '> ').replace(/^$/gm, '>');
    }
    case 'recommendation':
      return recommendationMarkdown(block, options);
    case 'promoted': {
      const body = blocksMarkdown(block.children, options);
      const source = inlineMarkdown([plain(provenanceText(block, options), true)]);
      if (body === '') return '';
      return source === '' ? body : `> ${source}\n\n${body}`;
    }
    default:
      return assertNever(block);
  }
}

function assertNever(block: never): string {
  throw new Error(`unknown draft block ${JSON.stringify(block)}`);
}

/**
 * A paragraph and the list under it, inside a list item, go on consecutive lines (a tight
 * list) when Markdown lets that list interrupt the paragraph: a non-empty first item, and
 * for a numbered list a start at 1. Otherwise "text\n-" would read as a setext heading.
 */
function canFollowTightly(prev: DraftBlock | null, block: DraftBlock, md: string): boolean {
  if (prev?.type !== 'paragraph' || block.type !== 'list') return false;
  if (block.ordered && block.start !== 1) return false;
  return /^\S+ \S/.test(md);
}

function blocksMarkdown(blocks: DraftBlock[], options: MarkdownOptions, inItem = false): string {
  let out = '';
  let prev: DraftBlock | null = null;
  let prevAlt = false;
  for (const block of blocks) {
    const alt: boolean = block.type === 'list' && prev?.type === 'list' && prev.ordered === block.ordered && !prevAlt;
    const md = blockMarkdown(block, options, alt);
    if (md === '') continue;
    if (out !== '') out += inItem && canFollowTightly(prev, block, md) ? '\n' : '\n\n';
    out += md;
    prev = block;
    prevAlt = alt;
  }
  return out;
}

/**
 * The draft as a Markdown document: the title as `#`, the draft's headings one level below,
 * numbered recommendations with their rationale, and each promoted passage introduced by
 * a quoted line saying where it came from. All words around the draft's come from `labels`.
 */
export function draftToMarkdown(blocks: DraftBlock[], options: MarkdownOptions): string {
  const title = atxHeading(1, [plain(options.title)]);
  const body = blocksMarkdown(blocks, options);
  return `${[title, body].filter((part) => part !== '').join('\n\n')}\n`;
}
