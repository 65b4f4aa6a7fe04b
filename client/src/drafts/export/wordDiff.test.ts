import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lcsPairs } from './lcs.ts';
import { countWords, diffWords, tokenize, type DiffRun } from './wordDiff.ts';

const join = (runs: DiffRun[], keep: 'added' | 'removed') => runs.filter((r) => r.kind === 'same' || r.kind === keep).map((r) => r.text).join('');

describe('lcsPairs', () => {
  it.each([
    ['identical', 'abc', 'abc', 3],
    ['disjoint', 'abc', 'xyz', 0],
    ['one inserted', 'abc', 'abxc', 3],
    ['classic', 'ABCBDAB', 'BDCABA', 4],
    ['empty', '', 'abc', 0],
  ])('%s', (_, a, b, length) => {
    const pairs = lcsPairs([...a], [...b]);
    expect(pairs).toHaveLength(length);
    for (const [i, j] of pairs) expect(a[i]).toBe(b[j]);
    pairs.forEach(([i, j], k) => k > 0 && expect(i > pairs[k - 1]![0] && j > pairs[k - 1]![1]).toBe(true));
  });

  it('matches only the common ends when the middle exceeds the cap', () => {
    expect(lcsPairs([...'axyzb'], [...'azyxb'], 4)).toEqual([
      [0, 0],
      [4, 4],
    ]);
  });
});

describe('diffWords', () => {
  it('shows one changed word between the words around it', () => {
    expect(diffWords('The buses run hourly on weekdays.', 'The buses run daily on weekdays.')).toEqual([
      { kind: 'same', text: 'The buses run ' },
      { kind: 'removed', text: 'hourly' },
      { kind: 'added', text: 'daily' },
      { kind: 'same', text: ' on weekdays.' },
    ]);
  });

  it('keeps a rewritten stretch in one piece instead of splitting it at every space', () => {
    expect(diffWords('keep a b c end', 'keep x y z end')).toEqual([
      { kind: 'same', text: 'keep ' },
      { kind: 'removed', text: 'a b c' },
      { kind: 'added', text: 'x y z' },
      { kind: 'same', text: ' end' },
    ]);
  });

  it('handles empty sides and whitespace-only changes', () => {
    expect(diffWords('', 'new text')).toEqual([{ kind: 'added', text: 'new text' }]);
    expect(diffWords('old', '')).toEqual([{ kind: 'removed', text: 'old' }]);
    expect(diffWords('a b', 'a  b')).toEqual([{ kind: 'same', text: 'a' }, { kind: 'removed', text: ' ' }, { kind: 'added', text: '  ' }, { kind: 'same', text: 'b' }]);
  });

  it('gives back both versions, for any word sequences', () => {
    const text = fc
      .array(fc.tuple(fc.constantFrom('bus', 'bike', 'tram', 'free', 'the', 'vote', 'é', 'a.'), fc.constantFrom(' ', '  ', '\n', ' \t')), { maxLength: 30 })
      .map((words) => words.flat().join(''));
    fc.assert(
      fc.property(text, text, (before, after) => {
        const runs = diffWords(before, after);
        expect(join(runs, 'added')).toBe(after);
        expect(join(runs, 'removed')).toBe(before);
        runs.forEach((run, k) => {
          expect(run.text).not.toBe('');
          if (k > 0) expect(run.kind).not.toBe(runs[k - 1]!.kind);
        });
      }),
      { numRuns: 500 },
    );
  });
});

describe('tokenize / countWords', () => {
  it('splits into words and whitespace that join back', () => {
    expect(tokenize(' a  b\nc ')).toEqual([' ', 'a', '  ', 'b', '\n', 'c', ' ']);
    expect(countWords(' a  b\nc ')).toBe(3);
    expect(countWords('  ')).toBe(0);
  });
});
