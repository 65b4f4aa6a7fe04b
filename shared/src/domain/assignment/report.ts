/**
 * How good a seating is. Used by both seating modes and by the UI for manual assignments.
 *
 * **Imbalance.** For each table t, balanced attribute a and value v seen in the room, let
 * `count` be the people at t with value v and `expected = size(t) · share(v)`, where share(v) is
 * the fraction of the whole room with value v (people missing the attribute count in the room but
 * have no value). Imbalance = Σ_t Σ_a Σ_v (count − expected)². It is 0 when every table mirrors
 * the room exactly. If table A has one f too many and one m too few and table B the reverse,
 * it is 4 (1² for each of the four gaps), and swapping an f from A with an m from B brings it
 * to 0. Squares (rather than absolute gaps) favour many small deviations over one large one
 * and give the local search a smooth slope. Fractional expectations mean 0 is often out of
 * reach; compare seatings of the same room, not rooms.
 *
 * **Repeat pairs.** Unordered pairs seated at the same table who shared a group in any earlier
 * round; a pair that met twice before still counts once.
 */
import { pairKey, scaledDeviation, roomProfile, type AttributeProfile, type RoomProfile } from './roomProfile.ts';
import type { AttributeCount, SeatingInput, SeatingReport, TableReport } from './types.ts';

/**
 * Report for `seats` (table id → person ids). Tables are those of `input.tables`, in order;
 * ids not in `input.people` are ignored, and tables missing from `seats` are empty.
 */
export function seatingReport(input: SeatingInput, seats: Record<string, string[]>): SeatingReport {
  const profile = roomProfile(input);
  const n = input.people.length;
  let scaledImbalance = 0;
  let repeatPairs = 0;
  const tables = input.tables.map((table): TableReport => {
    const ids = Object.hasOwn(seats, table.id) ? (seats[table.id] ?? []) : [];
    const members = ids.map((id) => profile.index.get(id)).filter((i) => i !== undefined);
    const attributes: Record<string, AttributeCount[]> = {};
    for (const attribute of profile.attributes) {
      const counts = countValues(attribute, members);
      scaledImbalance += scaledDeviation(counts, 0, members.length, attribute.roomCounts, n);
      attributes[attribute.name] = attribute.values.map((value, v) => ({ value, count: counts[v] ?? 0, expected: (members.length * (attribute.roomCounts[v] ?? 0)) / n }));
    }
    repeatPairs += countRepeats(members, profile);
    return { tableId: table.id, size: members.length, attributes };
  });
  return { tables, imbalance: n === 0 ? 0 : scaledImbalance / (n * n), repeatPairs };
}

/** Per value of `attribute`: how many of `members` have it. */
function countValues(attribute: AttributeProfile, members: readonly number[]): number[] {
  const counts = attribute.values.map(() => 0);
  for (const p of members) {
    const v = attribute.valueOf[p] ?? -1;
    if (v >= 0) counts[v] = (counts[v] ?? 0) + 1;
  }
  return counts;
}

/** Pairs among `members` who met before. */
function countRepeats(members: readonly number[], profile: RoomProfile): number {
  const n = profile.metWith.length;
  let repeats = 0;
  members.forEach((a, i) => {
    for (const b of members.slice(i + 1)) if (a !== b && profile.metPairs.has(pairKey(a, b, n))) repeats++;
  });
  return repeats;
}
