import type { DraftBlock, DraftInline } from './draftTree.ts';
import { provenanceText, type ExportOptions } from './exportLabels.ts';
import { PRINT_CSS } from './printStyles.ts';

/** What the printable page needs besides the draft. */
export interface PrintOptions extends ExportOptions {
  /** The line under the title, e.g. the assembly and the date of the export; omitted when empty. */
  subtitle: string;
  /** BCP 47 language of the labels (`fr`, `nl`, …): hyphenation and screen readers follow it. */
  lang: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes for text and for double-quoted attributes alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

function inlineHtml(content: DraftInline[]): string {
  return content
    .map((run) => {
      if (run.kind === 'break') return '<br>';
      let html = escapeHtml(run.text);
      if (run.italic) html = `<em>${html}</em>`;
      return run.bold ? `<strong>${html}</strong>` : html;
    })
    .join('');
}

const isEmpty = (content: DraftInline[]) => content.every((run) => run.kind === 'break' || run.text.trim() === '');

/** Leading empty lines are skipped, so the label always introduces words. */
function rationaleHtml(blocks: DraftBlock[], options: PrintOptions): string {
  const shown = blocks.filter((b) => b.type !== 'paragraph' || !isEmpty(b.content));
  const [first, ...rest] = shown;
  if (!first) return '';
  const label = `<span class="rationale-label">${escapeHtml(options.labels.rationale)}</span>`;
  const body = first.type === 'paragraph' ? `<p>${label} ${inlineHtml(first.content)}</p>${blocksHtml(rest, options)}` : `<p>${label}</p>${blocksHtml(shown, options)}`;
  return `<div class="rationale">${body}</div>`;
}

function blockHtml(block: DraftBlock, options: PrintOptions): string {
  switch (block.type) {
    case 'paragraph':
      return isEmpty(block.content) ? '' : `<p>${inlineHtml(block.content)}</p>`;
    case 'heading': {
      // The title is the page's h1: the draft's headings sit one level below.
      const tag = `h${block.level + 1}`;
      return isEmpty(block.content) ? '' : `<${tag}>${inlineHtml(block.content)}</${tag}>`;
    }
    case 'list': {
      const items = block.items.map((item) => `<li>${blocksHtml(item, options)}</li>`).join('');
      if (!block.ordered) return `<ul>${items}</ul>`;
      return block.start === 1 ? `<ol>${items}</ol>` : `<ol start="${block.start}">${items}</ol>`;
    }
    case 'blockquote':
      return `<blockquote>${blocksHtml(block.children, options)}</blockquote>`;
    case 'recommendation': {
      const statement = isEmpty(block.statement) ? '' : `<p class="statement">${inlineHtml(block.statement)}</p>`;
      const title = `<h3>${escapeHtml(options.labels.recommendation(block.number))}</h3>`;
      return `<section class="recommendation" data-number="${block.number}">${title}${statement}${rationaleHtml(block.rationale, options)}</section>`;
    }
    case 'promoted': {
      const body = blocksHtml(block.children, options);
      const label = provenanceText(block, options);
      const source = label === '' ? '' : `<p class="provenance">${escapeHtml(label)}</p>`;
      return body === '' ? '' : `<section class="promoted" data-table-id="${escapeHtml(block.tableId)}">${source}${body}</section>`;
    }
    default:
      return assertNever(block);
  }
}

function assertNever(block: never): string {
  throw new Error(`unknown draft block ${JSON.stringify(block)}`);
}

function blocksHtml(blocks: DraftBlock[], options: PrintOptions): string {
  return blocks
    .map((block) => blockHtml(block, options))
    .filter((html) => html !== '')
    .join('\n');
}

/**
 * The draft as a standalone, print-ready HTML document (A4): a header with the title and
 * subtitle, recommendations in numbered boxes kept whole on a page, and each promoted
 * passage's provenance in the margin. No scripts, fonts or images from anywhere: open it,
 * print it, or save it as PDF from the browser. All text is HTML-escaped.
 */
export function draftToPrintHtml(blocks: DraftBlock[], options: PrintOptions): string {
  const subtitle = options.subtitle.trim() === '' ? '' : `\n<p class="subtitle">${escapeHtml(options.subtitle)}</p>`;
  return `<!doctype html>
<html lang="${escapeHtml(options.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)}</title>
<style>${PRINT_CSS}</style>
</head>
<body>
<header class="document">
<h1>${escapeHtml(options.title)}</h1>${subtitle}
</header>
<main>
${blocksHtml(blocks, options)}
</main>
</body>
</html>
`;
}
