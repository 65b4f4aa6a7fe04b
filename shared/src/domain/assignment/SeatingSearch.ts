/**
 * Local search over seatings that keep the hard constraints. Only two kinds of step exist:
 * swap two people at different tables (sizes unchanged), or move one person from a table of
 * ⌈n/k⌉ to one of ⌊n/k⌋ (sizes still within one). Either is taken only if both people may sit
 * at their new table, so every state the search visits is a valid seating.
 *
 * Per-table value counts and "how many people at table t has person p met" are kept up to date,
 * so a step is scored by looking at its two tables only.
 */
import { canSit } from './languages.ts';
import { pairKey, scaledDeviation, type AttributeProfile, type RoomProfile } from './roomProfile.ts';
import { randomInt } from './rng.ts';
import type { Rng, SeatingInput } from './types.ts';

/**
 * λ in `imbalance + λ·repeatPairs`. A swap that fixes a one-person surplus/deficit on one
 * attribute between two tables lowers imbalance by about 4 (two tables × two values × 1²), so
 * λ = 2 trades one such fix for two repeated pairs. Measured on generated rooms (24–80 people,
 * languages, 2–3 attributes), λ = 1 let balance win too often and left more repeats than chance
 * in small, language-bound rooms; λ = 2 did not, while imbalance stayed far below chance.
 */
export const REPEAT_PAIR_WEIGHT = 2;


/** Adds `by` to `array[i]`; spelled out because `noUncheckedIndexedAccess` rejects `array[i]++`. */
function bump(array: Int32Array, i: number, by: number): void {
  array[i] = (array[i] ?? 0) + by;
}

/** A step: `person` goes to table `to`; if `partner` is set, the partner goes the other way. */
interface Step {
  person: number;
  to: number;
  partner?: number;
}

export class SeatingSearch {
  private readonly n: number;
  /** n²: costs are kept scaled by it (see `scaledDeviation`). */
  private readonly scale: number;
  private readonly k: number;
  private readonly tableOf: Int32Array;
  private readonly sizes: Int32Array;
  /** Per attribute: [table · values + value] → people at that table with that value. */
  private readonly counts: Int32Array[];
  /** [person · k + table] → people at that table whom this person met before. */
  private readonly metAt: Int32Array;
  /** [person · k + table] → 1 if the person may sit there. */
  private readonly allowed: Uint8Array;

  constructor(input: SeatingInput, private readonly profile: RoomProfile, seats: readonly number[][]) {
    this.n = input.people.length;
    this.k = input.tables.length;
    this.scale = this.n * this.n;
    this.tableOf = new Int32Array(this.n);
    this.sizes = new Int32Array(this.k); // filled by shiftCounts below
    seats.forEach((members, t) => members.forEach((p) => (this.tableOf[p] = t)));
    this.counts = profile.attributes.map((a) => new Int32Array(this.k * a.values.length));
    this.metAt = new Int32Array(this.n * this.k);
    this.allowed = new Uint8Array(this.n * this.k);
    input.people.forEach((person, p) => {
      input.tables.forEach((table, t) => (this.allowed[p * this.k + t] = canSit(person, table) ? 1 : 0));
      this.shiftCounts(p, -1, this.tableOf[p] ?? 0);
      for (const q of profile.metWith[p] ?? []) bump(this.metAt, q * this.k + (this.tableOf[p] ?? 0), 1);
    });
  }

  /** Takes `steps` random valid steps regardless of score: mixes a flow's seating toward a uniform one. */
  shuffle(rng: Rng, steps: number): void {
    if (this.n < 2) return;
    for (let i = 0; i < steps; i++) {
      const options = this.options(rng);
      const pick = options[randomInt(rng, options.length)];
      if (pick) this.commit(pick);
    }
  }

  /**
   * Simulated annealing for `steps` proposals: the best step of each proposal is taken if it
   * helps, and otherwise with probability e^(−cost/temperature), the temperature cooling
   * geometrically from `hot` to `cold`. Accepting some worse steps early lets the search leave
   * the shallow local minima that pure descent gets stuck in on small, constrained rooms.
   */
  anneal(rng: Rng, steps: number, hot: number, cold: number): void {
    if (this.n < 2) return;
    for (let i = 0; i < steps; i++) {
      const temperature = this.scale * hot * (cold / hot) ** (i / steps);
      this.tryStep(rng, (delta) => delta < 0 || rng() < Math.exp(-delta / temperature));
    }
  }

  /** Pure descent: takes only improving steps; stops after `maxSteps` proposals or `patience` fruitless ones in a row. */
  improve(rng: Rng, maxSteps: number, patience: number): void {
    if (this.n < 2) return;
    for (let i = 0, idle = 0; i < maxSteps && idle < patience; i++) {
      idle = this.tryStep(rng, (delta) => delta < 0) === null ? idle + 1 : 0;
    }
  }

  /**
   * Draws two people, scores their valid steps and takes the best if `accept` agrees.
   * Returns the change in n²·(imbalance + λ·repeatPairs) it made, or null if it made none.
   */
  tryStep(rng: Rng, accept: (delta: number) => boolean): number | null {
    if (this.n < 2) return null;
    let best: Step | undefined;
    let bestDelta = Infinity;
    for (const step of this.options(rng)) {
      const delta = this.delta(step);
      if (delta < bestDelta) [best, bestDelta] = [step, delta];
    }
    if (!best || !accept(bestDelta)) return null;
    this.commit(best);
    return bestDelta;
  }

  /** Person indices per table. */
  seats(): number[][] {
    const seats: number[][] = Array.from({ length: this.k }, () => []);
    this.tableOf.forEach((t, p) => seats[t]?.push(p));
    return seats;
  }

  /** Valid steps between two random people: their swap, and a move from the bigger table to the smaller. */
  private options(rng: Rng): Step[] {
    const p = randomInt(rng, this.n);
    const q = randomInt(rng, this.n);
    const a = this.tableOf[p] ?? 0;
    const b = this.tableOf[q] ?? 0;
    if (a === b) return [];
    const out: Step[] = [];
    const pFits = this.allowed[p * this.k + b] === 1;
    const qFits = this.allowed[q * this.k + a] === 1;
    if (pFits && qFits) out.push({ person: p, to: b, partner: q });
    if (pFits && (this.sizes[a] ?? 0) > (this.sizes[b] ?? 0)) out.push({ person: p, to: b });
    if (qFits && (this.sizes[b] ?? 0) > (this.sizes[a] ?? 0)) out.push({ person: q, to: a });
    return out;
  }

  /** Change in n²·(imbalance + λ·repeatPairs) if `step` were taken; an integer, so comparisons are exact. */
  private delta({ person, to, partner }: Step): number {
    const from = this.tableOf[person] ?? 0;
    const before = this.tableCost(from) + this.tableCost(to);
    this.shiftCounts(person, from, to);
    if (partner !== undefined) this.shiftCounts(partner, to, from);
    const after = this.tableCost(from) + this.tableCost(to);
    if (partner !== undefined) this.shiftCounts(partner, from, to);
    this.shiftCounts(person, to, from);
    return after - before + this.scale * REPEAT_PAIR_WEIGHT * this.repeatDelta(person, from, to, partner);
  }

  /** Change in repeat pairs: pairs each mover leaves behind versus pairs they join. */
  private repeatDelta(person: number, from: number, to: number, partner: number | undefined): number {
    const met = (p: number, t: number): number => this.metAt[p * this.k + t] ?? 0;
    const moved = met(person, to) - met(person, from);
    if (partner === undefined) return moved;
    // The two swappers do not sit together before or after, so their own pair is not joined.
    const together = this.profile.metPairs.has(pairKey(person, partner, this.n)) ? 1 : 0;
    return moved + met(partner, from) - met(partner, to) - 2 * together;
  }

  private commit({ person, to, partner }: Step): void {
    const from = this.tableOf[person] ?? 0;
    this.relocate(person, from, to);
    if (partner !== undefined) this.relocate(partner, to, from);
  }

  private relocate(p: number, from: number, to: number): void {
    this.shiftCounts(p, from, to);
    this.tableOf[p] = to;
    for (const q of this.profile.metWith[p] ?? []) {
      bump(this.metAt, q * this.k + from, -1);
      bump(this.metAt, q * this.k + to, 1);
    }
  }

  /** Moves p's size and attribute values from table `from` (-1: nowhere) to table `to`. */
  private shiftCounts(p: number, from: number, to: number): void {
    if (from >= 0) bump(this.sizes, from, -1);
    bump(this.sizes, to, 1);
    const attributes = this.profile.attributes;
    for (let a = 0; a < attributes.length; a++) {
      const attribute = attributes[a] as AttributeProfile;
      const v = attribute.valueOf[p] ?? -1;
      if (v < 0) continue;
      const counts = this.counts[a] as Int32Array;
      if (from >= 0) bump(counts, from * attribute.values.length + v, -1);
      bump(counts, to * attribute.values.length + v, 1);
    }
  }

  // Plain loops in the two hot paths: they run several times per proposal.
  private tableCost(t: number): number {
    let cost = 0;
    const attributes = this.profile.attributes;
    for (let a = 0; a < attributes.length; a++) {
      const attribute = attributes[a] as AttributeProfile;
      cost += scaledDeviation(this.counts[a] as Int32Array, t * attribute.values.length, this.sizes[t] ?? 0, attribute.roomCounts, this.n);
    }
    return cost;
  }
}
