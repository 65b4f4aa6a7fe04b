import { describe, expect, it } from 'vitest';
import type { Participant, Table } from '@dr/shared';
import { misfits, roundProgress } from './tables.ts';

const table = (over: Partial<Table> = {}): Table => ({
  id: 't1',
  name: '',
  number: 1,
  languages: [],
  members: ['a', 'b', 'c', 'd'],
  facilitatorId: null,
  floor: { queue: [], speaker: null },
  round: null,
  helpRequestedAt: null,
  ...over,
});
const person = (id: string, languages: Participant['languages']): Participant => ({ id, name: id, language: null, joinedAt: 0, status: 'active', spokenMs: 0, turns: 0, raises: 0, languages, attributes: {} });

describe('roundProgress', () => {
  it('is null without a round', () => expect(roundProgress(table())).toBeNull());

  it('names the speaker and the next member still seated', () => {
    const speaker = { participantId: 'b', kind: 'speak' as const, clock: { durationMs: 60_000, startedAt: 0, elapsedMs: 0 }, since: 0, spokenBeforeResetMs: 0 };
    const t = table({ members: ['a', 'b', 'd'], round: { order: ['a', 'b', 'c', 'd'], position: 1, turnMs: 60_000 }, floor: { queue: [], speaker } });
    expect(roundProgress(t)).toEqual({ turn: 2, total: 4, current: 'b', next: 'd' });
  });
});

describe('misfits', () => {
  it('lists members who share no language with the table', () => {
    const participants = { a: person('a', ['fr']), b: person('b', ['nl']), c: person('c', []), d: person('d', ['nl', 'fr']) };
    expect(misfits(table({ languages: ['nl'] }), participants)).toEqual(['a']);
    expect(misfits(table(), participants)).toEqual([]);
  });
});
