import { lcsPairs } from './lcs.ts';

/** Whether a stretch of text is in both versions, only the later one, or only the earlier one. */
export type DiffRunKind = 'same' | 'added' | 'removed';

/** A stretch of text in a compared block. */
export interface DiffRun {
  kind: DiffRunKind;
  text: string;
}

/** Words and the whitespace between them, in order: joined, they give the text back. */
export function tokenize(text: string): string[] {
  return text.match(/\s+|\S+/g) ?? [];
}

const isSpace = (run: DiffRun | undefined) => run !== undefined && run.kind === 'same' && run.text.trim() === '';
const isChange = (run: DiffRun | undefined) => run !== undefined && run.kind !== 'same';

/** Token by token: what the longest common subsequence keeps is `same`. */
function tokenOps(a: string[], b: string[]): DiffRun[] {
  const ops: DiffRun[] = [];
  let i = 0;
  let j = 0;
  for (const [pi, pj] of [...lcsPairs(a, b), [a.length, b.length] as const]) {
    while (i < pi) ops.push({ kind: 'removed', text: a[i++]! });
    while (j < pj) ops.push({ kind: 'added', text: b[j++]! });
    if (pi < a.length) {
      ops.push({ kind: 'same', text: a[i]! });
      i++;
      j++;
    }
  }
  return ops;
}

/**
 * A change is shown as its removed words, then its added words. A lone space kept between
 * two changes would chop "a b c" → "x y z" into six alternating pieces, so it joins both
 * sides of the change instead; each side still reads back as its own version.
 */
function regions(ops: DiffRun[]): DiffRun[] {
  const out: DiffRun[] = [];
  const inChange = (k: number) => isChange(ops[k]) || (isSpace(ops[k]) && isChange(ops[k - 1]) && isChange(ops[k + 1]));
  for (let k = 0; k < ops.length; ) {
    if (!inChange(k)) {
      out.push(ops[k++]!);
      continue;
    }
    let removed = '';
    let added = '';
    for (; k < ops.length && inChange(k); k++) {
      const op = ops[k]!;
      if (op.kind !== 'added') removed += op.text;
      if (op.kind !== 'removed') added += op.text;
    }
    if (removed) out.push({ kind: 'removed', text: removed });
    if (added) out.push({ kind: 'added', text: added });
  }
  return out;
}

function merged(runs: DiffRun[]): DiffRun[] {
  const out: DiffRun[] = [];
  for (const run of runs) {
    const last = out[out.length - 1];
    if (last?.kind === run.kind) out[out.length - 1] = { kind: run.kind, text: last.text + run.text };
    else out.push(run);
  }
  return out;
}

/**
 * A word-level comparison of two texts, whitespace kept: the `same` and `added` runs joined
 * give `after`, the `same` and `removed` runs joined give `before`.
 */
export function diffWords(before: string, after: string): DiffRun[] {
  return merged(regions(tokenOps(tokenize(before), tokenize(after))));
}

/** How many words a run holds (a changed word counts once as removed and once as added). */
export function countWords(text: string): number {
  return tokenize(text).filter((token) => token.trim() !== '').length;
}
