/**
 * Test helper (not exported from the package): independent checks of a seating, written
 * without the module's own machinery so that tests do not grade the code with itself.
 */
import type { SeatingInput, SeatPerson, SeatTable } from './types.ts';

/** Same rule as `canSit`, restated so the checks do not trust the code under test. */
function speaks(person: SeatPerson, table: SeatTable): boolean {
  return person.languages.length === 0 || table.languages.length === 0 || person.languages.some((l) => table.languages.includes(l));
}

/** Every way `seats` breaks a hard constraint; empty when it is a valid seating of `input`. */
export function seatingViolations(input: SeatingInput, seats: Record<string, string[]>): string[] {
  const out: string[] = [];
  const tableIds = input.tables.map((t) => t.id);
  if (Object.keys(seats).sort().join() !== [...tableIds].sort().join()) out.push(`tables ${Object.keys(seats).join()} ≠ ${tableIds.join()}`);
  const seen = new Map<string, number>();
  for (const ids of Object.values(seats)) for (const id of ids) seen.set(id, (seen.get(id) ?? 0) + 1);
  for (const person of input.people) if (seen.get(person.id) !== 1) out.push(`${person.id} seated ${seen.get(person.id) ?? 0} times`);
  if (seen.size !== input.people.length) out.push(`${seen.size} distinct ids seated for ${input.people.length} people`);
  const sizes = input.tables.map((t) => seats[t.id]?.length ?? 0);
  const lo = Math.floor(input.people.length / Math.max(1, input.tables.length));
  if (sizes.some((s) => s < lo || s > lo + 1)) out.push(`sizes ${sizes.join()} not all ${lo} or ${lo + 1}`);
  const byId = new Map(input.people.map((p) => [p.id, p]));
  for (const table of input.tables) {
    for (const id of seats[table.id] ?? []) {
      const person = byId.get(id);
      if (person && !speaks(person, table)) out.push(`${id} (${person.languages.join('+')}) at ${table.id} (${table.languages.join('+')})`);
    }
  }
  return out;
}

/** Whether any seating exists, by trying them all; only for a handful of people and tables. */
export function bruteForceFeasible(input: SeatingInput): boolean {
  const k = input.tables.length;
  if (k === 0) return false;
  const hi = Math.ceil(input.people.length / k);
  const sizes = new Array<number>(k).fill(0);
  const place = (i: number): boolean => {
    const person = input.people[i];
    if (!person) return Math.max(...sizes) - Math.min(...sizes) <= 1;
    return input.tables.some((table, t) => {
      if ((sizes[t] ?? 0) >= hi || !speaks(person, table)) return false;
      sizes[t] = (sizes[t] ?? 0) + 1;
      const found = place(i + 1);
      sizes[t] = (sizes[t] ?? 0) - 1;
      return found;
    });
  };
  return place(0);
}

/** The median: the middle value, or the mean of the two middle values for an even count. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  return Number.isInteger(mid) ? ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2 : (sorted[Math.floor(mid)] ?? 0);
}

/** A seating as a string that ignores order within a table, for counting distinct seatings. */
export function seatingKey(seats: Record<string, readonly string[]>): string {
  return Object.keys(seats)
    .sort()
    .map((t) => `${t}:${[...(seats[t] ?? [])].sort().join(',')}`)
    .join(' ');
}

/** Every valid seating of a tiny room, as `seatingKey`s. */
export function allSeatings(input: SeatingInput): Set<string> {
  const found = new Set<string>();
  const seats: Record<string, string[]> = Object.fromEntries(input.tables.map((t) => [t.id, []]));
  const place = (i: number): void => {
    const person = input.people[i];
    if (!person) {
      if (seatingViolations(input, seats).length === 0) found.add(seatingKey(seats));
      return;
    }
    for (const table of input.tables) {
      if (!speaks(person, table)) continue;
      seats[table.id]?.push(person.id);
      place(i + 1);
      seats[table.id]?.pop();
    }
  };
  place(0);
  return found;
}
