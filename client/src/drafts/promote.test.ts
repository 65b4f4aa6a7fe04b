import { EditorState, TextSelection, type Selection } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { appendPosition, plainText, promotionContent, wrapPromoted } from './promote.ts';
import { doc, p, posOf, rec } from './testSchema.ts';

const heading = (text: string) => ({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text }] });
const bullets = (...items: string[]) => ({ type: 'bulletList', content: items.map((i) => ({ type: 'listItem', content: [p(i)] })) });
const DOC = doc(heading('Transport'), p('Buses are late.'), rec('More buses at night', 'Shifts end late.', 'Safety.'), bullets('one', 'two'), p('The end.'));

function at(select: (d: typeof DOC) => Selection) {
  return EditorState.create({ doc: DOC, selection: select(DOC) });
}
const types = (content: ReturnType<typeof promotionContent>) => content?.map((c) => c.type);

describe('promotionContent', () => {
  it('a cursor inside a recommendation promotes the whole recommendation', () => {
    for (const where of ['night', 'Shifts', 'Safety']) {
      const content = promotionContent(at((d) => TextSelection.create(d, posOf(d, where, 2))));
      expect(types(content)).toEqual(['recommendation']);
      expect(plainText(content!)).toBe('More buses at night Shifts end late. Safety.');
    }
  });

  it('a cursor outside any recommendation promotes nothing', () => {
    expect(promotionContent(at((d) => TextSelection.create(d, posOf(d, 'Buses', 1))))).toBeNull();
  });

  it('a selection promotes every block it touches, whole', () => {
    const content = promotionContent(at((d) => TextSelection.create(d, posOf(d, 'late', 1), posOf(d, 'night', 2))));
    expect(types(content)).toEqual(['paragraph', 'recommendation']);
    expect(plainText(content!)).toBe('Buses are late. More buses at night Shifts end late. Safety.');
  });

  it('a selection inside one paragraph promotes that paragraph', () => {
    const content = promotionContent(at((d) => TextSelection.create(d, posOf(d, 'Buses', 0), posOf(d, 'Buses', 3))));
    expect(content).toEqual([p('Buses are late.')]);
  });

  it('a selection within a recommendation promotes the recommendation', () => {
    const content = promotionContent(at((d) => TextSelection.create(d, posOf(d, 'Shifts'), posOf(d, 'Safety', 3))));
    expect(types(content)).toEqual(['recommendation']);
  });

  it('a selection across list items promotes the whole list', () => {
    const content = promotionContent(at((d) => TextSelection.create(d, posOf(d, 'one'), posOf(d, 'two', 2))));
    expect(types(content)).toEqual(['bulletList']);
  });
});

describe('wrapPromoted', () => {
  it('wraps the blocks with their provenance', () => {
    expect(wrapPromoted([p('x')], { tableId: 't1', tableName: 'Table 3', at: 1_700_000_000_000 })).toEqual({
      type: 'promoted',
      attrs: { tableId: 't1', tableName: 'Table 3', at: 1_700_000_000_000 },
      content: [p('x')],
    });
  });
});

describe('appendPosition', () => {
  it('goes before an empty last line and keeps it last', () => {
    const d = doc(p('a'), p());
    expect(appendPosition(d)).toEqual({ at: d.content.size - 2, needsLine: false });
  });

  it('goes first in an untouched draft, before its one empty line', () => {
    expect(appendPosition(doc(p()))).toEqual({ at: 0, needsLine: false });
  });

  it('goes at the very end and asks for a line after it otherwise', () => {
    const d = doc(p('a'), rec('b'));
    expect(appendPosition(d)).toEqual({ at: d.content.size, needsLine: true });
  });
});
