/** Seating people at breakout tables: random or balanced, within language and size constraints. */
export type { AttributeCount, Rng, SeatingInput, SeatingReport, SeatingResult, SeatingShortfall, SeatPerson, SeatTable, TableReport } from './types.ts';
export { seededRng } from './rng.ts';
export { canSit } from './languages.ts';
export { seatingReport } from './report.ts';
export { balancedSeating, randomSeating } from './seating.ts';
export { REPEAT_PAIR_WEIGHT } from './SeatingSearch.ts';
