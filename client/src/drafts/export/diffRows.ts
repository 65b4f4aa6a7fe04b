import type { DiffBlock } from './draftDiff.ts';

/** One line of the comparison as the versions panel lays it out. */
export type DiffRow =
  | {
      kind: 'block';
      block: DiffBlock;
      /** Its place in the diff: a stable key for a view. */
      index: number;
      /** The table a promoted passage came from, on the first block of that passage only. */
      source: string | null;
    }
  /** Unchanged blocks folded away; `key` is the first one's index in the diff, stable while it lasts. */
  | { kind: 'unchanged'; key: number; blocks: DiffBlock[] };

export interface DiffRowOptions {
  /** Unchanged blocks kept on each side of a change, so it is read in its place. */
  context?: number;
  /** Fewer unchanged blocks than this are shown rather than folded ("show 1 more" saves nothing). */
  minFolded?: number;
  /** Keys of folds the reader opened. */
  expanded?: ReadonlySet<number>;
}

/** Which blocks stay in view: every change and `context` blocks around it. */
function nearChanges(diff: DiffBlock[], context: number): boolean[] {
  const shown = diff.map((b) => b.status !== 'same');
  diff.forEach((b, i) => {
    if (b.status === 'same') return;
    for (let k = Math.max(0, i - context); k <= Math.min(diff.length - 1, i + context); k++) shown[k] = true;
  });
  return shown;
}

/** Names the source only where a passage starts: after a fold, the reader needs it again. */
function withSources(rows: DiffRow[]): DiffRow[] {
  let previous: string | null | undefined;
  return rows.map((row) => {
    if (row.kind === 'unchanged') {
      previous = undefined;
      return row;
    }
    const source = row.block.from !== null && row.block.from !== previous ? row.block.from : null;
    previous = row.block.from;
    return { ...row, source };
  });
}

/**
 * A comparison laid out for reading at a glance: changes with a little context, long runs
 * of unchanged blocks folded into one line the reader can open, and each promoted passage
 * introduced by its table's name.
 */
export function diffRows(diff: DiffBlock[], options: DiffRowOptions = {}): DiffRow[] {
  const { context = 1, minFolded = 3, expanded = new Set<number>() } = options;
  const shown = nearChanges(diff, context);
  const rows: DiffRow[] = [];
  let i = 0;
  while (i < diff.length) {
    if (shown[i]) {
      rows.push({ kind: 'block', block: diff[i]!, index: i, source: null });
      i++;
      continue;
    }
    const start = i;
    while (i < diff.length && !shown[i]) i++;
    const run = diff.slice(start, i);
    if (run.length >= minFolded && !expanded.has(start)) rows.push({ kind: 'unchanged', key: start, blocks: run });
    else run.forEach((block, k) => rows.push({ kind: 'block', block, index: start + k, source: null }));
  }
  return withSources(rows);
}
