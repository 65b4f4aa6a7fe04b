/**
 * Seating a G1000-sized hall (704 people, 81 tables: 30 nl, 18 fr, 32 nl+fr, 1 de+fr;
 * 3 attributes): balanced seating against random seating of the same room, in-process.
 */
import { balancedSeating, randomSeating, seededRng, type Language, type SeatingInput } from '@dr/shared';

function g1000(): SeatingInput {
  const rng = seededRng(1000);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rng() * xs.length)]!;
  const tables = [
    ...Array.from({ length: 30 }, () => ['nl'] as Language[]),
    ...Array.from({ length: 18 }, () => ['fr'] as Language[]),
    ...Array.from({ length: 32 }, () => ['nl', 'fr'] as Language[]),
    ['de', 'fr'] as Language[],
  ].map((languages, i) => ({ id: `t${i}`, languages }));
  const people = Array.from({ length: 704 }, (_, i) => ({
    id: `p${i}`,
    languages: (i < 8 ? ['de'] : i < 300 ? ['nl'] : i < 500 ? ['fr'] : ['nl', 'fr']) as Language[],
    attributes: { age: pick(['16-29', '30-44', '45-64', '65+']), gender: pick(['f', 'm', 'x']), education: pick(['low', 'mid', 'high']) },
  }));
  return { people, tables, history: [], balanceOn: ['age', 'gender', 'education'] };
}

export function seatingBench(runs = 5): { randomMs: number; balancedMs: number; randomImbalance: number; balancedImbalance: number } {
  const input = g1000();
  const time = (fn: () => unknown) => {
    const t0 = performance.now();
    let last: unknown;
    for (let i = 0; i < runs; i++) last = fn();
    return { ms: (performance.now() - t0) / runs, last };
  };
  const r = time(() => randomSeating(input, seededRng(7)));
  const b = time(() => balancedSeating(input, seededRng(7)));
  const imbalance = (x: unknown) => ((x as { ok: boolean; report?: { imbalance: number } }).report?.imbalance ?? NaN);
  return { randomMs: r.ms, balancedMs: b.ms, randomImbalance: imbalance(r.last), balancedImbalance: imbalance(b.last) };
}
