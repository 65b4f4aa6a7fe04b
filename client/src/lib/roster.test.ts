import { describe, expect, it } from 'vitest';
import { parseLanguages, readRoster } from './roster.ts';

const people = [
  { id: 'p1', name: 'Amélie Dupont' },
  { id: 'p2', name: 'Bram Peeters' },
  { id: 'p3', name: 'Jan' },
  { id: 'p4', name: 'JAN' },
  { id: 'p5', name: 'Léa' },
];

describe('parseLanguages', () => {
  it.each([
    ['fr', ['fr'], []],
    ['NL/FR', ['nl', 'fr'], []],
    ['Français et Nederlands', ['fr', 'nl'], []],
    ['Deutsch, english', ['de', 'en'], []],
    ['', [], []],
    ['fr; klingon', ['fr'], ['klingon']],
  ])('%s', (cell, languages, unknown) => expect(parseLanguages(cell)).toEqual({ languages, unknown }));
});

describe('readRoster', () => {
  it('matches names case-insensitively, then without accents, and reads attributes by header', () => {
    const csv = 'Name;Languages;Age;Gender\namélie dupont;fr;30-44;f\nBRAM PEETERS;nl/fr;18-29;\nLea;de;65+;f\n';
    const r = readRoster(csv, people)!;
    expect(r.attributeNames).toEqual(['Age', 'Gender']);
    expect(r.updates).toEqual([
      { participantId: 'p1', languages: ['fr'], attributes: { Age: '30-44', Gender: 'f' } },
      { participantId: 'p2', languages: ['nl', 'fr'], attributes: { Age: '18-29' } },
      { participantId: 'p5', languages: ['de'], attributes: { Age: '65+', Gender: 'f' } },
    ]);
    expect(r.problems).toEqual([]);
  });

  it('reports rows it cannot use, with their line', () => {
    const csv = 'name,languages\nNobody,fr\njan,nl\nBram Peeters,xx\nAmélie Dupont,fr\namélie dupont,nl\nLéa,fr nl en\n';
    const r = readRoster(csv, people)!;
    expect(r.problems).toEqual([
      { line: 2, name: 'Nobody', kind: 'unmatched', skipped: true },
      { line: 3, name: 'jan', kind: 'ambiguous', skipped: true },
      { line: 4, name: 'Bram Peeters', kind: 'unknown-language', detail: 'xx', skipped: true },
      { line: 6, name: 'amélie dupont', kind: 'duplicate', skipped: true },
      { line: 7, name: 'Léa', kind: 'languages-trimmed', detail: 'en', skipped: false },
    ]);
    expect(r.updates.map((u) => [u.participantId, u.languages])).toEqual([
      ['p1', ['fr']],
      ['p5', ['fr', 'nl']],
    ]);
  });

  it('keeps at most twelve attribute columns, and leaves languages alone without that column', () => {
    const header = ['name', 'languages', ...Array.from({ length: 14 }, (_, i) => `a${i}`)].join(',');
    const r = readRoster(`${header}\nJan Smit,,${'x,'.repeat(14)}`, [{ id: 'j', name: 'Jan Smit' }])!;
    expect(r.attributeNames).toHaveLength(12);
    expect(r.ignoredColumns).toEqual(['a12', 'a13']);
    expect(readRoster('name\nJan Smit', [{ id: 'j', name: 'Jan Smit' }])!.updates).toEqual([{ participantId: 'j', attributes: {} }]);
    expect(readRoster('name,languages\n', people)).toBeNull();
  });
});
