import type { Language } from '@dr/shared';
import { describe, expect, it } from 'vitest';
import type { DiffStats } from '../../../drafts/export/draftDiff.ts';
import { translate, translatePlural } from '../../../i18n/translate.ts';
import { diffSummary } from './diffSummary.ts';

const i18n = (lang: Language) => ({ lang, t: translate.bind(null, lang), tn: translatePlural.bind(null, lang) });
const stats = (wordsAdded: number, wordsRemoved: number, blocksChanged = 0): DiffStats => ({ wordsAdded, wordsRemoved, blocksAdded: 0, blocksRemoved: 0, blocksChanged });

describe('diffSummary', () => {
  it.each([
    ['en', stats(12, 3), '12 words added and 3 words removed'],
    ['en', stats(1, 0), '1 word added'],
    ['en', stats(0, 2), '2 words removed'],
    ['en', stats(0, 0, 1), '1 passage reformatted'],
    ['en', stats(0, 0), 'No differences: both read the same.'],
    ['fr', stats(1, 4), '1 mot ajouté et 4 mots supprimés'],
    ['nl', stats(2, 1), '2 woorden toegevoegd en 1 woord verwijderd'],
    ['de', stats(5, 0), '5 Wörter hinzugefügt'],
  ] as const)('%s %j', (lang, s, expected) => {
    expect(diffSummary(s, i18n(lang))).toBe(expected);
  });
});
