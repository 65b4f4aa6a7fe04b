import type { DraftInline } from './draftTree.ts';
import { placeDelimiters, type Mark, type Segment } from './emphasis.ts';

export interface InlineOptions {
  /** Every run bold, e.g. a recommendation's statement (nesting `**` inside `**` would not parse). */
  bold?: boolean;
  /** Breaks become spaces: an ATX heading cannot span lines. */
  oneLine?: boolean;
}

const WS_START = /^\s+/;
const WS_END = /\s+$/;

/** Characters with an inline meaning anywhere in a line (GFM included: `~` strikes, `|` splits tables). */
export function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<|~]/g, '\\$&').replace(/&(?=#?[a-z0-9]+;)/gi, '\\&');
}

/**
 * Constructs that only count at the start of a line: headings, quotes, list markers,
 * setext underlines. Escaping them everywhere would litter every hyphen and full stop.
 */
export function escapeLineStart(text: string): string {
  return text
    .replace(/^(#{1,6})(?=\s|$)/, '\\$1')
    .replace(/^>/, '\\>')
    .replace(/^([-+=])(?=\s|$|\1)/, '\\$1')
    .replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
}

const isBlank = (run: DraftInline) => run.kind === 'break' || run.text.trim() === '';

/** Without breaks and blanks at either end: Markdown would drop them, or show a stray backslash. */
function trimmed(runs: DraftInline[]): DraftInline[] {
  let from = 0;
  let to = runs.length;
  while (from < to && isBlank(runs[from]!)) from++;
  while (to > from && isBlank(runs[to - 1]!)) to--;
  return runs.slice(from, to);
}

/** How many runs from `from` on carry `mark`: the longer-lived mark opens first, so it nests outside. */
function reach(runs: DraftInline[], from: number, mark: Mark, forceBold: boolean): number {
  let n = 0;
  for (let k = from; k < runs.length; k++, n++) {
    const run = runs[k]!;
    if (run.kind !== 'text' || !(mark === 'bold' ? run.bold || forceBold : run.italic)) break;
  }
  return n;
}

/**
 * Marks become open/close segments that nest properly, and whitespace at a run's edges moves
 * outside the delimiters: CommonMark ignores `** bold**`, and leaves `**a** ` intact.
 */
function segments(all: DraftInline[], options: InlineOptions): Segment[] {
  const runs = trimmed(all);
  const out: Segment[] = [];
  const open: Mark[] = [];
  let pendingSpace = '';
  runs.forEach((run, k) => {
    if (run.kind === 'break') {
      if (options.oneLine) {
        pendingSpace += ' ';
        return;
      }
      // A delimiter at the start of a line cannot close: marks end before the break and reopen after.
      for (const mark of open.splice(0).reverse()) out.push({ kind: 'close', mark });
      out.push({ kind: 'text', text: pendingSpace }, { kind: 'break' });
      pendingSpace = '';
      return;
    }
    const lead = WS_START.exec(run.text)?.[0] ?? '';
    const core = run.text.slice(lead.length).replace(WS_END, '');
    if (core === '') {
      pendingSpace += run.text;
      return;
    }
    const want = new Set<Mark>();
    if (run.bold || options.bold) want.add('bold');
    if (run.italic) want.add('italic');
    const keep = open.findIndex((m) => !want.has(m));
    if (keep >= 0) for (const mark of open.splice(keep).reverse()) out.push({ kind: 'close', mark });
    out.push({ kind: 'text', text: pendingSpace + lead });
    const opening = [...want].filter((m) => !open.includes(m));
    opening.sort((x, y) => reach(runs, k, y, !!options.bold) - reach(runs, k, x, !!options.bold));
    for (const mark of opening) out.push({ kind: 'open', mark });
    open.push(...opening);
    out.push({ kind: 'text', text: core });
    pendingSpace = run.text.slice(lead.length + core.length);
  });
  for (const mark of open.reverse()) out.push({ kind: 'close', mark });
  return out;
}

/**
 * Inline content as Markdown: escaped text, `**bold**`, `_italic_`, hard breaks as a
 * backslash before the newline (trailing spaces get trimmed by editors and mail clients).
 * Leading and trailing blanks and breaks are dropped: Markdown would drop them anyway.
 */
export function inlineMarkdown(runs: DraftInline[], options: InlineOptions = {}): string {
  const segs = segments(runs, options);
  let lineStart = true;
  const rendered = segs.map((seg) => {
    if (seg.kind === 'break') {
      const md = lineStart ? '' : '\\\n';
      lineStart = true;
      return md;
    }
    if (seg.kind !== 'text') {
      lineStart = false;
      return '';
    }
    // Leading spaces on a line mean nothing in Markdown, and four of them start a code block.
    const text = lineStart ? seg.text.replace(WS_START, '') : seg.text;
    if (text === '') return '';
    const md = lineStart ? escapeLineStart(escapeInline(text)) : escapeInline(text);
    lineStart = false;
    return md;
  });
  return placeDelimiters(segs, rendered);
}
