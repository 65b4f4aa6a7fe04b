import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readDraft, type DraftInline } from './draftTree.ts';
import type { ExportOptions } from './exportLabels.ts';
import { draftToMarkdown } from './markdown.ts';
import { inlineMarkdown } from './markdownInline.ts';
import { b, bi, br, buildDraft, h, i, li, ol, p, promoted, quote, rec, ul, type SpecNode } from './testDraft.ts';

const AT = Date.UTC(2024, 2, 1, 14, 32);

const options: ExportOptions = {
  title: 'Mobility draft',
  labels: { recommendation: (n) => `Recommendation ${n}`, rationale: 'Rationale:', from: (table, time) => (time ? `From ${table}, ${time}` : `From ${table}`) },
  formatTime: (ms) => new Date(ms).toISOString().slice(11, 16),
};

const md = (...blocks: SpecNode[]) => draftToMarkdown(readDraft(buildDraft(new Y.Doc(), blocks)), options);
const t = (text: string, bold = false, italic = false): DraftInline => ({ kind: 'text', text, bold, italic });

describe('draftToMarkdown', () => {
  it('writes a whole draft', () => {
    const out = md(
      h(1, 'Getting around'),
      p('We ', b('agree'), ' on ', i('most'), ' points: 2 * 3 = 6, a_b, [link](x) <tag> #1.'),
      ul(li(p('Buses'), ul(li(p('at night')), li(p('on Sundays')))), li(p('Bikes'))),
      ol(3, li(p('third')), li(p('fourth'))),
      rec('Make buses free', p('Because ', bi('cars'), ' pollute.'), p('And it is fair.')),
      promoted({ tableId: 't3', tableName: 'Table 3', at: AT }, rec('Build bike lanes', p('Safer streets.'))),
      p(),
      p('1. Not a list item'),
    );
    expect(out).toBe(
      [
        '# Mobility draft',
        '',
        '## Getting around',
        '',
        'We **agree** on _most_ points: 2 \\* 3 = 6, a\\_b, \\[link\\](x) \\<tag> #1.',
        '',
        '- Buses',
        '  - at night',
        '  - on Sundays',
        '- Bikes',
        '',
        '3. third',
        '4. fourth',
        '',
        '### Recommendation 1',
        '',
        '**Make buses free**',
        '',
        '_Rationale:_ Because **_cars_** pollute.',
        '',
        'And it is fair.',
        '',
        '> _From Table 3, 14:32_',
        '',
        '### Recommendation 2',
        '',
        '**Build bike lanes**',
        '',
        '_Rationale:_ Safer streets.',
        '',
        '1\\. Not a list item',
        '',
      ].join('\n'),
    );
  });

  it('keeps two lists of one kind apart and indents under wide numbers', () => {
    const ten = Array.from({ length: 10 }, (_, k) => li(p(`n${k + 1}`)));
    ten[9] = li(p('n10'), ul(li(p('sub'))));
    expect(md(ul(li(p('a'))), ul(li(p('b'))), ol(null, ...ten))).toBe(
      ['# Mobility draft', '', '- a', '', '* b', '', ...Array.from({ length: 9 }, (_, k) => `${k + 1}. n${k + 1}`), '10. n10', '    - sub', ''].join('\n'),
    );
  });

  it('quotes blockquotes line by line and skips empty blocks', () => {
    expect(md(quote(p('one'), p('two')), h(2), p('  '), ul(li(p())))).toBe('# Mobility draft\n\n> one\n>\n> two\n\n-\n');
  });

  it('never lets an empty nested item turn its paragraph into a heading', () => {
    expect(md(ul(li(p('text'), ul(li(p())))))).toBe('# Mobility draft\n\n- text\n\n  -\n');
  });

  it('names the table without a time when the time is unknown, and omits an empty rationale', () => {
    expect(md(promoted({ tableId: 'x', tableName: 'Table 9', at: 'later' }, rec('Only this')))).toBe(
      '# Mobility draft\n\n> _From Table 9_\n\n### Recommendation 1\n\n**Only this**\n',
    );
  });

  it('escapes the title and a heading ending in #', () => {
    const out = draftToMarkdown(readDraft(buildDraft(new Y.Doc(), [h(2, 'Vote #')])), { ...options, title: '*Draft* <1>' });
    expect(out).toBe('# \\*Draft\\* \\<1>\n\n### Vote \\#\n');
  });
});

describe('inlineMarkdown', () => {
  it.each([
    ['moves spaces outside delimiters', [t('a'), t(' bold ', true), t('b')], 'a **bold** b'],
    ['nests the longer mark outside', [t('x ', true), t('y', true, true), t(' z', true)], '**x _y_ z**'],
    ['uses * for italics inside a word', [t('re'), t('do', false, true), t('ne')], 're*do*ne'],
    ['falls back to HTML where no delimiter parses', [t('Great'), t('!', true)], 'Great<strong>!</strong>'],
    ['writes hard breaks and escapes what starts the next line', [t('one', true), { kind: 'break' }, t('- two')], '**one**\\\n\\- two'],
    ['drops breaks and blanks at the ends', [{ kind: 'break' }, t('  '), t('x'), { kind: 'break' }], 'x'],
    ['escapes markup and entities, not plain punctuation', [t('a*b_c `d` ~e~ |f| &amp; AT&T 3 > 2 - ok.')], 'a\\*b\\_c \\`d\\` \\~e\\~ \\|f\\| \\&amp; AT&T 3 > 2 - ok.'],
    ['escapes block syntax at the start of a line only', [t('# not a heading #')], '\\# not a heading #'],
    ['escapes an ordered-list marker at the start', [t('2024. A year')], '2024\\. A year'],
    ['escapes a quote or setext line at the start', [t('> no')], '\\> no'],
  ] satisfies [string, DraftInline[], string][])('%s', (_, runs, expected) => {
    expect(inlineMarkdown(runs)).toBe(expected);
  });

  it('makes every run bold for a statement, and one line for a heading', () => {
    expect(inlineMarkdown([t('a '), t('b', true), { kind: 'break' }, t('c', false, true)], { bold: true, oneLine: true })).toBe('**a b _c_**');
  });

  it('closes marks before a line break and reopens them after', () => {
    expect(inlineMarkdown([t('a', false, true), { kind: 'break' }, t('b', false, true)])).toBe('_a_\\\n_b_');
  });
});

it('reads a whole draft through the Yjs helpers used elsewhere', () => {
  expect(md(p('x', br(), 'y'))).toBe('# Mobility draft\n\nx\\\ny\n');
});
