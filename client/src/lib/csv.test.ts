import { describe, expect, it } from 'vitest';
import { guessDelimiter, parseCsv } from './csv.ts';

describe('parseCsv', () => {
  it('guesses the delimiter from the header', () => {
    expect(guessDelimiter('name;languages;age\nA;fr;30')).toBe(';');
    expect(guessDelimiter('name,languages\nA,fr')).toBe(',');
    expect(guessDelimiter('name\tlanguages\nA\tfr')).toBe('\t');
    expect(guessDelimiter('"a;b",c,d')).toBe(',');
  });

  it('reads quoted fields, doubled quotes, line breaks and CRLF', () => {
    const text = '\uFEFFname;note\r\n"Dupont; Marie";"said ""hi""\nthen left"\r\n\r\nJan ; x\r\n';
    expect(parseCsv(text)).toEqual([
      ['name', 'note'],
      ['Dupont; Marie', 'said "hi"\nthen left'],
      ['Jan', 'x'],
    ]);
  });

  it('keeps empty fields and skips blank lines', () => {
    expect(parseCsv('a,b,c\n,,\nx,,z')).toEqual([
      ['a', 'b', 'c'],
      ['x', '', 'z'],
    ]);
  });
});
