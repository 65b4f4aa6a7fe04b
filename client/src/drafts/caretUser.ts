/**
 * Who a caret belongs to, as published in the awareness `user` field of a draft.
 * `role` lets the projector follow the moderator's caret whatever language their name is in.
 */
export interface CaretUser {
  name: string;
  /** `#rrggbb`: the caret extension ignores any other format. */
  color: string;
  role: 'moderator' | 'participant' | 'facilitator';
}

/**
 * Dark enough for white label text (contrast ≥ 4.5:1 on each) and far enough apart
 * to tell eight people at a table apart.
 */
export const CARET_COLORS = ['#b3261e', '#0b6b5d', '#6a3d9a', '#a04000', '#1a5fd0', '#7a5c00', '#ad1457', '#2e7d32', '#37474f', '#00695c'] as const;

/** FNV-1a: tiny, and stable across browsers, so a person keeps their colour on every screen. */
function hash(seed: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The caret colour for a stable seed (participant id, `moderator`, `facilitator:<tableId>`). */
export function caretColor(seed: string): string {
  return CARET_COLORS[hash(seed) % CARET_COLORS.length]!;
}
