import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { diffDrafts, diffStats, type DiffBlock } from './draftDiff.ts';
import { readDraft, type DraftBlock } from './draftTree.ts';
import { b, buildDraft, h, li, p, promoted, quote, rec, ul, type SpecNode } from './testDraft.ts';

const draft = (...blocks: SpecNode[]): DraftBlock[] => readDraft(buildDraft(new Y.Doc(), blocks));
const text = (block: DiffBlock, keep: 'added' | 'removed') => block.runs.filter((r) => r.kind === 'same' || r.kind === keep).map((r) => r.text).join('');
const same = (t: string) => [{ kind: 'same', text: t }];
const base = { quoted: false, from: null };

describe('diffDrafts', () => {
  it('marks everything the same when nothing changed, bold or not', () => {
    const diff = diffDrafts(draft(h(1, 'Title'), p('plain words')), draft(h(1, 'Title'), p('plain ', b('words'))));
    expect(diff).toEqual([
      { type: 'heading', level: 1, status: 'same', ...base, runs: same('Title') },
      { type: 'paragraph', status: 'same', ...base, runs: same('plain words') },
    ]);
    expect(diffStats(diff)).toEqual({ wordsAdded: 0, wordsRemoved: 0, blocksAdded: 0, blocksRemoved: 0, blocksChanged: 0 });
  });

  it('shows one word changed inside a paragraph', () => {
    const diff = diffDrafts(draft(p('Intro'), p('The buses run hourly on weekdays.')), draft(p('Intro'), p('The buses run daily on weekdays.')));
    expect(diff[1]).toEqual({
      type: 'paragraph',
      status: 'changed',
      ...base,
      runs: [
        { kind: 'same', text: 'The buses run ' },
        { kind: 'removed', text: 'hourly' },
        { kind: 'added', text: 'daily' },
        { kind: 'same', text: ' on weekdays.' },
      ],
    });
    expect(diffStats(diff)).toEqual({ wordsAdded: 1, wordsRemoved: 1, blocksAdded: 0, blocksRemoved: 0, blocksChanged: 1 });
  });

  it('shows an added and a removed block where they are, with their context', () => {
    const before = draft(p('one'), ul(li(p('item'))), p('three'));
    const after = draft(p('one'), quote(p('a quoted new one')), ul(li(p('item'))));
    expect(diffDrafts(before, after)).toEqual([
      { type: 'paragraph', status: 'same', ...base, runs: same('one') },
      { type: 'paragraph', status: 'added', quoted: true, from: null, runs: [{ kind: 'added', text: 'a quoted new one' }] },
      { type: 'listItem', ordered: false, depth: 1, status: 'same', ...base, runs: same('item') },
      { type: 'paragraph', status: 'removed', ...base, runs: [{ kind: 'removed', text: 'three' }] },
    ]);
    expect(diffStats(diffDrafts(before, after))).toMatchObject({ wordsAdded: 4, wordsRemoved: 1, blocksAdded: 1, blocksRemoved: 1 });
  });

  it('shows reordered recommendations as moved, numbered as in each version', () => {
    const free = rec('Free buses', p('Cheaper'));
    const bikes = rec('Bike lanes', p('Safer'));
    expect(diffDrafts(draft(free, bikes), draft(bikes, free))).toEqual([
      { type: 'recommendation', number: 1, status: 'removed', ...base, runs: [{ kind: 'removed', text: 'Free buses' }] },
      { type: 'rationale', number: 1, status: 'removed', ...base, runs: [{ kind: 'removed', text: 'Cheaper' }] },
      { type: 'recommendation', number: 1, status: 'same', ...base, runs: same('Bike lanes') },
      { type: 'rationale', number: 1, status: 'same', ...base, runs: same('Safer') },
      { type: 'recommendation', number: 2, status: 'added', ...base, runs: [{ kind: 'added', text: 'Free buses' }] },
      { type: 'rationale', number: 2, status: 'added', ...base, runs: [{ kind: 'added', text: 'Cheaper' }] },
    ]);
  });

  it('renumbers without calling it a change, and names the table of a promoted passage', () => {
    const at = { tableId: 't2', tableName: 'Table 2', at: 1 };
    const diff = diffDrafts(draft(promoted(at, rec('Trams'))), draft(rec('New one'), promoted(at, rec('Trams'))));
    expect(diff.map((d) => [d.status, d.type, 'number' in d ? d.number : null, d.from])).toEqual([
      ['added', 'recommendation', 1, null],
      ['same', 'recommendation', 2, 'Table 2'],
    ]);
  });

  it('pairs edited blocks by shared words, and a lone replacement always', () => {
    const before = draft(p('Buses should be free for young people'), p('Unrelated sentence here'));
    const after = draft(p('A totally new idea'), p('Buses should be free for all people'));
    expect(diffDrafts(before, after).map((d) => d.status)).toEqual(['added', 'changed', 'removed']);
    expect(diffDrafts(draft(h(2, 'Mobility')), draft(h(3, 'Transport'))).map((d) => d.status)).toEqual(['changed']);
    expect(diffDrafts(draft(h(2, 'Mobility')), draft(p('Transport'))).map((d) => d.status)).toEqual(['removed', 'added']);
  });

  it('gives back both versions, for any drafts of word sequences', () => {
    const paragraph = fc.array(fc.constantFrom('bus', 'bike', 'tram', 'free', 'the', 'vote'), { minLength: 1, maxLength: 8 }).map((w) => w.join(' '));
    const drafts = fc.array(paragraph, { maxLength: 12 });
    fc.assert(
      fc.property(drafts, drafts, (before, after) => {
        const diff = diffDrafts(draft(...before.map((t) => p(t))), draft(...after.map((t) => p(t))));
        expect(diff.filter((d) => d.status !== 'removed').map((d) => text(d, 'added'))).toEqual(after);
        expect(diff.filter((d) => d.status !== 'added').map((d) => text(d, 'removed'))).toEqual(before);
      }),
      { numRuns: 300 },
    );
  });

  it('compares 200 blocks of 100 words quickly', () => {
    const words = (seed: number) => Array.from({ length: 100 }, (_, k) => `w${(seed * 7 + k * 13) % 97}`).join(' ');
    const before = Array.from({ length: 200 }, (_, k) => p(words(k)));
    // Every other block edited in three places, one block in ten dropped, some inserted.
    const after = before.flatMap((block, k) => {
      if (k % 10 === 3) return [];
      const t = words(k).split(' ');
      if (k % 2 === 0) [t[5], t[50], t[95]] = ['edited', 'edited', 'edited'];
      return k % 25 === 0 ? [p(t.join(' ')), p(words(1000 + k))] : [p(t.join(' '))];
    });
    const [a, b2] = [draft(...before), draft(...after)];
    const started = performance.now();
    const diff = diffDrafts(a, b2);
    const elapsed = performance.now() - started;
    expect(diffStats(diff)).toMatchObject({ blocksChanged: 100, blocksRemoved: 20, blocksAdded: 8 });
    expect(elapsed).toBeLessThan(1500);
  });
});
