/**
 * The room as numbers, shared by the report and the local search so both measure the same
 * thing: each person's value index per balanced attribute, each value's share of the room, and
 * who has already met whom.
 */
import type { SeatingInput } from './types.ts';

/** One balanced attribute. */
export interface AttributeProfile {
  name: string;
  /** Every value someone in the room has, sorted. */
  values: string[];
  /** Per value: people in the room with it. */
  roomCounts: number[];
  /** Per person: index into `values`, or -1 when they did not give this attribute. */
  valueOf: Int32Array;
}

/** Prepared input. */
export interface RoomProfile {
  /** Person id → index in `input.people`. */
  index: Map<string, number>;
  attributes: AttributeProfile[];
  /** Per person: indices of people they met in an earlier round (no duplicates). */
  metWith: number[][];
  /** `pairKey` of every pair that met in an earlier round. */
  metPairs: Set<number>;
}

/** A number naming the unordered pair {a, b} of person indices, for set lookups. */
export function pairKey(a: number, b: number, people: number): number {
  return a < b ? a * people + b : b * people + a;
}

/** Builds the profile; history ids that are not in `people` are ignored. */
export function roomProfile(input: SeatingInput): RoomProfile {
  const index = new Map(input.people.map((p, i) => [p.id, i]));
  const attributes = [...new Set(input.balanceOn)].map((name) => attributeProfile(input, name));
  const metPairs = new Set<number>();
  const metWith: number[][] = input.people.map(() => []);
  const n = input.people.length;
  for (const round of input.history) {
    for (const group of round) {
      const members = [...new Set(group.map((id) => index.get(id)).filter((i) => i !== undefined))];
      members.forEach((a, i) => {
        for (const b of members.slice(i + 1)) {
          const key = pairKey(a, b, n);
          if (metPairs.has(key)) continue;
          metPairs.add(key);
          metWith[a]?.push(b);
          metWith[b]?.push(a);
        }
      });
    }
  }
  return { index, attributes, metWith, metPairs };
}

function attributeProfile(input: SeatingInput, name: string): AttributeProfile {
  const raw = input.people.map((p) => (Object.hasOwn(p.attributes, name) ? p.attributes[name] : undefined));
  const values = [...new Set(raw.filter((v) => v !== undefined))].sort();
  const position = new Map(values.map((v, i) => [v, i]));
  const valueOf = Int32Array.from(raw, (v) => (v === undefined ? -1 : (position.get(v) ?? -1)));
  const counts = values.map(() => 0);
  for (const v of valueOf) if (v >= 0) counts[v] = (counts[v] ?? 0) + 1;
  return { name, values, roomCounts: counts, valueOf };
}

/**
 * One table's imbalance on one attribute, times n² (n = people in the room):
 * Σ over values of (count·n − size·roomCount)² = n² · Σ (count − expected)².
 * Scaling keeps every term an integer, so sums are exact (below 2⁵³, i.e. for rooms of
 * thousands) and equal seatings score exactly equal whatever order tables are summed in.
 */
export function scaledDeviation(counts: ArrayLike<number>, offset: number, size: number, roomCounts: readonly number[], n: number): number {
  let sum = 0;
  for (let v = 0; v < roomCounts.length; v++) {
    const d = (counts[offset + v] ?? 0) * n - size * (roomCounts[v] ?? 0);
    sum += d * d;
  }
  return sum;
}
