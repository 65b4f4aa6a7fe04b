/**
 * The two seating modes. Both meet the same hard constraints — everyone seated exactly once,
 * table sizes ⌊n/k⌋ or ⌈n/k⌉, nobody at a table without a language they speak — and differ
 * only in how they pick among the seatings that do.
 *
 * - `randomSeating`: a feasible seating from max flow, then random valid swaps/moves so that
 *   it is spread roughly uniformly over all feasible seatings.
 * - `balancedSeating`: the same start, then local search minimising
 *   `imbalance + REPEAT_PAIR_WEIGHT · repeatPairs` (see `report.ts` and `SeatingSearch.ts`),
 *   for a bounded number of steps, so it is deterministic given `rng` and fast.
 */
import { feasibleSeating } from './feasibleSeating.ts';
import { languageShortfalls } from './languages.ts';
import { seatingReport } from './report.ts';
import { roomProfile } from './roomProfile.ts';
import { SeatingSearch } from './SeatingSearch.ts';
import type { Rng, SeatingInput, SeatingResult } from './types.ts';

/** Random steps per person when mixing the flow's seating. */
export const SHUFFLE_STEPS_PER_PERSON = 4;
/**
 * Annealing proposals per person before the final descent. With the descent's budget below,
 * at most 250 proposals per person: about 0.1 s for the G1000's 704 people.
 */
export const ANNEAL_STEPS_PER_PERSON = 150;
/** Proposal budget per person for the final descent. */
export const SEARCH_STEPS_PER_PERSON = 100;
/** Starting temperature: a step costing 2 (half of one swap-sized fix, see `report.ts`) is taken with probability 1/e. */
export const ANNEAL_HOT = 2;
/** Final temperature: worse steps are then practically never taken. */
export const ANNEAL_COLD = 0.05;
/** The balanced search stops early after this many fruitless proposals per person in a row. */
export const SEARCH_PATIENCE_PER_PERSON = 40;

/** Everyone seated at random, within the hard constraints. */
export function randomSeating(input: SeatingInput, rng: Rng): SeatingResult {
  return seat(input, rng, () => undefined);
}

/** Tables that mirror the room on `input.balanceOn` and avoid pairs who met in `input.history`. */
export function balancedSeating(input: SeatingInput, rng: Rng): SeatingResult {
  const n = input.people.length;
  return seat(input, rng, (search) => {
    search.anneal(rng, ANNEAL_STEPS_PER_PERSON * n, ANNEAL_HOT, ANNEAL_COLD);
    search.improve(rng, SEARCH_STEPS_PER_PERSON * n, SEARCH_PATIENCE_PER_PERSON * n);
  });
}

function seat(input: SeatingInput, rng: Rng, refine: (search: SeatingSearch) => void): SeatingResult {
  if (input.tables.length === 0) return { ok: false, reason: 'no_tables', shortfalls: [] };
  const start = feasibleSeating(input.people, input.tables, rng);
  if (!start) return { ok: false, reason: 'language_impossible', shortfalls: languageShortfalls(input.people, input.tables) };
  const search = new SeatingSearch(input, roomProfile(input), start);
  search.shuffle(rng, SHUFFLE_STEPS_PER_PERSON * input.people.length);
  refine(search);
  const seats: Record<string, string[]> = {};
  search.seats().forEach((members, t) => {
    const table = input.tables[t];
    if (table) seats[table.id] = members.map((p) => input.people[p]?.id ?? '');
  });
  return { ok: true, seats, report: seatingReport(input, seats) };
}
