import { describe, expect, it } from 'vitest';
import { placeholderDecorations } from './draftPlaceholders.ts';
import { insertionRange } from './recommendationNodes.ts';
import { doc, draftSchema, p, posOf, rec } from './testSchema.ts';

const type = draftSchema.nodes.recommendation!;
const bullets = (...items: string[]) => ({ type: 'bulletList', content: items.map((i) => ({ type: 'listItem', content: [p(i)] })) });

describe('insertionRange', () => {
  it('replaces the empty line the cursor is on', () => {
    const d = doc(p('a'), p(), p('b'));
    const inEmpty = d.resolve(d.child(0).nodeSize + 1);
    expect(insertionRange(inEmpty, type)).toEqual({ from: 3, to: 5 });
  });

  it('goes after the paragraph the cursor is in', () => {
    const d = doc(p('first'), p('second'));
    expect(insertionRange(d.resolve(posOf(d, 'first', 2)), type)).toEqual({ from: 7, to: 7 });
  });

  it('goes after the recommendation when the cursor is in one, never inside it', () => {
    const d = doc(rec('Do it', 'Because'), p('x'));
    const end = d.child(0).nodeSize;
    expect(insertionRange(d.resolve(posOf(d, 'Because', 1)), type)).toEqual({ from: end, to: end });
    expect(insertionRange(d.resolve(posOf(d, 'Do it', 1)), type)).toEqual({ from: end, to: end });
  });

  it('goes after the list, not into a list item', () => {
    const d = doc(bullets('one', 'two'), p('x'));
    const end = d.child(0).nodeSize;
    expect(insertionRange(d.resolve(posOf(d, 'one', 1)), type)).toEqual({ from: end, to: end });
  });

  it('stays inside a promoted passage the cursor is in', () => {
    const d = doc({ type: 'promoted', attrs: { tableId: 't', tableName: 'T', at: 1 }, content: [p('inside')] });
    const afterParagraph = 1 + d.child(0).child(0).nodeSize;
    expect(insertionRange(d.resolve(posOf(d, 'inside', 2)), type)).toEqual({ from: afterParagraph, to: afterParagraph });
  });
});

describe('placeholderDecorations', () => {
  const texts = { empty: 'Start', statement: 'What?', rationale: 'Why?' };
  const hints = (d: ReturnType<typeof doc>) =>
    placeholderDecorations(d, texts)
      .find()
      .map((x) => (x.spec as { hint: string }).hint);

  it('hints an empty draft, and an empty statement and first reason', () => {
    expect(hints(doc(p()))).toEqual(['Start']);
    expect(hints(doc(p('x'), rec('')))).toEqual(['What?', 'Why?']);
    expect(hints(doc(rec('Do it', 'Because')))).toEqual([]);
  });

  it('leaves ordinary empty lines and later reasons alone', () => {
    expect(hints(doc(p('x'), p()))).toEqual([]);
    expect(hints(doc(rec('Do it', 'Because', '')))).toEqual([]);
  });
});
