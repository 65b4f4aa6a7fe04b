import { DRAFT_CLOSE, DRAFT_FULL_REASON, DRAFT_READ_ONLY_REASON } from '@dr/shared';
import { describe, expect, it } from 'vitest';
import { closeProblem, deniedProblem, draftDbName, draftServerUrl, draftStatus, isFinalClose, isFinalProblem, type DraftProblem } from './draftConnection.ts';

describe('close codes', () => {
  it.each([
    [DRAFT_CLOSE.bad_key, 'bad-key', true],
    [DRAFT_CLOSE.forbidden, 'forbidden', true],
    [DRAFT_CLOSE.unknown_document, 'unknown-document', true],
    [DRAFT_CLOSE.room_deleted, 'room-deleted', true],
    [DRAFT_CLOSE.too_large, 'too-large', false],
    [DRAFT_CLOSE.flood, null, false],
    [DRAFT_CLOSE.malformed, null, false],
    [DRAFT_CLOSE.unavailable, null, false],
    [DRAFT_CLOSE.going_away, null, false],
    [1006, null, false],
  ])('%i → %s (final: %s)', (code, problem, final) => {
    expect(closeProblem(code)).toBe(problem);
    expect(isFinalClose(code)).toBe(final);
    expect(isFinalProblem(problem as DraftProblem | null)).toBe(final);
  });
});

describe('deniedProblem', () => {
  it('tells a full document from a read-only connection', () => {
    expect(deniedProblem(DRAFT_FULL_REASON)).toBe('full');
    expect(deniedProblem(DRAFT_READ_ONLY_REASON)).toBe('read-only');
    expect(deniedProblem('something else')).toBe('forbidden');
  });
});

describe('addresses', () => {
  it('uses the page origin, secure when the page is', () => {
    expect(draftServerUrl({ protocol: 'https:', host: 'room.example.org' })).toBe('wss://room.example.org/yjs');
    expect(draftServerUrl({ protocol: 'http:', host: 'localhost:5173' })).toBe('ws://localhost:5173/yjs');
  });

  it('names the local copy after the room and the document', () => {
    expect(draftDbName('r1', { kind: 'plenary' })).toBe('dr:r1:plenary');
    expect(draftDbName('r1', { kind: 'table', tableId: 't2' })).toBe('dr:r1:tables/t2');
  });
});

describe('draftStatus', () => {
  it('is connecting only before the first failure, offline after it or without network', () => {
    expect(draftStatus(true, true, true)).toBe('online');
    expect(draftStatus(false, false, true)).toBe('connecting');
    expect(draftStatus(false, true, true)).toBe('offline');
    expect(draftStatus(false, false, false)).toBe('offline');
  });
});
