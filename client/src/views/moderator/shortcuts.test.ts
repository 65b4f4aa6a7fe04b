import { describe, expect, it } from 'vitest';
import { shortcutFor, type KeyLike } from './shortcuts.ts';

const el = (tagName: string, extra: Record<string, unknown> = {}) => ({ tagName, getAttribute: () => null, ...extra }) as unknown as EventTarget;
const press = (key: string, target: EventTarget | null = el('BODY'), mods: Partial<KeyLike> = {}): KeyLike => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  target,
  ...mods,
});

describe('shortcutFor', () => {
  it.each([
    ['n', 'next'],
    ['N', 'next'],
    [' ', 'toggle-timer'],
    ['+', 'add-30'],
    ['e', 'end-turn'],
    ['?', 'help'],
    ['x', null],
  ])('%j → %s', (key, action) => expect(shortcutFor(press(key))).toBe(action));

  it('never fires while typing', () => {
    for (const tag of ['INPUT', 'TEXTAREA', 'SELECT']) expect(shortcutFor(press('n', el(tag)))).toBeNull();
    expect(shortcutFor(press('e', el('DIV', { isContentEditable: true })))).toBeNull();
  });

  it('leaves Space to a focused button or link, but not other keys', () => {
    expect(shortcutFor(press(' ', el('BUTTON')))).toBeNull();
    expect(shortcutFor(press(' ', el('A')))).toBeNull();
    expect(shortcutFor(press(' ', el('DIV', { getAttribute: () => 'button' })))).toBeNull();
    expect(shortcutFor(press('n', el('BUTTON')))).toBe('next');
  });

  it('ignores browser shortcuts (Ctrl/Cmd/Alt)', () => {
    expect(shortcutFor(press('n', undefined, { ctrlKey: true }))).toBeNull();
    expect(shortcutFor(press('e', undefined, { metaKey: true }))).toBeNull();
    expect(shortcutFor(press('+', undefined, { altKey: true }))).toBeNull();
  });
});
