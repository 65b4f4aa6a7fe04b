import { describe, expect, it } from 'vitest';
import { apply, emptyState, type RoomEvent, type RoomState } from '@dr/shared';
import { TokenIndex } from './TokenIndex.ts';

const joined = (participantId: string, tokenHash: string): RoomEvent => ({ type: 'participant.joined', participantId, name: participantId, language: 'fr', at: 1, tokenHash }) as RoomEvent;
const fold = (state: RoomState, events: RoomEvent[]) => events.reduce(apply, state);

describe('TokenIndex', () => {
  it('finds participants present when it was built and those whose joins it was given', () => {
    const first = [joined('p1', 'h1')];
    let state = fold(emptyState('r'), first);
    const index = new TokenIndex(state);
    const later = [joined('p2', 'h2')];
    state = fold(state, later);
    index.add(later);
    expect([index.find(state, 'h1'), index.find(state, 'h2'), index.find(state, 'nobody')]).toEqual(['p1', 'p2', null]);
  });

  it('never finds a revoked or removed participant, even though it saw their join', () => {
    const joins = [joined('p1', 'h1'), joined('p2', 'h2'), joined('p3', 'h3')];
    const index = new TokenIndex(emptyState('r'));
    index.add(joins);
    const state = fold(emptyState('r'), [...joins, { type: 'participant.revoked', participantId: 'p1', at: 2 } as RoomEvent, { type: 'participant.removed', participantId: 'p2', at: 3 } as RoomEvent]);
    expect([index.find(state, 'h1'), index.find(state, 'h2'), index.find(state, 'h3')]).toEqual([null, null, 'p3']);
  });

  it('does not find a join the state has not folded yet (a lookup always answers for the given state)', () => {
    const index = new TokenIndex(emptyState('r'));
    index.add([joined('p1', 'h1')]);
    expect(index.find(emptyState('r'), 'h1')).toBeNull();
    expect(index.find(fold(emptyState('r'), [joined('p1', 'h1')]), 'h1')).toBe('p1');
  });
});
