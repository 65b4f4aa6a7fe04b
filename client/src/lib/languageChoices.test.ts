import { describe, expect, it } from 'vitest';
import { LANGUAGE_CHOICES, choiceValue, languagesTag, parseChoice } from './languageChoices.ts';

describe('language choices', () => {
  it('offers any, four languages and six pairs, each with a distinct value', () => {
    expect(LANGUAGE_CHOICES).toHaveLength(11);
    expect(new Set(LANGUAGE_CHOICES.map(choiceValue)).size).toBe(11);
    expect(LANGUAGE_CHOICES.map(choiceValue)).toContain('fr+nl');
  });

  it('gives the same value whatever the order, and parses it back', () => {
    expect(choiceValue(['nl', 'fr'])).toBe('fr+nl');
    expect(choiceValue(['fr', 'nl'])).toBe('fr+nl');
    expect(parseChoice('nl+fr')).toEqual(['fr', 'nl']);
    expect(parseChoice('')).toEqual([]);
    expect(parseChoice('xx+de')).toEqual(['de']);
  });

  it('tags a set for display', () => {
    expect(languagesTag([])).toBeNull();
    expect(languagesTag(['nl', 'fr'])).toBe('NL + FR');
  });
});
