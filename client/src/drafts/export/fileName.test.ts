import { describe, expect, it } from 'vitest';
import { draftFileName } from './fileName.ts';

describe('draftFileName', () => {
  it.each([
    ['Citizens’ panel on housing', 'Plenary draft', 'Citizens’ panel on housing – Plenary draft.md'],
    ['Mobilité 2030 : et après ?', 'Brouillon de la Table 3', 'Mobilité 2030 et après – Brouillon de la Table 3.md'],
    ['a/b\\c', 'x<y>"z"|', 'a b c – x y z.md'],
    ['  many   spaces\n', '\tdraft ', 'many spaces – draft.md'],
    ['...hidden...', 'Plenary', 'hidden – Plenary.md'],
    ['', 'Plenary draft', 'Plenary draft.md'],
    ['??', '', 'draft.md'],
  ])('%j + %j → %j', (room, draft, expected) => {
    expect(draftFileName(room, draft, 'md')).toBe(expected);
  });

  it('cuts long titles without splitting a character', () => {
    const name = draftFileName('🏠'.repeat(100), 'Plenary draft', 'md');
    expect(name).toBe(`${'🏠'.repeat(80)} – Plenary draft.md`);
  });
});
