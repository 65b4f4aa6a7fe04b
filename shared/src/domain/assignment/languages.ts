/**
 * Language rules for seating: who may sit where, how big tables are, and — when no seating
 * exists — which language groups explain why.
 *
 * Why the shortfall check is exact: with n people and k tables, every table seats
 * ⌊n/k⌋ people and `n mod k` of them (any of them) seat one more. A set of m tables then holds
 * at most ⌊n/k⌋·m + min(m, n mod k). By Hall's theorem on the flow network in `feasibleSeating`
 * (the min cut), a seating exists iff every set of people fits into the tables any of them can
 * join. A set's reachable tables depend only on the union L of its languages, and the largest
 * set with union within L is "everyone whose (non-empty) languages all lie in L". So checking
 * each non-empty L (at most 15 for four languages) decides feasibility exactly.
 */
import type { Language } from '../state.ts';
import type { SeatingShortfall, SeatPerson, SeatTable } from './types.ts';

type Speaker = { languages: readonly Language[] };

/** The seating rule on bare language lists: they intersect, or either is empty ("any"). */
export function languagesMeet(person: readonly Language[], table: readonly Language[]): boolean {
  if (person.length === 0 || table.length === 0) return true;
  return person.some((l) => table.includes(l));
}

/** May this person sit at this table? Yes if they share a language, or either side states none. */
export function canSit(person: SeatPerson, table: SeatTable): boolean {
  return languagesMeet(person.languages, table.languages);
}

/** Table sizes: every table gets `small` people and `bigTables` of them get one more. */
export interface SizePlan {
  small: number;
  bigTables: number;
}

/** Sizes ⌊n/k⌋ and ⌈n/k⌉, so that they differ by at most one and add up to n. */
export function sizePlan(people: number, tables: number): SizePlan {
  return { small: Math.floor(people / tables), bigTables: people % tables };
}

/** The most people `tableCount` tables can hold under `plan`. */
function capacity(tableCount: number, plan: SizePlan): number {
  return plan.small * tableCount + Math.min(tableCount, plan.bigTables);
}

/**
 * Language groups that cannot all be seated, smallest first; empty iff a seating exists.
 * Only minimal groups are listed: if nl-only speakers overflow, "nl or fr" speakers usually
 * do too, and saying so adds nothing.
 */
export function languageShortfalls(people: readonly Speaker[], tables: readonly Speaker[]): SeatingShortfall[] {
  if (tables.length === 0) return [];
  const plan = sizePlan(people.length, tables.length);
  const universe = [...new Set(people.flatMap((p) => p.languages))].sort();
  const violated: { mask: number; shortfall: SeatingShortfall }[] = [];
  for (let mask = 1; mask < 1 << universe.length; mask++) {
    const languages = universe.filter((_, i) => (mask & (1 << i)) !== 0);
    const count = people.filter((p) => p.languages.length > 0 && p.languages.every((l) => languages.includes(l))).length;
    const seats = capacity(tables.filter((t) => languagesMeet(languages, t.languages)).length, plan);
    if (count > seats) violated.push({ mask, shortfall: { languages, people: count, seats } });
  }
  const isMinimal = (v: { mask: number }): boolean => !violated.some((w) => w.mask !== v.mask && (w.mask & v.mask) === w.mask);
  return violated.filter(isMinimal).map((v) => v.shortfall);
}
