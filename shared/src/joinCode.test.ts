import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isJoinCode, JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, joinCodeFromBytes, normalizeJoinCode } from './joinCode.ts';

describe('join code alphabet', () => {
  it('has 32 distinct upper-case letters and digits, none of them 0, O, 1 or I', () => {
    expect(JOIN_CODE_ALPHABET).toHaveLength(32);
    expect(new Set(JOIN_CODE_ALPHABET).size).toBe(32);
    expect(JOIN_CODE_ALPHABET).toMatch(/^[A-Z2-9]+$/);
    for (const ambiguous of '0O1I') expect(JOIN_CODE_ALPHABET).not.toContain(ambiguous);
    expect(JOIN_CODE_LENGTH).toBe(6);
  });
});

describe('joinCodeFromBytes', () => {
  it.each([
    { bytes: [0, 0, 0, 0, 0, 0], code: 'AAAAAA' },
    { bytes: [31, 31, 31, 31, 31, 31], code: '999999' },
    { bytes: [32, 33, 63, 255, 8, 24], code: 'AB99J2' },
    { bytes: [1, 2, 3, 4, 5, 6, 7, 8], code: 'BCDEFG' },
    { bytes: [7], code: 'HAAAAA' },
  ])('$bytes → $code', ({ bytes, code }) => {
    expect(joinCodeFromBytes(Uint8Array.from(bytes))).toBe(code);
  });

  it('always yields a valid code, and every letter is reachable', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 6, maxLength: 6 }), (bytes) => {
        const code = joinCodeFromBytes(bytes);
        expect(code).toHaveLength(JOIN_CODE_LENGTH);
        expect(isJoinCode(code)).toBe(true);
      }),
      { numRuns: 200 },
    );
    const all = Array.from({ length: 256 }, (_, b) => joinCodeFromBytes(Uint8Array.from([b]))[0]).join('');
    expect(new Set(all)).toEqual(new Set(JOIN_CODE_ALPHABET));
  });
});

describe('normalizeJoinCode and isJoinCode', () => {
  it.each([
    { input: 'abc234', normalized: 'ABC234', valid: true },
    { input: ' ab-c2 34 ', normalized: 'ABC234', valid: true },
    { input: 'ABC\t234\n', normalized: 'ABC234', valid: true },
    { input: 'ab--c--234', normalized: 'ABC234', valid: true },
    { input: 'ABC23', normalized: 'ABC23', valid: false },
    { input: 'ABC2345', normalized: 'ABC2345', valid: false },
    { input: 'ABC230', normalized: 'ABC230', valid: false },
    { input: 'ABC23O', normalized: 'ABC23O', valid: false },
    { input: 'abc231', normalized: 'ABC231', valid: false },
    { input: 'abc23i', normalized: 'ABC23I', valid: false },
    { input: 'ABC_34', normalized: 'ABC_34', valid: false },
    { input: '', normalized: '', valid: false },
  ])('"$input" → "$normalized" (valid: $valid)', ({ input, normalized, valid }) => {
    expect(normalizeJoinCode(input)).toBe(normalized);
    expect(isJoinCode(normalizeJoinCode(input))).toBe(valid);
  });

  it('a code typed in lower case with separators normalizes back to itself', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 6, maxLength: 6 }), fc.constantFrom('', ' ', '-'), (bytes, sep) => {
        const code = joinCodeFromBytes(bytes);
        const typed = `${code.slice(0, 3)}${sep}${code.slice(3)}`.toLowerCase();
        expect(normalizeJoinCode(typed)).toBe(code);
      }),
      { numRuns: 200 },
    );
  });

  it('isJoinCode is strict: lower case is not a code until normalized', () => {
    expect(isJoinCode('abc234')).toBe(false);
    expect(isJoinCode('ABC234')).toBe(true);
  });
});
