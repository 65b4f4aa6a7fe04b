/** Table-driven examples for both seating modes: sizes, languages, impossible rooms. */
import { describe, expect, it } from 'vitest';
import type { Language } from '../state.ts';
import { balancedSeating, randomSeating, seededRng, type SeatingInput, type SeatingResult, type SeatPerson, type SeatTable } from './index.ts';
import { allSeatings, seatingKey, seatingViolations } from './seatingChecks.ts';

const MODES = [
  ['random', randomSeating],
  ['balanced', balancedSeating],
] as const;

/** `count` people speaking `languages`, ids prefixed so groups stay recognisable in failures. */
function people(count: number, languages: Language[], prefix = languages.join('') || 'any'): SeatPerson[] {
  return Array.from({ length: count }, (_, i) => ({ id: `${prefix}${i}`, languages, attributes: {} }));
}

function tables(count: number, languages: Language[], prefix = languages.join('') || 'any'): SeatTable[] {
  return Array.from({ length: count }, (_, i) => ({ id: `${prefix}-t${i}`, languages }));
}

function room(p: SeatPerson[], t: SeatTable[]): SeatingInput {
  return { people: p, tables: t, history: [], balanceOn: [] };
}

function seatsOf(result: SeatingResult): Record<string, string[]> {
  if (!result.ok) throw new Error(`expected a seating, got ${result.reason} ${JSON.stringify(result.shortfalls)}`);
  return result.seats;
}

/** 704 people at the G1000's 81 tables: 30 nl, 18 fr, 32 bilingual nl+fr, 1 de+fr. */
function g1000(): SeatingInput {
  const roster = [...people(240, ['nl']), ...people(144, ['fr']), ...people(6, ['de']), ...people(2, ['de', 'fr']), ...people(312, ['nl', 'fr'])];
  const values = { age: ['18-29', '30-44', '45-64', '65+'], gender: ['f', 'm'], education: ['low', 'mid', 'high'] };
  roster.forEach((p, i) => {
    p.attributes = { age: values.age[i % 4] ?? '', gender: values.gender[(i >> 2) % 2] ?? '', education: values.education[i % 3] ?? '' };
  });
  return { ...room(roster, [...tables(30, ['nl']), ...tables(18, ['fr']), ...tables(32, ['nl', 'fr']), ...tables(1, ['de', 'fr'])]), balanceOn: ['age', 'gender', 'education'] };
}

describe.each(MODES)('%s seating: valid rooms', (_, seat) => {
  it.each([
    { n: 10, k: 3, sizes: [3, 3, 4] },
    { n: 16, k: 2, sizes: [8, 8] },
    { n: 5, k: 8, sizes: [0, 0, 0, 1, 1, 1, 1, 1] },
    { n: 0, k: 4, sizes: [0, 0, 0, 0] },
    { n: 47, k: 6, sizes: [7, 8, 8, 8, 8, 8] },
  ])('$n people at $k tables: sizes $sizes', ({ n, k, sizes }) => {
    const input = room(people(n, []), tables(k, []));
    const seats = seatsOf(seat(input, seededRng(n)));
    expect(Object.values(seats).map((s) => s.length).sort((a, b) => a - b)).toEqual(sizes);
    expect(seatingViolations(input, seats)).toEqual([]);
  });

  it.each([
    { name: 'a bilingual table takes the overflow of both sides', p: [...people(9, ['nl']), ...people(9, ['fr'])], t: [...tables(1, ['nl']), ...tables(1, ['fr']), ...tables(1, ['nl', 'fr'])] },
    { name: 'people with no stated language fill any table', p: [...people(4, ['nl']), ...people(4, ['fr']), ...people(8, [])], t: [...tables(1, ['nl']), ...tables(1, ['fr'])] },
    { name: 'a table with no language takes anyone', p: [...people(6, ['de']), ...people(6, ['en'])], t: [...tables(1, ['de']), ...tables(1, [])] },
    { name: 'a bilingual speaker may sit at either side', p: [...people(6, ['nl', 'fr']), ...people(2, ['nl']), ...people(2, ['fr'])], t: [...tables(1, ['nl']), ...tables(1, ['fr'])] },
  ])('$name', ({ p, t }) => {
    const input = room(p, t);
    expect(seatingViolations(input, seatsOf(seat(input, seededRng(7))))).toEqual([]);
  });

  it('a G1000-sized room (704 people, 81 tables of four language kinds) is seated validly', () => {
    const input = g1000();
    const seats = seatsOf(seat(input, seededRng(1000)));
    expect(seatingViolations(input, seats)).toEqual([]);
    // The six German-only speakers can only be at the de+fr table.
    expect(seats['defr-t0']?.filter((id) => id.startsWith('de') && !id.startsWith('defr'))).toHaveLength(6);
  });

  it('is deterministic for a given seed', () => {
    const input = g1000();
    expect(seat(input, seededRng(3))).toEqual(seat(input, seededRng(3)));
  });
});

describe.each(MODES)('%s seating: impossible rooms', (_, seat) => {
  it.each([
    { name: '12 nl-only speakers, but the nl table seats 8', p: [...people(12, ['nl']), ...people(4, ['fr'])], t: [...tables(1, ['nl']), ...tables(1, ['fr'])], shortfalls: [{ languages: ['nl'], people: 12, seats: 8 }] },
    { name: 'nobody speaks the de table’s language', p: people(10, ['nl']), t: [...tables(1, ['nl']), ...tables(1, ['de'])], shortfalls: [{ languages: ['nl'], people: 10, seats: 5 }] },
    { name: 'an en speaker with no en table', p: [...people(1, ['en']), ...people(5, [])], t: [...tables(1, ['nl']), ...tables(1, ['fr'])], shortfalls: [{ languages: ['en'], people: 1, seats: 0 }] },
    {
      name: 'both language groups overflow (the union is not listed again)',
      p: [...people(9, ['nl']), ...people(9, ['fr'])],
      t: [...tables(1, ['nl']), ...tables(1, ['fr']), ...tables(1, ['de'])],
      shortfalls: [{ languages: ['fr'], people: 9, seats: 6 }, { languages: ['nl'], people: 9, seats: 6 }],
    },
    { name: 'sizes within one: the fr table needs someone, so 2 nl tables hold only 4', p: people(5, ['nl']), t: [...tables(2, ['nl']), ...tables(1, ['fr'])], shortfalls: [{ languages: ['nl'], people: 5, seats: 4 }] },
  ])('$name', ({ p, t, shortfalls }) => {
    expect(seat(room(p, t), seededRng(1))).toEqual({ ok: false, reason: 'language_impossible', shortfalls });
  });

  it.each([
    { name: 'people but no tables', p: people(3, []) },
    { name: 'no people and no tables', p: [] },
  ])('$name → no_tables', ({ p }) => {
    expect(seat(room(p, []), seededRng(1))).toEqual({ ok: false, reason: 'no_tables', shortfalls: [] });
  });
});

describe('random seating spread', () => {
  const SEEDS = 3000;
  it.each([
    { name: '4 people, 2 tables, no languages', p: people(4, []), t: tables(2, []) },
    { name: 'bilingual people and a bilingual table', p: [...people(3, ['nl', 'fr']), ...people(2, ['nl']), ...people(1, ['fr'])], t: [...tables(1, ['nl']), ...tables(1, ['fr']), ...tables(1, ['nl', 'fr'])] },
    { name: 'uneven sizes with language-free people', p: [...people(3, ['nl']), ...people(2, []), ...people(2, ['fr'])], t: [...tables(1, ['nl']), ...tables(1, ['fr']), ...tables(1, [])] },
  ])('$name: every valid seating turns up, none far more often than others', ({ p, t }) => {
    const input = room(p, t);
    const valid = allSeatings(input);
    const seen = new Map<string, number>();
    for (let seed = 0; seed < SEEDS; seed++) {
      const key = seatingKey(seatsOf(randomSeating(input, seededRng(seed))));
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    expect([...seen.keys()].filter((k) => !valid.has(k))).toEqual([]);
    expect(seen.size).toBe(valid.size);
    // "Uniform-ish": each seating within 0.4×–2× its fair share.
    const fair = SEEDS / valid.size;
    expect(Math.min(...seen.values())).toBeGreaterThan(0.4 * fair);
    expect(Math.max(...seen.values())).toBeLessThan(2 * fair);
  });
});
