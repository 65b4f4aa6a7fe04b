/**
 * Types for seating people at breakout tables. Pure data: the moderator's client builds a
 * `SeatingInput`, a seating function returns a `SeatingResult`, and the UI shows its report.
 */
import type { Language } from '../state.ts';

/** One participant to seat. */
export interface SeatPerson {
  /** Participant id; unique within the input. */
  id: string;
  /** Languages they can deliberate in; empty = any table. */
  languages: Language[];
  /** E.g. `{age: '30-44', gender: 'f', education: 'high'}`; missing keys allowed. */
  attributes: Record<string, string>;
}

/** One breakout table. */
export interface SeatTable {
  /** Table id; unique within the input. */
  id: string;
  /** One language, or two for a bilingual table with an interpreter; empty = any. */
  languages: Language[];
}

/** Everything a seating function needs. */
export interface SeatingInput {
  people: SeatPerson[];
  tables: SeatTable[];
  /** Earlier rounds, each a list of groups (person ids seated together); used to avoid repeat meetings. */
  history: string[][][];
  /** Attribute names to balance (the moderator's choice). */
  balanceOn: string[];
}

/**
 * Why languages make a seating impossible, in Hall's-theorem form: `people` people speak
 * only languages within `languages`, but the tables they could join (those speaking one of
 * `languages`, or with no language) hold at most `seats` people when sizes differ by at most one.
 */
export interface SeatingShortfall {
  languages: Language[];
  people: number;
  seats: number;
}

/** A seating, or why there is none. */
export type SeatingResult =
  | { ok: true; seats: Record<string, string[]>; report: SeatingReport }
  | { ok: false; reason: 'no_tables' | 'language_impossible'; shortfalls: SeatingShortfall[] };

/** One attribute value at one table: how many sit there, and how many a perfect mirror of the room would have. */
export interface AttributeCount {
  value: string;
  count: number;
  /** Fractional: table size × (people in the room with this value) / (people in the room). */
  expected: number;
}

/** Per-table balance figures. */
export interface TableReport {
  tableId: string;
  size: number;
  /** Per balanced attribute: every value seen in the room, sorted. */
  attributes: Record<string, AttributeCount[]>;
}

/** How good a seating is; see the module header of `report.ts` for the measures. */
export interface SeatingReport {
  tables: TableReport[];
  /** Sum over tables, balanced attributes and values of (count − expected)²; lower is better. */
  imbalance: number;
  /** Pairs of people seated together who already met in `history` (each pair counted once). */
  repeatPairs: number;
}

/** A source of uniform numbers in [0, 1); seating functions take one so they stay pure. */
export type Rng = () => number;
