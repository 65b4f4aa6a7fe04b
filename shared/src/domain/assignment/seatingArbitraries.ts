/**
 * Test helper (not exported from the package): fast-check generators for seating inputs.
 * `anyInput` is often infeasible; `feasibleInput` builds rosters around a seating that exists
 * (seat i goes to table i mod k, and its person speaks that table's language or none).
 */
import fc from 'fast-check';
import type { Language } from '../state.ts';
import type { SeatingInput, SeatPerson, SeatTable } from './types.ts';

export const ALL_LANGUAGES: Language[] = ['fr', 'nl', 'de', 'en'];

type Range = [min: number, max: number];

/**
 * Zero to two languages from `pool`; zero means "any table" / "speaks at any table". Mostly one,
 * since single-language people and tables are what make rooms infeasible.
 */
function languagesArb(pool: Language[]): fc.Arbitrary<Language[]> {
  return fc.oneof(
    { arbitrary: fc.constant<Language[]>([]), weight: 1 },
    { arbitrary: fc.subarray(pool, { minLength: 1, maxLength: 1 }), weight: 4 },
    { arbitrary: fc.subarray(pool, { minLength: 2, maxLength: 2 }), weight: 1 },
  );
}

function tablesOf(languages: Language[][]): SeatTable[] {
  return languages.map((l, i) => ({ id: `t${i}`, languages: l }));
}

/** Arbitrary language sets for people and tables, no attributes or history. */
export function anyInput(people: Range, tables: Range, pool: Language[] = ALL_LANGUAGES): fc.Arbitrary<SeatingInput> {
  return fc
    .record({
      people: fc.array(languagesArb(pool), { minLength: people[0], maxLength: people[1] }),
      tables: fc.array(languagesArb(pool), { minLength: tables[0], maxLength: tables[1] }),
    })
    .map((r) => ({
      people: r.people.map((languages, i) => ({ id: `p${i}`, languages, attributes: {} })),
      tables: tablesOf(r.tables),
      history: [],
      balanceOn: [],
    }));
}

interface PersonSpec {
  /** 0: no language; 1: the table's first; 2: first plus `extra`; 3: the table's last. */
  mode: number;
  extra: Language;
  /** Per attribute: a value index (taken modulo that attribute's value count) or null for missing. */
  values: (number | null)[];
}

function personSpecArb(pool: Language[], attributes: number): fc.Arbitrary<PersonSpec> {
  return fc.record({
    mode: fc.integer({ min: 0, max: 3 }),
    extra: fc.constantFrom(...pool),
    values: fc.array(fc.option(fc.nat(), { freq: 12 }), { minLength: attributes, maxLength: attributes }),
  });
}

function personLanguages(spec: PersonSpec, table: SeatTable): Language[] {
  const first = table.languages[0] ?? spec.extra;
  const last = table.languages[table.languages.length - 1] ?? spec.extra;
  const sets: Language[][] = [[], [first], [...new Set([first, spec.extra])], [last]];
  return sets[spec.mode] ?? [];
}

function buildPerson(spec: PersonSpec, i: number, tables: SeatTable[], valueCounts: number[]): SeatPerson {
  const attributes: Record<string, string> = {};
  spec.values.forEach((v, a) => {
    if (v !== null) attributes[`a${a}`] = `v${v % (valueCounts[a] ?? 1)}`;
  });
  return { id: `p${i}`, languages: personLanguages(spec, tables[i % tables.length] as SeatTable), attributes };
}

/** Splits a permutation of person ids into groups of six: one earlier round. */
function roundOf(order: number[]): string[][] {
  const groups: string[][] = [];
  for (let i = 0; i < order.length; i += 6) groups.push(order.slice(i, i + 6).map((p) => `p${p}`));
  return groups;
}

/** Feasible rosters with 2–3 attributes of 2–4 values (balanced on all) and 0–`rounds` rounds of history. */
export function feasibleInput(people: Range, tables: Range, rounds = 2, pool: Language[] = ALL_LANGUAGES): fc.Arbitrary<SeatingInput> {
  return fc
    .record({
      n: fc.integer({ min: people[0], max: people[1] }),
      tables: fc.array(languagesArb(pool), { minLength: tables[0], maxLength: tables[1] }).map(tablesOf),
      valueCounts: fc.array(fc.integer({ min: 2, max: 4 }), { minLength: 2, maxLength: 3 }),
    })
    .chain(({ n, tables, valueCounts }) =>
      fc
        .record({
          specs: fc.array(personSpecArb(pool, valueCounts.length), { minLength: n, maxLength: n }),
          history: fc.array(fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n }), { maxLength: rounds }),
        })
        .map(({ specs, history }) => ({
          people: specs.map((spec, i) => buildPerson(spec, i, tables, valueCounts)),
          tables,
          history: history.map(roundOf),
          balanceOn: valueCounts.map((_, a) => `a${a}`),
        })),
    );
}
