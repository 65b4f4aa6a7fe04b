import { describe, expect, it } from 'vitest';
import { CONNECT_ERRORS, ERROR_CODES, LANGUAGES, type ConnectError, type ErrorCode } from '@dr/shared';
import de from './de.json';
import en from './en.json';
import fr from './fr.json';
import nl from './nl.json';
import { closedKey, errorKey, KNOWN_REASONS, refusalKey } from './errorMessages.ts';
import { detectLanguage, interpolate, translate, translatePlural } from './translate.ts';

const LOCALES: Record<string, Record<string, string>> = { fr, nl, de };
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/**
 * Words that really are the same in that language (cognates, units). Anything else
 * identical to English is treated as an untranslated leftover.
 */
const SAME_AS_ENGLISH: Record<string, string[]> = {
  fr: ['draft.versions', 'desk.pause', 'desk.add-30', 'desk.participants', 'tables.table-number', 'seating.report-table', 'breakout.add-1', 'breakout.add-5'],
  nl: ['landing.open-projector', 'desk.add-30', 'desk.online', 'desk.offline', 'desk.agenda', 'desk.share', 'projector.agenda-item', 'breakout.add-1', 'breakout.add-5', 'draft.moderator-name'],
  de: ['desk.add-30', 'desk.online', 'desk.offline', 'desk.share'],
};

describe.each(Object.keys(LOCALES))('locale %s', (lang) => {
  const messages = LOCALES[lang]!;

  it('has exactly the keys of en.json', () => {
    const missing = Object.keys(en).filter((k) => !(k in messages));
    const extra = Object.keys(messages).filter((k) => !(k in en));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  it('uses the same {placeholders} as English in every message', () => {
    const mismatched = Object.entries(en)
      .filter(([k, v]) => k in messages && placeholders(messages[k]!).join() !== placeholders(v).join())
      .map(([k]) => k);
    expect(mismatched).toEqual([]);
  });

  it('leaves no English behind and no message empty', () => {
    const same = Object.entries(en)
      .filter(([k, v]) => messages[k] === v && !SAME_AS_ENGLISH[lang]!.includes(k))
      .map(([k]) => k);
    expect(same).toEqual([]);
    expect(Object.entries(messages).filter(([, v]) => v.trim() === '')).toEqual([]);
  });
});

describe('en.json', () => {
  it('uses dot.kebab keys', () => {
    expect(Object.keys(en).filter((k) => !/^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*)+$/.test(k))).toEqual([]);
  });

  it('gives every plural both a "one" and an "other" form', () => {
    const keys = Object.keys(en);
    const bases = new Set(keys.filter((k) => /\.(one|other)$/.test(k)).map((k) => k.replace(/\.(one|other)$/, '')));
    for (const base of bases) expect([`${base}.one`, `${base}.other`].filter((k) => !keys.includes(k))).toEqual([]);
  });
});

describe('error messages', () => {
  it('has a specific message for every error code', () => {
    for (const code of Object.keys(ERROR_CODES) as ErrorCode[]) expect(errorKey({ code })).not.toBe('error.unknown');
    expect(errorKey({ code: 'network' })).toBe('error.network');
    expect(errorKey({ code: 'something-new' })).toBe('error.unknown');
  });

  it('prefers the reason over the code', () => {
    expect(errorKey({ code: 'conflict', reason: 'hand_already_raised' })).toBe('error.hand-already-raised');
    expect(errorKey({ code: 'conflict', reason: 'no-such-reason' })).toBe('error.conflict');
    expect(KNOWN_REASONS.length).toBeGreaterThan(15);
    const tableReasons = ['language_impossible', 'breakout_running', 'no_tables', 'nobody_seated', 'not_member', 'not_facilitator', 'help_already_requested', 'round_running', 'no_round', 'table_empty'];
    for (const reason of tableReasons) expect(errorKey({ code: 'conflict', reason })).not.toBe('error.conflict');
  });

  it('explains every connection refusal and every closing', () => {
    for (const r of Object.keys(CONNECT_ERRORS) as ConnectError[]) expect(refusalKey(r) in en).toBe(true);
    for (const r of ['revoked', 'removed', 'deleted'] as const) expect(closedKey(r)).toBe(`closed.${r}`);
  });
});

describe('translate', () => {
  it('interpolates, and keeps unknown placeholders visible', () => {
    expect(interpolate('Hello {name}, {missing}', { name: 'Marie' })).toBe('Hello Marie, {missing}');
    expect(translate('fr', 'panelist.position', { position: 3 })).toBe('Vous êtes numéro 3 dans la file');
  });

  it('picks plural forms by language rules', () => {
    expect(translatePlural('en', 'panelist.people-ahead', 1)).toBe('1 person before you');
    expect(translatePlural('en', 'panelist.people-ahead', 2)).toBe('2 people before you');
    expect(translatePlural('nl', 'desk.turns', 0)).toBe('0 beurten');
    // French treats 0 as singular.
    expect(translatePlural('fr', 'desk.turns', 0)).toBe('0 tour');
    expect(translatePlural('de', 'desk.turns', 3)).toBe('3 Beiträge');
  });

  it('detects the browser language, Belgian variants included', () => {
    expect(detectLanguage(['nl-BE', 'en'])).toBe('nl');
    expect(detectLanguage(['es-ES', 'de-BE'])).toBe('de');
    expect(detectLanguage(['ja'])).toBe('en');
    expect(LANGUAGES.every((l) => detectLanguage([l]) === l)).toBe(true);
  });
});
