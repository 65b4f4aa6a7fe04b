import { describe, expect, it } from 'vitest';
import { emptyState, type ProjectedEvent } from '@dr/shared';
import { batchStart, foldEvents } from './eventLog.ts';

const created: ProjectedEvent = {
  version: 0,
  type: 'room.created',
  at: 1,
  roomId: 'r1',
  joinCode: 'ABCDEF',
  title: 'Climate panel',
  language: 'fr',
  secondLanguage: 'nl',
};
const joined = (version: number, id: string): ProjectedEvent => ({
  version,
  type: 'participant.joined',
  at: 2,
  participantId: id,
  name: id,
  language: null,
});

describe('foldEvents', () => {
  it('applies consecutive events and advances the version', () => {
    const r = foldEvents(emptyState('r1'), -1, [created, joined(1, 'p1')]);
    expect(r).toMatchObject({ version: 1, gap: false });
    expect(r.state.title).toBe('Climate panel');
    expect(Object.keys(r.state.participants)).toEqual(['p1']);
  });

  it('skips versions already seen', () => {
    const first = foldEvents(emptyState('r1'), -1, [created, joined(1, 'p1')]);
    const again = foldEvents(first.state, first.version, [joined(1, 'p1'), joined(2, 'p2')]);
    expect(again.version).toBe(2);
    expect(Object.keys(again.state.participants)).toEqual(['p1', 'p2']);
  });

  it('stops at a gap and reports it', () => {
    const first = foldEvents(emptyState('r1'), -1, [created]);
    const r = foldEvents(first.state, first.version, [joined(2, 'p2'), joined(3, 'p3')]);
    expect(r).toMatchObject({ version: 0, gap: true });
    expect(r.state).toBe(first.state);
  });

  it('advances past hidden events without applying them', () => {
    const first = foldEvents(emptyState('r1'), -1, [created]);
    const r = foldEvents(first.state, first.version, [{ version: 1, type: 'hidden' }, joined(2, 'p2')]);
    expect(r.version).toBe(2);
    expect(Object.keys(r.state.participants)).toEqual(['p2']);
  });

  it('returns the same state object when nothing is new', () => {
    const first = foldEvents(emptyState('r1'), -1, [created]);
    expect(foldEvents(first.state, 0, [created]).state).toBe(first.state);
  });
});

describe('batchStart', () => {
  it('is version − length + 1', () => {
    expect(batchStart({ version: 12, events: [1, 2, 3] })).toBe(10);
  });
});
