import { describe, expect, it } from 'vitest';
import { formatCountdown, formatDuration, formatSigned, minutesToMs, msToMinutes } from './format.ts';

describe('formatCountdown', () => {
  it.each([
    [120_000, '2:00'],
    [119_001, '2:00'],
    [119_000, '1:59'],
    [61_000, '1:01'],
    [999, '0:01'],
    [1, '0:01'],
    [0, '0:00'],
    [-1, '+0:00'],
    [-999, '+0:00'],
    [-1_000, '+0:01'],
    [-12_500, '+0:12'],
    [-75_000, '+1:15'],
    [3_600_000, '1:00:00'],
    [-3_725_000, '+1:02:05'],
  ])('%d ms → %s', (ms, text) => expect(formatCountdown(ms)).toBe(text));
});

describe('formatDuration', () => {
  it.each([
    [0, '0:00'],
    [-5_000, '0:00'],
    [45_900, '0:45'],
    [725_000, '12:05'],
    [3_720_000, '1:02:00'],
  ])('%d ms → %s', (ms, text) => expect(formatDuration(ms)).toBe(text));
});

describe('formatSigned', () => {
  it.each([
    [250_000, '+4:10'],
    [-120_000, '\u22122:00'],
    [400, '0:00'],
    [0, '0:00'],
  ])('%d ms → %s', (ms, text) => expect(formatSigned(ms)).toBe(text));
});

describe('minutes ↔ ms', () => {
  it.each([
    ['20', 1_200_000],
    ['1,5', 90_000],
    [' 0.5 ', 30_000],
    ['0', null],
    ['', null],
    ['-3', null],
    ['abc', null],
  ])('%j → %j', (input, ms) => expect(minutesToMs(input)).toBe(ms));

  it('round-trips to half minutes', () => {
    expect(msToMinutes(1_200_000)).toBe('20');
    expect(msToMinutes(90_000)).toBe('1.5');
  });
});
