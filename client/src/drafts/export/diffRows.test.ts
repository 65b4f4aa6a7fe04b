import { describe, expect, it } from 'vitest';
import type { DiffBlock, DiffStatus } from './draftDiff.ts';
import { diffRows, type DiffRow } from './diffRows.ts';

const block = (text: string, status: DiffStatus = 'same', from: string | null = null): DiffBlock => ({
  type: 'paragraph',
  status,
  quoted: false,
  from,
  runs: [{ kind: status === 'added' ? 'added' : status === 'removed' ? 'removed' : 'same', text }],
});

/** A row as a short string: `a` a block, `+a` a changed one, `[3]` a fold, `(T1)` a source. */
const show = (rows: DiffRow[]) =>
  rows.map((r) => (r.kind === 'unchanged' ? `[${r.blocks.length}]` : `${r.source ? `(${r.source})` : ''}${r.block.status === 'same' ? '' : '+'}${r.block.runs[0]!.text}`));

describe('diffRows', () => {
  const doc = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((t) => block(t));
  const withChange = (at: number) => doc.map((b, i) => (i === at ? block(b.runs[0]!.text, 'changed') : b));

  it('keeps one block of context around a change and folds the rest', () => {
    expect(show(diffRows(withChange(4)))).toEqual(['[3]', 'd', '+e', 'f', 'g', 'h']);
    expect(show(diffRows(withChange(0)))).toEqual(['+a', 'b', '[6]']);
  });

  it('shows short runs instead of folding them', () => {
    expect(show(diffRows(withChange(2)))).toEqual(['a', 'b', '+c', 'd', '[4]']);
    expect(show(diffRows(withChange(3)))).toEqual(['a', 'b', 'c', '+d', 'e', '[3]']);
    expect(show(diffRows(withChange(3), { minFolded: 2 }))).toEqual(['[2]', 'c', '+d', 'e', '[3]']);
  });

  it('folds a comparison without changes into one line', () => {
    expect(show(diffRows(doc))).toEqual(['[8]']);
    expect(diffRows([])).toEqual([]);
  });

  it('opens the folds the reader asked for, by key', () => {
    const rows = diffRows(withChange(0));
    const fold = rows[2]!;
    expect(fold.kind === 'unchanged' && fold.key).toBe(2);
    const opened = diffRows(withChange(0), { expanded: new Set([2]) });
    expect(show(opened)).toEqual(['+a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
    expect(opened.map((r) => r.kind === 'block' && r.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('names the table where a promoted passage starts, and again after a fold', () => {
    const diff = [block('intro', 'added'), block('p1', 'same', 'Table 1'), block('p2', 'added', 'Table 1'), block('q1', 'same', 'Table 2'), block('x'), block('y'), block('z'), block('q2', 'removed', 'Table 2')];
    expect(show(diffRows(diff, { context: 0, minFolded: 1 }))).toEqual(['+intro', '[1]', '(Table 1)+p2', '[4]', '(Table 2)+q2']);
    expect(show(diffRows(diff, { context: 1 }))).toEqual(['+intro', '(Table 1)p1', '+p2', '(Table 2)q1', 'x', 'y', 'z', '(Table 2)+q2']);
  });
});
