import { describe, expect, it } from 'vitest';
import { keyFromHash, parseRoute } from './router.ts';

describe('parseRoute', () => {
  it.each([
    ['/', { name: 'landing' }],
    ['', { name: 'landing' }],
    ['/index.html', { name: 'landing' }],
    ['/join', { name: 'join', code: null }],
    ['/j/ABC234', { name: 'join', code: 'ABC234' }],
    ['/j/abc234/', { name: 'join', code: 'abc234' }],
    ['/r/room_1', { name: 'panelist', roomId: 'room_1' }],
    ['/r/room_1/moderator', { name: 'moderator', roomId: 'room_1' }],
    ['/r/room_1/display/', { name: 'display', roomId: 'room_1' }],
    ['/r/room_1/facilitate', { name: 'facilitate', roomId: 'room_1' }],
    ['/r/room_1/other', { name: 'not-found' }],
    ['/nope', { name: 'not-found' }],
  ])('%s', (path, route) => expect(parseRoute(path)).toEqual(route));
});

describe('keyFromHash', () => {
  it('reads key= from the fragment', () => {
    expect(keyFromHash('#key=abc123')).toBe('abc123');
    expect(keyFromHash('#other=1&key=xyz')).toBe('xyz');
    expect(keyFromHash('')).toBeNull();
    expect(keyFromHash('#key=')).toBeNull();
    expect(keyFromHash('#key=a&display=b', 'display')).toBe('b');
  });
});
