import type { Language } from '@dr/shared';
import { parseCsv } from './csv.ts';

/**
 * Reading a roster CSV (name, languages, then any attribute columns, with a header row)
 * and matching its rows to the people in the room by name. Nothing is sent from here:
 * the desk shows the result first, then sends one `participants.profile`.
 */

export interface ProfileUpdate {
  participantId: string;
  languages?: Language[];
  attributes: Record<string, string>;
}

export type RosterProblemKind = 'unmatched' | 'ambiguous' | 'duplicate' | 'unknown-language' | 'languages-trimmed';

export interface RosterProblem {
  /** 1-based line in the file, as a spreadsheet numbers it. */
  line: number;
  name: string;
  kind: RosterProblemKind;
  /** The unrecognised language words, for `unknown-language`. */
  detail?: string;
  /** False when the row was still applied (a note rather than a refusal). */
  skipped: boolean;
}

export interface RosterResult {
  updates: ProfileUpdate[];
  problems: RosterProblem[];
  attributeNames: string[];
  /** Attribute columns beyond what the protocol accepts, left out. */
  ignoredColumns: string[];
}

/** Protocol limits on profiles (see `participant.profile`). */
const MAX_ATTRIBUTES = 12;
const MAX_ATTRIBUTE_NAME = 40;
const MAX_ATTRIBUTE_VALUE = 60;
const MAX_LANGUAGES = 2;

/** Lower case, accents and extra spaces gone: "  Amélie  DUPONT" → "amelie dupont". */
export function looseKey(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase().replace(/\s+/g, ' ').trim();
}

/** Case-insensitive only: the first, stricter way to match a name. */
const exactKey = (s: string) => s.normalize('NFC').toLocaleLowerCase().replace(/\s+/g, ' ').trim();

/** Language words as rosters write them, in the four languages (accents stripped). */
const LANGUAGE_WORDS: Record<string, Language> = Object.fromEntries(
  (
    [
      ['fr', ['fr', 'fra', 'francais', 'french', 'frans', 'franzosisch']],
      ['nl', ['nl', 'ned', 'nederlands', 'dutch', 'neerlandais', 'niederlandisch', 'vlaams', 'flemish', 'flamand', 'flamisch']],
      ['de', ['de', 'deu', 'ger', 'deutsch', 'german', 'allemand', 'duits']],
      ['en', ['en', 'eng', 'english', 'anglais', 'engels', 'englisch']],
    ] as const
  ).flatMap(([lang, words]) => words.map((w) => [w, lang])),
);
/** "fr and nl", "fr et nl", "fr und nl": the joining word is not a language. */
const CONNECTORS = new Set(['and', 'et', 'und', '&']);

/** A languages cell such as "nl/fr", "FR, NL", "Français et Nederlands". */
export function parseLanguages(cell: string): { languages: Language[]; unknown: string[] } {
  const languages: Language[] = [];
  const unknown: string[] = [];
  for (const word of looseKey(cell).split(/[\s,;/+|]+/).filter(Boolean)) {
    if (CONNECTORS.has(word)) continue;
    const lang = LANGUAGE_WORDS[word];
    if (!lang) unknown.push(word);
    else if (!languages.includes(lang)) languages.push(lang);
  }
  return { languages, unknown };
}

interface Person {
  id: string;
  name: string;
}

/** Finds the one person a roster name means: case-insensitive first, then ignoring accents. */
function matcher(people: readonly Person[]): (name: string) => Person | 'ambiguous' | null {
  const index = (key: (s: string) => string) => {
    const map = new Map<string, Person[]>();
    for (const p of people) map.set(key(p.name), [...(map.get(key(p.name)) ?? []), p]);
    return map;
  };
  const exact = index(exactKey);
  const loose = index(looseKey);
  return (name) => {
    const found = exact.get(exactKey(name)) ?? loose.get(looseKey(name)) ?? [];
    return found.length === 1 ? found[0]! : found.length > 1 ? 'ambiguous' : null;
  };
}

/** The roster's rows matched to `people`, or null when the file has no data rows. */
export function readRoster(text: string, people: readonly Person[]): RosterResult | null {
  const [header, ...rows] = parseCsv(text);
  if (!header || rows.length === 0) return null;
  const columns = header.slice(2).map((h, i) => ({ index: i + 2, name: h.slice(0, MAX_ATTRIBUTE_NAME) })).filter((c) => c.name !== '');
  const kept = columns.slice(0, MAX_ATTRIBUTES);
  const find = matcher(people);
  const seen = new Set<string>();
  const result: RosterResult = { updates: [], problems: [], attributeNames: kept.map((c) => c.name), ignoredColumns: columns.slice(MAX_ATTRIBUTES).map((c) => c.name) };
  rows.forEach((row, i) => {
    const line = i + 2;
    const name = row[0] ?? '';
    const problem = (kind: RosterProblemKind, skipped: boolean, detail?: string) => result.problems.push({ line, name, kind, skipped, ...(detail ? { detail } : {}) });
    const person = find(name);
    if (person === null) return problem('unmatched', true);
    if (person === 'ambiguous') return problem('ambiguous', true);
    if (seen.has(person.id)) return problem('duplicate', true);
    const { languages, unknown } = parseLanguages(row[1] ?? '');
    if (unknown.length > 0) return problem('unknown-language', true, unknown.join(', '));
    if (languages.length > MAX_LANGUAGES) problem('languages-trimmed', false, languages.slice(MAX_LANGUAGES).join(', '));
    seen.add(person.id);
    const attributes: Record<string, string> = {};
    for (const c of kept) {
      const value = (row[c.index] ?? '').slice(0, MAX_ATTRIBUTE_VALUE);
      if (value !== '') attributes[c.name] = value;
    }
    result.updates.push({ participantId: person.id, ...(header.length > 1 ? { languages: languages.slice(0, MAX_LANGUAGES) } : {}), attributes });
  });
  return result;
}
