import { activeParticipants, randomSeating, seededRng, type RoomState, type SeatingInput, type SeatingShortfall } from '@dr/shared';

/**
 * The moderator's copy of the room as seating input: the same people, tables and
 * history the server seats from, so the desk's report measures what the server did.
 */
export function seatingInput(state: RoomState, balanceOn: readonly string[]): SeatingInput {
  return {
    people: activeParticipants(state).map((p) => ({ id: p.id, languages: p.languages, attributes: p.attributes })),
    tables: state.tables.map((t) => ({ id: t.id, languages: t.languages })),
    // During a breakout the history already holds the current groups; they are not "repeats" of themselves.
    history: state.breakout ? state.seatingHistory.slice(0, -1) : state.seatingHistory,
    balanceOn: [...balanceOn],
  };
}

/** Who sits where now (table id → member ids). */
export function currentSeats(state: RoomState): Record<string, string[]> {
  return Object.fromEntries(state.tables.map((t) => [t.id, t.members]));
}

/** Attribute names present in the room, sorted, for the "balance on" choice. */
export function attributeKeys(state: RoomState): string[] {
  return [...new Set(activeParticipants(state).flatMap((p) => Object.keys(p.attributes)))].sort((a, b) => a.localeCompare(b));
}

/**
 * Why the server refused to seat by language, worked out again here: the server's
 * message is English prose, but the desk explains it in the moderator's language.
 */
export function languageShortfalls(state: RoomState): SeatingShortfall[] {
  const result = randomSeating(seatingInput(state, []), seededRng(1));
  return result.ok ? [] : result.shortfalls;
}

/**
 * Every attribute name in the room with the values already used for it, sorted: the
 * editor offers the same names and values so that one typo does not split a group
 * ("F" and "f" would be balanced as two genders).
 */
export function attributeValues(state: RoomState): Map<string, string[]> {
  const values = new Map<string, Set<string>>();
  for (const p of activeParticipants(state)) {
    for (const [name, value] of Object.entries(p.attributes)) values.set(name, (values.get(name) ?? new Set()).add(value));
  }
  const sorted = [...values.keys()].sort((a, b) => a.localeCompare(b));
  return new Map(sorted.map((name) => [name, [...values.get(name)!].filter(Boolean).sort((a, b) => a.localeCompare(b))]));
}
