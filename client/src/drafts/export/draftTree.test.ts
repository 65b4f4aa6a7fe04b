import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DRAFT_FIELD } from '../draftSchema.ts';
import { draftSchema } from '../testSchema.ts';
import { inlineText, readDraft, readDraftFromUpdate, type DraftBlock, type DraftInline } from './draftTree.ts';
import { b, bi, br, buildDraft, h, i, li, ol, p, promoted, quote, rec, ul, type SpecNode } from './testDraft.ts';

const read = (...blocks: SpecNode[]) => readDraft(buildDraft(new Y.Doc(), blocks));
const t = (text: string, bold = false, italic = false): DraftInline => ({ kind: 'text', text, bold, italic });
const BR: DraftInline = { kind: 'break' };
const para = (...content: DraftInline[]): DraftBlock => ({ type: 'paragraph', content });

describe('readDraft', () => {
  it('reads headings, marks in both encodings, hard breaks and typed newlines', () => {
    expect(read(h(2, 'Title'), p('plain ', b('bold'), br(), i('italic'), ' ', bi('both')), p('one\ntwo'))).toEqual([
      { type: 'heading', level: 2, content: [t('Title')] },
      para(t('plain '), t('bold', true), BR, t('italic', false, true), t(' '), t('both', true, true)),
      para(t('one'), BR, t('two')),
    ]);
  });

  it('keeps the text of marks it does not export and merges the seams they leave', () => {
    const marked = { type: 'paragraph', content: [{ text: 'a ' }, { text: 'struck', marks: { strike: {} } }, { text: ' link', marks: { link: { href: 'x' } } }] };
    const hashed = p({ text: 'hashed', marks: { 'bold--AbCd1234': {} } }, { text: ' off', marks: { bold: null } });
    expect(read(marked, hashed)).toEqual([para(t('a struck link')), para(t('hashed', true), t(' off'))]);
  });

  it('clamps heading levels and reads list starts', () => {
    const tree = read(h(5, 'x'), { type: 'heading', content: [{ text: 'y' }] }, ol(null, li(p('a'))), ol(4, li(p('b'), ul(li(p('c'))))));
    expect(tree).toEqual([
      { type: 'heading', level: 3, content: [t('x')] },
      { type: 'heading', level: 1, content: [t('y')] },
      { type: 'list', ordered: true, start: 1, items: [[para(t('a'))]] },
      { type: 'list', ordered: true, start: 4, items: [[para(t('b')), { type: 'list', ordered: false, start: 1, items: [[para(t('c'))]] }]] },
    ]);
  });

  it('numbers recommendations in reading order, through promoted passages', () => {
    const tree = read(
      rec('First', p('Because')),
      promoted({ tableId: 't3', tableName: 'Table 3', at: '1700000000000' }, rec('Second'), quote(p('quoted'))),
      rec([b('Third'), ' one']),
    );
    expect(tree).toEqual([
      { type: 'recommendation', number: 1, statement: [t('First')], rationale: [para(t('Because'))] },
      {
        type: 'promoted',
        tableId: 't3',
        tableName: 'Table 3',
        at: 1_700_000_000_000,
        children: [
          { type: 'recommendation', number: 2, statement: [t('Second')], rationale: [para()] },
          { type: 'blockquote', children: [para(t('quoted'))] },
        ],
      },
      { type: 'recommendation', number: 3, statement: [t('Third', true), t(' one')], rationale: [para()] },
    ]);
  });

  it('reads a broken or missing time as 0 and an ISO time as epoch ms', () => {
    const at = (value: unknown) => read(promoted({ tableId: 'a', tableName: 'A', at: value as number }, p('x')))[0];
    expect(at('soon')).toMatchObject({ at: 0 });
    expect(at(undefined)).toMatchObject({ at: 0 });
    expect(at('2024-03-01T10:00:00Z')).toMatchObject({ at: Date.UTC(2024, 2, 1, 10) });
  });

  it('keeps the words of nodes it does not know, as paragraphs', () => {
    const table: SpecNode = { type: 'table', content: [{ type: 'tableRow', content: [{ type: 'tableCell', content: [p('cell')] }] }] };
    const code: SpecNode = { type: 'codeBlock', content: [{ text: 'let x = 1' }] };
    const inline = p('see ', { type: 'mention', content: [{ text: '@Ana' }] }, '!');
    const loose: SpecNode = { type: 'recommendation', content: [{ type: 'recommendationStatement', content: [{ text: 'S' }] }, p('stray')] };
    expect(read(table, code, inline, { type: 'horizontalRule' }, loose)).toEqual([
      para(t('cell')),
      para(t('let x = 1')),
      para(t('see @Ana!')),
      { type: 'recommendation', number: 1, statement: [t('S')], rationale: [para(t('stray'))] },
    ]);
  });

  it('reads a stored version from its Yjs update', () => {
    const doc = new Y.Doc();
    buildDraft(doc, [h(1, 'Saved'), rec('R', p('why'))]);
    const update = Y.encodeStateAsUpdate(doc);
    expect(readDraftFromUpdate(update)).toEqual(readDraft(doc.getXmlFragment(DRAFT_FIELD)));
    expect(readDraftFromUpdate(Y.encodeStateAsUpdate(new Y.Doc()))).toEqual([]);
  });

  it('reads what the editor binding writes exactly as what the test helper writes', () => {
    const text = (s: string, ...marks: string[]) => ({ type: 'text', text: s, ...(marks.length ? { marks: marks.map((type) => ({ type })) } : {}) });
    const fromEditor = new Y.Doc().getXmlFragment(DRAFT_FIELD);
    prosemirrorJSONToYXmlFragment(
      draftSchema,
      {
        type: 'doc',
        content: [
          { type: 'heading', attrs: { level: 2 }, content: [text('Mobility')] },
          { type: 'paragraph', content: [text('a '), text('b', 'bold'), { type: 'hardBreak' }, text('c', 'bold', 'italic')] },
          { type: 'orderedList', attrs: { start: 3 }, content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [text('item')] }] }] },
          {
            type: 'promoted',
            attrs: { tableId: 't1', tableName: 'Table 1', at: 1_700_000_000_000 },
            content: [
              {
                type: 'recommendation',
                content: [
                  { type: 'recommendationStatement', content: [text('Do it')] },
                  { type: 'recommendationRationale', content: [{ type: 'paragraph', content: [text('why', 'italic')] }] },
                ],
              },
            ],
          },
        ],
      },
      fromEditor,
    );
    const fromHelper = read(
      h(2, 'Mobility'),
      p('a ', b('b'), br(), bi('c')),
      ol(3, li(p('item'))),
      promoted({ tableId: 't1', tableName: 'Table 1', at: 1_700_000_000_000 }, rec('Do it', p(i('why')))),
    );
    expect(readDraft(fromEditor)).toEqual(fromHelper);
  });
});

describe('inlineText', () => {
  it('joins runs and writes breaks as newlines', () => {
    expect(inlineText([t('a', true), BR, t('b')])).toBe('a\nb');
  });
});
