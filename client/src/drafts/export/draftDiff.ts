import { inlineText, type DraftBlock } from './draftTree.ts';
import { lcsPairs } from './lcs.ts';
import { countWords, diffWords, tokenize, type DiffRun } from './wordDiff.ts';

/**
 * How a block fared between two versions. `changed` covers its words, its kind (heading
 * level, list, quote) or both: a heading that only changed level has only `same` runs.
 */
export type DiffStatus = 'same' | 'added' | 'removed' | 'changed';

/**
 * What a compared block is, so a UI can render it as the draft shows it. Recommendations
 * come apart into their statement (`recommendation`) and each rationale paragraph.
 */
export type DiffBlockType =
  | { type: 'paragraph' }
  | { type: 'heading'; level: 1 | 2 | 3 }
  /** A paragraph in a list item; `depth` 1 is the outermost list. */
  | { type: 'listItem'; ordered: boolean; depth: number }
  /** A statement; `number` is its place in the later version (the earlier one for a removed block). */
  | { type: 'recommendation'; number: number }
  | { type: 'rationale'; number: number };

/** One block of the comparison; its runs, joined, are its text. */
export type DiffBlock = DiffBlockType & {
  status: DiffStatus;
  /** Inside a blockquote. */
  quoted: boolean;
  /** The table a promoted passage came from; null outside one. */
  from: string | null;
  runs: DiffRun[];
};

/** Totals for a summary line ("+12 words, −3 words"). */
export interface DiffStats {
  wordsAdded: number;
  wordsRemoved: number;
  blocksAdded: number;
  blocksRemoved: number;
  blocksChanged: number;
}

/** A block with text, flattened out of the draft's nesting. */
interface Unit {
  shape: DiffBlockType;
  quoted: boolean;
  from: string | null;
  text: string;
  /** Blocks align only when their kind and text both match (a recommendation's number may differ). */
  key: string;
  /** How often each word occurs, to tell an edited block from a different one. */
  words: Map<string, number>;
  wordCount: number;
}

interface Context {
  quoted: boolean;
  from: string | null;
  list: { ordered: boolean; depth: number } | null;
  rationale: number | null;
}

/** The kind without a recommendation's number: renumbering alone is not a change. */
function kindOf(shape: DiffBlockType): string {
  switch (shape.type) {
    case 'heading':
      return `h${shape.level}`;
    case 'listItem':
      return `${shape.ordered ? 'ol' : 'ul'}${shape.depth}`;
    default:
      return shape.type;
  }
}

function unit(shape: DiffBlockType, text: string, ctx: Context): Unit {
  const words = new Map<string, number>();
  let wordCount = 0;
  for (const token of tokenize(text)) {
    if (token.trim() === '') continue;
    words.set(token, (words.get(token) ?? 0) + 1);
    wordCount++;
  }
  return { shape, quoted: ctx.quoted, from: ctx.from, text, key: `${kindOf(shape)}${ctx.quoted ? '>' : ''}\n${text}`, words, wordCount };
}

function flatten(blocks: DraftBlock[], ctx: Context, out: Unit[]): Unit[] {
  // Empty lines are layout, not content: comparing them would only add noise.
  const push = (shape: DiffBlockType, text: string) => {
    if (text.trim() !== '') out.push(unit(shape, text, ctx));
  };
  for (const block of blocks) {
    switch (block.type) {
      case 'paragraph':
        if (ctx.list) push({ type: 'listItem', ...ctx.list }, inlineText(block.content));
        else if (ctx.rationale !== null) push({ type: 'rationale', number: ctx.rationale }, inlineText(block.content));
        else push({ type: 'paragraph' }, inlineText(block.content));
        break;
      case 'heading':
        push({ type: 'heading', level: block.level }, inlineText(block.content));
        break;
      case 'list': {
        const list = { ordered: block.ordered, depth: (ctx.list?.depth ?? 0) + 1 };
        for (const item of block.items) flatten(item, { ...ctx, list }, out);
        break;
      }
      case 'blockquote':
        flatten(block.children, { ...ctx, quoted: true }, out);
        break;
      case 'recommendation':
        push({ type: 'recommendation', number: block.number }, inlineText(block.statement));
        flatten(block.rationale, { ...ctx, list: null, rationale: block.number }, out);
        break;
      case 'promoted':
        flatten(block.children, { ...ctx, from: block.tableName }, out);
        break;
      default:
        block satisfies never;
    }
  }
  return out;
}

/** Below this share of common words two blocks are a removal and an addition, not an edit. */
const EDIT_MIN_SIMILARITY = 0.5;

/**
 * How far past the last match an edited block is looked for. Edits stay near their place;
 * without a bound, two long unrelated versions would cost removed × added comparisons.
 */
const EDIT_LOOKAHEAD = 16;

/** Dice coefficient over the blocks' words, counted with repeats. */
function similarity(a: Unit, b: Unit): number {
  const [small, large] = a.words.size <= b.words.size ? [a.words, b.words] : [b.words, a.words];
  let common = 0;
  for (const [word, n] of small) common += Math.min(n, large.get(word) ?? 0);
  return (2 * common) / (a.wordCount + b.wordCount);
}

const diffBlock = (u: Unit, status: DiffStatus, runs: DiffRun[]): DiffBlock => ({ ...u.shape, status, quoted: u.quoted, from: u.from, runs });

/**
 * The blocks between two aligned ones: each later block is matched, in order, with the first
 * nearby earlier block of its kind that shares enough words (or with the only one, when one
 * block replaced one block), and shown as changed. Unmatched earlier blocks come before unmatched
 * later ones, as in any diff.
 */
function gap(removed: Unit[], added: Unit[], out: DiffBlock[]): void {
  const lone = removed.length === 1 && added.length === 1;
  let r = 0;
  let pending: Unit[] = [];
  for (const after of added) {
    let match = -1;
    for (let k = r; k < Math.min(removed.length, r + EDIT_LOOKAHEAD) && match < 0; k++) {
      const before = removed[k]!;
      if (before.shape.type === after.shape.type && (lone || similarity(before, after) >= EDIT_MIN_SIMILARITY)) match = k;
    }
    if (match < 0) {
      pending.push(after);
      continue;
    }
    for (; r < match; r++) out.push(diffBlock(removed[r]!, 'removed', [{ kind: 'removed', text: removed[r]!.text }]));
    for (const u of pending) out.push(diffBlock(u, 'added', [{ kind: 'added', text: u.text }]));
    pending = [];
    out.push(diffBlock(after, 'changed', diffWords(removed[match]!.text, after.text)));
    r = match + 1;
  }
  for (; r < removed.length; r++) out.push(diffBlock(removed[r]!, 'removed', [{ kind: 'removed', text: removed[r]!.text }]));
  for (const u of pending) out.push(diffBlock(u, 'added', [{ kind: 'added', text: u.text }]));
}

/**
 * A readable comparison of two versions of a draft, in the later version's order with the
 * removed blocks where they were. Blocks are aligned by kind and text (LCS, see `lcsPairs`);
 * blocks edited in between get a word-level diff. Marks are not compared: a word made bold
 * is the same word.
 */
export function diffDrafts(before: DraftBlock[], after: DraftBlock[]): DiffBlock[] {
  const top: Context = { quoted: false, from: null, list: null, rationale: null };
  const a = flatten(before, top, []);
  const b = flatten(after, top, []);
  const out: DiffBlock[] = [];
  let i = 0;
  let j = 0;
  const keysA = a.map((u) => u.key);
  const keysB = b.map((u) => u.key);
  for (const [pi, pj] of [...lcsPairs(keysA, keysB), [a.length, b.length] as const]) {
    gap(a.slice(i, pi), b.slice(j, pj), out);
    if (pj < b.length) out.push(diffBlock(b[pj]!, 'same', [{ kind: 'same', text: b[pj]!.text }]));
    i = pi + 1;
    j = pj + 1;
  }
  return out;
}

/** Word and block totals of a comparison. */
export function diffStats(diff: DiffBlock[]): DiffStats {
  const stats: DiffStats = { wordsAdded: 0, wordsRemoved: 0, blocksAdded: 0, blocksRemoved: 0, blocksChanged: 0 };
  for (const b of diff) {
    if (b.status === 'added') stats.blocksAdded++;
    if (b.status === 'removed') stats.blocksRemoved++;
    if (b.status === 'changed') stats.blocksChanged++;
    for (const run of b.runs) {
      if (run.kind === 'added') stats.wordsAdded += countWords(run.text);
      if (run.kind === 'removed') stats.wordsRemoved += countWords(run.text);
    }
  }
  return stats;
}
