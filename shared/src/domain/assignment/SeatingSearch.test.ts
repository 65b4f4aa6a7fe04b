/**
 * The search keeps running totals instead of rescoring whole seatings; these properties check
 * its bookkeeping against `seatingReport`, which recounts from scratch.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { feasibleSeating } from './feasibleSeating.ts';
import { seatingReport } from './report.ts';
import { seededRng } from './rng.ts';
import { roomProfile } from './roomProfile.ts';
import { feasibleInput } from './seatingArbitraries.ts';
import { seatingViolations } from './seatingChecks.ts';
import { REPEAT_PAIR_WEIGHT, SeatingSearch } from './SeatingSearch.ts';
import type { SeatingInput } from './types.ts';

function searchFor(input: SeatingInput, seed: number): SeatingSearch {
  const start = feasibleSeating(input.people, input.tables, seededRng(seed));
  if (!start) throw new Error('generated room should be feasible');
  return new SeatingSearch(input, roomProfile(input), start);
}

/** imbalance + λ·repeatPairs of the search's current seating, recounted from scratch. */
function objective(input: SeatingInput, search: SeatingSearch): { score: number; violations: string[] } {
  const seats = Object.fromEntries(search.seats().map((members, t) => [input.tables[t]?.id ?? '', members.map((p) => input.people[p]?.id ?? '')]));
  const report = seatingReport(input, seats);
  return { score: report.imbalance + REPEAT_PAIR_WEIGHT * report.repeatPairs, violations: seatingViolations(input, seats) };
}

describe('SeatingSearch', () => {
  it('each step changes imbalance + λ·repeatPairs by exactly what the search predicted, and keeps the seating valid', () => {
    fc.assert(
      fc.property(feasibleInput([2, 30], [1, 6], 3), fc.nat(), (input, seed) => {
        const search = searchFor(input, seed);
        const rng = seededRng(seed + 1);
        const n2 = input.people.length ** 2;
        let before = objective(input, search).score;
        for (let i = 0; i < 40; i++) {
          const delta = search.tryStep(rng, () => true);
          if (delta === null) continue;
          const after = objective(input, search);
          expect(after.violations).toEqual([]);
          expect(after.score - before).toBeCloseTo(delta / n2, 6);
          before = after.score;
        }
      }),
      { numRuns: 100 },
    );
  });

  it('descent never makes the objective worse', () => {
    fc.assert(
      fc.property(feasibleInput([2, 40], [1, 6], 3), fc.nat(), (input, seed) => {
        const search = searchFor(input, seed);
        const start = objective(input, search).score;
        search.improve(seededRng(seed), 50 * input.people.length, 10 * input.people.length);
        expect(objective(input, search).score).toBeLessThanOrEqual(start + 1e-9);
      }),
      { numRuns: 50 },
    );
  });
});
