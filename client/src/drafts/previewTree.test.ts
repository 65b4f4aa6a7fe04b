import type { JSONContent } from '@tiptap/core';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DRAFT_FIELD } from './draftSchema.ts';
import { isEmptyTree, previewTree } from './previewTree.ts';
import { draftSchema, p, rec } from './testSchema.ts';

/** A Y.Doc written exactly as the editor's Yjs binding writes it. */
function fragmentOf(...content: JSONContent[]): Y.XmlFragment {
  const ydoc = new Y.Doc();
  const fragment = ydoc.getXmlFragment(DRAFT_FIELD);
  prosemirrorJSONToYXmlFragment(draftSchema, { type: 'doc', content }, fragment);
  return fragment;
}

const text = (t: string, bold = false, italic = false) => ({ type: 'text' as const, text: t, bold, italic });

describe('previewTree', () => {
  it('renders headings, paragraphs with marks and line breaks', () => {
    const tree = previewTree(
      fragmentOf(
        { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Title' }] },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'plain ' },
            { type: 'text', text: 'bold', marks: [{ type: 'bold' }] },
            { type: 'hardBreak' },
            { type: 'text', text: 'both', marks: [{ type: 'bold' }, { type: 'italic' }] },
          ],
        },
      ),
    );
    expect(tree).toEqual([
      { type: 'heading', level: 1, content: [text('Title')] },
      { type: 'paragraph', content: [text('plain '), text('bold', true), { type: 'break' }, text('both', true, true)] },
    ]);
  });

  it('renders bullet and numbered lists with their items', () => {
    const tree = previewTree(
      fragmentOf(
        { type: 'bulletList', content: [{ type: 'listItem', content: [p('a')] }, { type: 'listItem', content: [p('b')] }] },
        { type: 'orderedList', attrs: { start: 3 }, content: [{ type: 'listItem', content: [p('c')] }] },
      ),
    );
    expect(tree).toEqual([
      { type: 'list', ordered: false, start: 1, items: [[{ type: 'paragraph', content: [text('a')] }], [{ type: 'paragraph', content: [text('b')] }]] },
      { type: 'list', ordered: true, start: 3, items: [[{ type: 'paragraph', content: [text('c')] }]] },
    ]);
  });

  it('numbers recommendations in document order, inside promoted passages too', () => {
    const tree = previewTree(
      fragmentOf(rec('First', 'Because'), { type: 'promoted', attrs: { tableId: 't3', tableName: 'Table 3', at: 1_700_000_000_000 }, content: [rec('Second')] }, rec('Third')),
    );
    expect(tree[0]).toEqual({ type: 'recommendation', number: 1, statement: [text('First')], rationale: [{ type: 'paragraph', content: [text('Because')] }] });
    expect(tree[1]).toMatchObject({ type: 'promoted', tableId: 't3', tableName: 'Table 3', at: 1_700_000_000_000, content: [{ type: 'recommendation', number: 2, statement: [text('Second')] }] });
    expect(tree[2]).toMatchObject({ type: 'recommendation', number: 3 });
  });

  it('follows live changes to the fragment', () => {
    const fragment = fragmentOf(p('one'));
    const para = new Y.XmlElement('paragraph');
    para.insert(0, [new Y.XmlText('two')]);
    fragment.insert(1, [para]);
    expect(previewTree(fragment).map((b) => b.type === 'paragraph' && b.content)).toEqual([[text('one')], [text('two')]]);
  });

  it('reads overlapping (hashed) marks and ignores removed ones', () => {
    const fragment = fragmentOf();
    const para = new Y.XmlElement('paragraph');
    const runs = new Y.XmlText();
    runs.insert(0, 'hashed', { 'bold--AbCd1234': {} });
    runs.insert(6, ' off', { italic: null });
    para.insert(0, [runs]);
    fragment.insert(0, [para]);
    expect(previewTree(fragment)).toEqual([{ type: 'paragraph', content: [text('hashed', true), text(' off')] }]);
  });

  it('keeps the content of nodes it does not know', () => {
    const fragment = fragmentOf();
    const future = new Y.XmlElement('callout');
    const para = new Y.XmlElement('paragraph');
    para.insert(0, [new Y.XmlText('kept')]);
    future.insert(0, [para]);
    fragment.insert(0, [future]);
    expect(previewTree(fragment)).toEqual([{ type: 'paragraph', content: [text('kept')] }]);
  });
});

describe('isEmptyTree', () => {
  it('treats an untouched draft as empty and any word or recommendation as content', () => {
    expect(isEmptyTree(previewTree(fragmentOf(p())))).toBe(true);
    expect(isEmptyTree(previewTree(fragmentOf()))).toBe(true);
    expect(isEmptyTree(previewTree(fragmentOf(p('x'))))).toBe(false);
    expect(isEmptyTree(previewTree(fragmentOf(rec(''))))).toBe(false);
  });
});
