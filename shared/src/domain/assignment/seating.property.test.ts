/**
 * Property tests for the hard constraints of both modes. Run counts are fixed (RUNS); on
 * failure fast-check prints the seed and the shrunk input — replay with `{ seed, path }`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { languageShortfalls } from './languages.ts';
import { balancedSeating, randomSeating, seededRng, type SeatingInput, type SeatingResult, type SeatingShortfall } from './index.ts';
import { anyInput, feasibleInput } from './seatingArbitraries.ts';
import { bruteForceFeasible, seatingViolations } from './seatingChecks.ts';

const RUNS = { numRuns: 100 };

const MODES = [
  ['random', randomSeating],
  ['balanced', balancedSeating],
] as const;

/** Recounts a shortfall from its definition: it must be true and must really overflow. */
function shortfallErrors(input: SeatingInput, s: SeatingShortfall): string[] {
  const n = input.people.length;
  const k = input.tables.length;
  const speakers = input.people.filter((p) => p.languages.length > 0 && p.languages.every((l) => s.languages.includes(l))).length;
  const reachable = input.tables.filter((t) => t.languages.length === 0 || t.languages.some((l) => s.languages.includes(l))).length;
  const seats = Math.floor(n / k) * reachable + Math.min(reachable, n % k);
  const out: string[] = [];
  if (speakers !== s.people) out.push(`${s.languages.join('+')}: ${s.people} people reported, ${speakers} counted`);
  if (seats !== s.seats) out.push(`${s.languages.join('+')}: ${s.seats} seats reported, ${seats} counted`);
  if (s.people <= s.seats) out.push(`${s.languages.join('+')}: ${s.people} people fit in ${s.seats} seats`);
  return out;
}

/** Everything wrong with a result, given whether a seating exists. */
function resultErrors(input: SeatingInput, result: SeatingResult, feasible: boolean): string[] {
  if (result.ok !== feasible) return [`ok=${result.ok} but feasible=${feasible}`];
  if (result.ok) return seatingViolations(input, result.seats);
  if (result.reason !== 'language_impossible') return [`reason ${result.reason}`];
  if (result.shortfalls.length === 0) return ['no shortfall explains the failure'];
  return result.shortfalls.flatMap((s) => shortfallErrors(input, s));
}

describe.each(MODES)('%s seating (properties)', (_, seat) => {
  it('small arbitrary rooms: ok exactly when brute force finds a seating; valid when ok; true shortfalls when not', () => {
    fc.assert(
      fc.property(anyInput([0, 8], [1, 4], ['fr', 'nl', 'de']), fc.nat(), (input, seed) => {
        expect(resultErrors(input, seat(input, seededRng(seed)), bruteForceFeasible(input))).toEqual([]);
      }),
      RUNS,
    );
  });

  it('larger arbitrary rooms: the flow and the Hall-condition check agree; valid when ok', () => {
    fc.assert(
      fc.property(anyInput([0, 60], [1, 10]), fc.nat(), (input, seed) => {
        const feasible = languageShortfalls(input.people, input.tables).length === 0;
        expect(resultErrors(input, seat(input, seededRng(seed)), feasible)).toEqual([]);
      }),
      RUNS,
    );
  });

  it('rooms built around a seating are always seated, with everyone exactly once, sizes within one, languages kept', () => {
    fc.assert(
      fc.property(feasibleInput([0, 60], [1, 10]), fc.nat(), (input, seed) => {
        expect(resultErrors(input, seat(input, seededRng(seed)), true)).toEqual([]);
      }),
      RUNS,
    );
  });
});
