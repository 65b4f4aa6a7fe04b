import { describe, expect, it } from 'vitest';
import {
  addRecentRoom,
  forgetRoom,
  loadFacilitatorKey,
  loadIdentity,
  loadRecentRooms,
  readItem,
  rememberFacilitatorKey,
  saveIdentity,
  savePendingLanguages,
  storageKeys,
  takePendingLanguages,
  type KeyValueStore,
} from './storage.ts';

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

const identity = { participantId: 'p1', token: 't'.repeat(32), name: 'Marie', joinCode: 'ABC234', roomTitle: 'Panel' };

describe('storage', () => {
  it('keeps one identity per room and maps the join code to the room', () => {
    const s = memoryStore();
    saveIdentity('r1', identity, s);
    expect(loadIdentity('r1', s)).toEqual(identity);
    expect(loadIdentity('r2', s)).toBeNull();
    expect(readItem(storageKeys.codeRoom('ABC234'), s)).toBe('r1');
  });

  it('treats corrupt data as nothing remembered', () => {
    const s = memoryStore();
    s.setItem(storageKeys.identity('r1'), '{nope');
    s.setItem(storageKeys.recentRooms, '"x"');
    expect(loadIdentity('r1', s)).toBeNull();
    expect(loadRecentRooms(s)).toEqual([]);
  });

  it('survives a store that throws', () => {
    const broken: KeyValueStore = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
      removeItem: () => {},
    };
    expect(() => saveIdentity('r1', identity, broken)).not.toThrow();
    expect(loadIdentity('r1', broken)).toBeNull();
  });

  it('lists recent rooms newest first, without duplicates, and forgets them', () => {
    const s = memoryStore();
    addRecentRoom({ roomId: 'a', title: 'A', createdAt: 1, language: 'fr' }, s);
    addRecentRoom({ roomId: 'b', title: 'B', createdAt: 2, language: 'nl' }, s);
    addRecentRoom({ roomId: 'a', title: 'A2', createdAt: 3, language: 'fr' }, s);
    expect(loadRecentRooms(s).map((r) => r.title)).toEqual(['A2', 'B']);
    forgetRoom('a', s);
    expect(loadRecentRooms(s).map((r) => r.roomId)).toEqual(['b']);
  });

  it('remembers a facilitator key per room and table, and reopens the last table', () => {
    const s = memoryStore();
    expect(loadFacilitatorKey('r1', s)).toBeNull();
    rememberFacilitatorKey('r1', 't1', 'key-one', s);
    rememberFacilitatorKey('r1', 't2', 'key-two', s);
    expect(readItem(storageKeys.facilitatorKey('r1', 't1'), s)).toBe('key-one');
    expect(loadFacilitatorKey('r1', s)).toBe('key-two');
    expect(loadFacilitatorKey('r2', s)).toBeNull();
    forgetRoom('r1', s);
    expect(loadFacilitatorKey('r1', s)).toBeNull();
  });

  it('hands over the languages picked on the join page once, cleaned', () => {
    const s = memoryStore();
    savePendingLanguages('r1', ['nl', 'fr'], s);
    expect(takePendingLanguages('r1', s)).toEqual(['nl', 'fr']);
    expect(takePendingLanguages('r1', s)).toBeNull();
    savePendingLanguages('r1', [], s);
    expect(takePendingLanguages('r1', s)).toBeNull();
    s.setItem(storageKeys.pendingLanguages('r1'), '["xx","de","de","en","fr"]');
    expect(takePendingLanguages('r1', s)).toEqual(['de', 'en']);
    s.setItem(storageKeys.pendingLanguages('r1'), '{nope');
    expect(takePendingLanguages('r1', s)).toBeNull();
  });
});
