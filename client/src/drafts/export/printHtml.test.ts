import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readDraft } from './draftTree.ts';
import { draftToPrintHtml, escapeHtml, type PrintOptions } from './printHtml.ts';
import { b, buildDraft, h, i, li, ol, p, promoted, rec, ul, type SpecNode } from './testDraft.ts';

const AT = Date.UTC(2024, 2, 1, 14, 32);

const options: PrintOptions = {
  title: 'Mobility draft',
  subtitle: 'Plenary · 1 March 2024',
  lang: 'fr',
  labels: { recommendation: (n) => `Recommandation ${n}`, rationale: 'Justification :', from: (table, time) => `De ${table}, ${time}` },
  formatTime: (ms) => new Date(ms).toISOString().slice(11, 16),
};

const html = (blocks: SpecNode[], overrides: Partial<PrintOptions> = {}) => draftToPrintHtml(readDraft(buildDraft(new Y.Doc(), blocks)), { ...options, ...overrides });
const main = (page: string) => page.slice(page.indexOf('<main>\n') + 7, page.indexOf('\n</main>'));

describe('draftToPrintHtml', () => {
  it('is a standalone A4 document with a header, in the labels’ language', () => {
    const page = html([p('x')]);
    expect(page.startsWith('<!doctype html>\n<html lang="fr">')).toBe(true);
    expect(page).toContain('<title>Mobility draft</title>');
    expect(page).toContain('<header class="document">\n<h1>Mobility draft</h1>\n<p class="subtitle">Plenary · 1 March 2024</p>\n</header>');
    expect(page).toMatch(/@page \{ size: A4; margin: [^}]+\}/);
    expect(page).toMatch(/body \{[^}]*serif;[^}]*font-size: 11pt/);
    expect(page).toMatch(/\.recommendation \{[^}]*break-inside: avoid/);
    expect(page.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('loads nothing from anywhere', () => {
    const page = html([p('x')]);
    for (const external of ['<script', '<link', 'src=', 'href=', 'url(', '@import', 'http']) expect(page).not.toContain(external);
  });

  it('omits an empty subtitle', () => {
    expect(html([p('x')], { subtitle: '  ' })).not.toContain('subtitle">');
  });

  it('renders the blocks, numbering recommendations and showing provenance', () => {
    const page = html([
      h(1, 'Getting around'),
      p('We ', b('agree'), ' on ', i('most'), '.'),
      ul(li(p('Buses'), ol(2, li(p('at night'))))),
      rec('Free buses', p(), p('Because.'), p('And fair.')),
      promoted({ tableId: 't3', tableName: 'Table 3', at: AT }, rec('Bike lanes')),
      p(),
    ]);
    expect(main(page)).toBe(
      [
        '<h2>Getting around</h2>',
        '<p>We <strong>agree</strong> on <em>most</em>.</p>',
        '<ul><li><p>Buses</p>\n<ol start="2"><li><p>at night</p></li></ol></li></ul>',
        '<section class="recommendation" data-number="1"><h3>Recommandation 1</h3><p class="statement">Free buses</p>' +
          '<div class="rationale"><p><span class="rationale-label">Justification :</span> Because.</p><p>And fair.</p></div></section>',
        '<section class="promoted" data-table-id="t3"><p class="provenance">De Table 3, 14:32</p>' +
          '<section class="recommendation" data-number="2"><h3>Recommandation 2</h3><p class="statement">Bike lanes</p></section></section>',
      ].join('\n'),
    );
  });

  it('escapes every text it prints, attributes included', () => {
    const evil = '<script>alert("x")</script>';
    const page = html([h(2, evil), p(b(evil)), promoted({ tableId: '"><img src=x onerror=alert(1)>', tableName: evil, at: AT }, p(evil)), rec(evil)], {
      title: evil,
      subtitle: evil,
      lang: '"><script>',
      labels: { recommendation: () => evil, rationale: evil, from: (table) => table },
    });
    expect(page).not.toContain('<script');
    expect(page).not.toContain('<img');
    expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(page).toContain('<html lang="&quot;&gt;&lt;script&gt;">');
    expect(page).toContain('data-table-id="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"');
  });
});

describe('escapeHtml', () => {
  it('escapes the five characters that matter in text and quoted attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
  });
});
