/** Examples for the building blocks: `seatingReport`, `canSit`, `seededRng`, the flow network. */
import { describe, expect, it } from 'vitest';
import type { Language } from '../state.ts';
import { FlowNetwork } from './FlowNetwork.ts';
import { canSit, seatingReport, seededRng, type SeatingInput, type SeatPerson } from './index.ts';

function person(id: string, attributes: Record<string, string>): SeatPerson {
  return { id, languages: [], attributes };
}

/** Four people, two of each gender, at tables A and B. */
const FOUR: SeatingInput = {
  people: [person('f1', { gender: 'f' }), person('f2', { gender: 'f' }), person('m1', { gender: 'm' }), person('m2', { gender: 'm' })],
  tables: [{ id: 'A', languages: [] }, { id: 'B', languages: [] }],
  history: [],
  balanceOn: ['gender'],
};

describe('seatingReport', () => {
  it.each([
    // Imbalance = Σ (count − expected)²: each table has 2 vs 1 and 0 vs 1 → 2 per table.
    { name: 'tables split by gender: imbalance 4', seats: { A: ['f1', 'f2'], B: ['m1', 'm2'] }, imbalance: 4 },
    { name: 'tables mirror the room: imbalance 0', seats: { A: ['f1', 'm1'], B: ['f2', 'm2'] }, imbalance: 0 },
    // A: 3 people, expected 1.5 f and 1.5 m; has 2 f, 1 m → 0.25 + 0.25; B: 1 m, expected 0.5 each → 0.25 + 0.25.
    { name: 'uneven sizes: expected scales with the table', seats: { A: ['f1', 'f2', 'm1'], B: ['m2'] }, imbalance: 1 },
  ])('$name', ({ seats, imbalance }) => {
    expect(seatingReport(FOUR, seats).imbalance).toBeCloseTo(imbalance, 9);
  });

  it('lists every room value per table with count and fractional expected', () => {
    const report = seatingReport(FOUR, { A: ['f1', 'f2', 'm1'], B: ['m2'] });
    expect(report.tables).toEqual([
      { tableId: 'A', size: 3, attributes: { gender: [{ value: 'f', count: 2, expected: 1.5 }, { value: 'm', count: 1, expected: 1.5 }] } },
      { tableId: 'B', size: 1, attributes: { gender: [{ value: 'f', count: 0, expected: 0.5 }, { value: 'm', count: 1, expected: 0.5 }] } },
    ]);
  });

  it('people missing an attribute count in the room but have no value', () => {
    const input = { ...FOUR, people: [...FOUR.people, person('x', {})], tables: [{ id: 'A', languages: [] }] };
    const gender = seatingReport(input, { A: ['f1', 'f2', 'm1', 'm2', 'x'] }).tables[0]?.attributes['gender'];
    expect(gender).toEqual([{ value: 'f', count: 2, expected: 2 }, { value: 'm', count: 2, expected: 2 }]);
  });

  it.each([
    { name: 'a pair that met before', history: [[['f1', 'f2', 'm1']]], seats: { A: ['f1', 'f2'], B: ['m1', 'm2'] }, repeats: 1 },
    { name: 'a pair that met twice counts once', history: [[['f1', 'f2']], [['f1', 'f2']]], seats: { A: ['f1', 'f2'], B: ['m1', 'm2'] }, repeats: 1 },
    { name: 'strangers', history: [[['f1', 'm1'], ['f2', 'm2']]], seats: { A: ['f1', 'f2'], B: ['m1', 'm2'] }, repeats: 0 },
    { name: 'everyone met everyone', history: [[['f1', 'f2', 'm1', 'm2']]], seats: { A: ['f1', 'f2'], B: ['m1', 'm2'] }, repeats: 2 },
    { name: 'ids outside the room are ignored', history: [[['f1', 'ghost']]], seats: { A: ['f1', 'ghost'], B: ['m1', 'm2'] }, repeats: 0 },
  ])('repeatPairs: $name → $repeats', ({ history, seats, repeats }) => {
    expect(seatingReport({ ...FOUR, history }, seats).repeatPairs).toBe(repeats);
  });

  it('tables missing from the seats are empty; unknown people are not counted', () => {
    const report = seatingReport(FOUR, { A: ['f1', 'ghost'] });
    expect(report.tables.map((t) => t.size)).toEqual([1, 0]);
  });
});

describe('canSit', () => {
  const cases: [Language[], Language[], boolean][] = [
    [['nl'], ['nl'], true],
    [['nl'], ['fr'], false],
    [['nl'], ['nl', 'fr'], true],
    [['de', 'fr'], ['nl', 'fr'], true],
    [['en'], ['nl', 'fr'], false],
    [[], ['de'], true],
    [['de'], [], true],
    [[], [], true],
  ];
  it.each(cases)('person %j at table %j → %s', (person, table, expected) => {
    expect(canSit({ id: 'p', languages: person, attributes: {} }, { id: 't', languages: table })).toBe(expected);
  });
});

describe('seededRng', () => {
  it('repeats its sequence for a seed, differs across seeds, and stays in [0, 1)', () => {
    const draw = (seed: number): number[] => Array.from({ length: 1000 }, seededRng(seed));
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
    expect(draw(42).every((x) => x >= 0 && x < 1)).toBe(true);
    // Roughly uniform: the mean of 1000 draws is near 0.5.
    expect(Math.abs(draw(42).reduce((a, b) => a + b, 0) / 1000 - 0.5)).toBeLessThan(0.05);
  });
});

describe('FlowNetwork', () => {
  it.each([
    // Two paths of 3 and 2, plus a cross edge the blocking flow must route around.
    { edges: [[0, 1, 3], [0, 2, 2], [1, 3, 2], [2, 3, 3], [1, 2, 5]], flow: 5 },
    { edges: [[0, 1, 10], [1, 2, 1], [2, 3, 10]], flow: 1 },
    { edges: [[0, 1, 4], [2, 3, 4]], flow: 0 },
  ])('max flow $flow', ({ edges, flow }) => {
    const net = new FlowNetwork(4);
    const ids = edges.map(([from, to, cap]) => net.addEdge(from ?? 0, to ?? 0, cap ?? 0));
    expect(net.maxFlow(0, 3)).toBe(flow);
    // Conservation at the inner nodes: what enters leaves.
    for (const node of [1, 2]) {
      const through = (end: 0 | 1): number => edges.reduce((sum, e, i) => (e[end] === node ? sum + net.flowOn(ids[i] ?? 0) : sum), 0);
      expect(through(1)).toBe(through(0));
    }
  });
});
