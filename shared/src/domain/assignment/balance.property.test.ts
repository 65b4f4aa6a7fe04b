/**
 * Does balanced seating beat chance? Compared with 20 seeded random seatings of the same room:
 * - imbalance = Σ over tables, balanced attributes and values of (count − expected)², where
 *   expected = table size × the value's share of the room (see `report.ts`);
 * - repeatPairs = pairs seated together who already shared a table in an earlier round.
 * Run counts are fixed; on failure fast-check prints the seed and the shrunk roster.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { balancedSeating, randomSeating, seededRng, type SeatingInput, type SeatingReport, type SeatingResult } from './index.ts';
import { feasibleInput } from './seatingArbitraries.ts';
import { median } from './seatingChecks.ts';

const RANDOM_RUNS = 20;

function reportOf(result: SeatingResult): SeatingReport & { seats: Record<string, string[]> } {
  if (!result.ok) throw new Error(`feasible room not seated: ${JSON.stringify(result)}`);
  return { ...result.report, seats: result.seats };
}

/** The median of `measure` over RANDOM_RUNS random seatings (seeds seed…seed+19). */
function randomMedian(input: SeatingInput, seed: number, measure: (r: SeatingReport) => number): number {
  return median(Array.from({ length: RANDOM_RUNS }, (_, i) => measure(reportOf(randomSeating(input, seededRng(seed + i))))));
}

describe('balanced seating versus random seating', () => {
  it('imbalance Σ(count − expected)² of balanced ≤ the median of 20 random seatings (24–80 people, 3–10 tables, 2–3 attributes of 2–4 values)', () => {
    fc.assert(
      // No history here: with history the search may, by design, give up some balance for fewer repeats.
      fc.property(feasibleInput([24, 80], [3, 10], 0), fc.nat(), (input, seed) => {
        const balanced = reportOf(balancedSeating(input, seededRng(seed))).imbalance;
        expect(balanced).toBeLessThanOrEqual(randomMedian(input, seed + 1, (r) => r.imbalance));
      }),
      { numRuns: 100 },
    );
  });

  it('over 3 successive rounds, balanced repeatPairs ≤ the median of 20 random seatings each round, and strictly fewer in total', () => {
    const totals = { balanced: 0, random: 0 };
    fc.assert(
      fc.property(feasibleInput([24, 80], [3, 10], 0), fc.nat(), (roster, seed) => {
        let history: string[][][] = [];
        for (let round = 0; round < 3; round++) {
          const input = { ...roster, history };
          const balanced = reportOf(balancedSeating(input, seededRng(seed + round)));
          const random = randomMedian(input, seed + 100 * (round + 1), (r) => r.repeatPairs);
          expect(balanced.repeatPairs, `round ${round + 1}`).toBeLessThanOrEqual(random);
          totals.balanced += balanced.repeatPairs;
          totals.random += random;
          // The room's next round remembers who sat together in this one.
          history = [...history, Object.values(balanced.seats)];
        }
      }),
      { numRuns: 30 },
    );
    // Reached only when every run passed, so no shrinking re-runs inflated the totals.
    expect(totals.random).toBeGreaterThan(0);
    expect(totals.balanced).toBeLessThan(totals.random);
  });
});
