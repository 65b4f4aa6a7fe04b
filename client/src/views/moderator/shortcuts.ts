/** Desk keyboard shortcuts: one letter each, so a moderator can run the floor without the mouse. */
export type DeskAction = 'next' | 'toggle-timer' | 'add-30' | 'end-turn' | 'help';

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  target: EventTarget | null;
}

interface ElementLike {
  tagName?: string;
  isContentEditable?: boolean;
  getAttribute?: (name: string) => string | null;
}

const TYPING_TAGS = new Set(['INPUT', 'TEXTAREA', 'SELECT']);
/** Space already means "press" on these: leave it to them. */
const PRESSABLE_TAGS = new Set(['BUTTON', 'A', 'SUMMARY']);

function isTyping(el: ElementLike): boolean {
  return TYPING_TAGS.has(el.tagName ?? '') || el.isContentEditable === true;
}

function isPressable(el: ElementLike): boolean {
  return PRESSABLE_TAGS.has(el.tagName ?? '') || el.getAttribute?.('role') === 'button';
}

const KEYS: Record<string, DeskAction> = {
  n: 'next',
  N: 'next',
  ' ': 'toggle-timer',
  '+': 'add-30',
  e: 'end-turn',
  E: 'end-turn',
  '?': 'help',
};

/** The action for a key press, or null: never while typing, never with Ctrl/Cmd/Alt. */
export function shortcutFor(e: KeyLike): DeskAction | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  const action = KEYS[e.key];
  if (!action) return null;
  const el = (e.target ?? {}) as ElementLike;
  if (isTyping(el)) return null;
  if (action === 'toggle-timer' && isPressable(el)) return null;
  return action;
}

/** For the help overlay: what to press, in display order. */
export const SHORTCUT_LIST: { keys: string; action: DeskAction }[] = [
  { keys: 'N', action: 'next' },
  { keys: 'Space', action: 'toggle-timer' },
  { keys: '+', action: 'add-30' },
  { keys: 'E', action: 'end-turn' },
  { keys: '?', action: 'help' },
];
