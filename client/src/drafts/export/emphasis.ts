/**
 * Picks the delimiter for each bold or italic span so that CommonMark reads it back. Whether
 * `**` or `_` opens or closes depends on the characters around it ("flanking"): `_` never
 * works inside a word, and no delimiter works between a letter and punctuation on the wrong
 * side (`word**!**`). Each span starts with the most readable choice and, while it would not
 * parse, moves to the next one; inline HTML always parses, so this ends.
 */

export type Mark = 'bold' | 'italic';

/** Inline content cut at the places where marks start and end. */
export type Segment = { kind: 'text'; text: string } | { kind: 'open' | 'close'; mark: Mark } | { kind: 'break' };

const CHOICES: Record<Mark, readonly (readonly [string, string])[]> = {
  bold: [
    ['**', '**'],
    ['<strong>', '</strong>'],
  ],
  italic: [
    ['_', '_'],
    ['*', '*'],
    ['<em>', '</em>'],
  ],
};

const isSpace = (c: string) => c === '' || /\s/u.test(c);
const isPunct = (c: string) => /[\p{P}\p{S}]/u.test(c);
const leftFlanking = (before: string, after: string) => !isSpace(after) && (!isPunct(after) || isSpace(before) || isPunct(before));
const rightFlanking = (before: string, after: string) => !isSpace(before) && (!isPunct(before) || isSpace(after) || isPunct(after));

function canOpen(delim: string, before: string, after: string): boolean {
  const left = leftFlanking(before, after);
  return delim.startsWith('*') ? left : left && (!rightFlanking(before, after) || isPunct(before));
}

function canClose(delim: string, before: string, after: string): boolean {
  const right = rightFlanking(before, after);
  return delim.startsWith('*') ? right : right && (!leftFlanking(before, after) || isPunct(after));
}

interface Span {
  mark: Mark;
  open: number;
  close: number;
  choice: number;
}

function spansOf(segs: Segment[]): Span[] {
  const spans: Span[] = [];
  const open = new Map<Mark, number>();
  segs.forEach((seg, k) => {
    if (seg.kind === 'open') open.set(seg.mark, k);
    if (seg.kind === 'close') spans.push({ mark: seg.mark, open: open.get(seg.mark)!, close: k, choice: 0 });
  });
  return spans;
}

/** Delimiters of one character that touch form one run, whose neighbours are what lies beyond it. */
function neighbour(out: string[], k: number, step: 1 | -1): string {
  const char = out[k]!.charAt(0);
  const isRunOf = (s: string) => s !== '' && (char === '*' || char === '_') && [...s].every((c) => c === char);
  for (let j = k + step; j >= 0 && j < out.length; j += step) {
    const s = out[j]!;
    if (s === '' || isRunOf(s)) continue;
    return step < 0 ? s.slice(-1) : s.charAt(0);
  }
  return '';
}

/**
 * An opener that could also close (`*` inside a word) closes the nearest open `*` span
 * instead, when one encloses it: `**a*b c*d**` does not nest.
 */
function ambiguous(out: string[], spans: Span[], span: Span, before: string, after: string): boolean {
  if (!canClose(out[span.open]!, before, after)) return false;
  const char = out[span.open]!.charAt(0);
  const sameRun = (from: number) => out.slice(from + 1, span.open).every((s) => s === '' || [...s].every((c) => c === char));
  return spans.some((other) => other.open < span.open && span.open < other.close && out[other.open]!.startsWith(char) && !sameRun(other.open));
}

function parses(out: string[], spans: Span[], span: Span): boolean {
  const delim = out[span.open]!;
  if (delim.startsWith('<')) return true;
  const before = neighbour(out, span.open, -1);
  const after = neighbour(out, span.open, 1);
  return (
    canOpen(delim, before, after) &&
    !ambiguous(out, spans, span, before, after) &&
    canClose(delim, neighbour(out, span.close, -1), neighbour(out, span.close, 1))
  );
}

/**
 * Fills in the delimiters of `rendered` (already holding the escaped text and breaks, with
 * a slot per open/close segment of `segs`) and returns it joined.
 */
export function placeDelimiters(segs: Segment[], rendered: string[]): string {
  const out = [...rendered];
  const spans = spansOf(segs);
  const place = (span: Span) => ([out[span.open], out[span.close]] = CHOICES[span.mark][span.choice]!);
  spans.forEach(place);
  // One span at a time: a neighbour's fallback changes the characters this one sees.
  // Choices only move forward, to the HTML that always parses, so the loop ends.
  const firstFailing = () => spans.find((span) => !parses(out, spans, span));
  for (let failing = firstFailing(); failing; failing = firstFailing()) {
    failing.choice++;
    place(failing);
  }
  return out.join('');
}
