import { describe, expect, it } from 'vitest';
import { CARET_COLORS, caretColor } from './caretUser.ts';

/** WCAG relative luminance of `#rrggbb`. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

describe('caretColor', () => {
  it('is stable for a seed and a #rrggbb colour from the palette', () => {
    expect(caretColor('p-123')).toBe(caretColor('p-123'));
    expect(CARET_COLORS).toContain(caretColor('moderator'));
    for (const c of CARET_COLORS) expect(c).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('spreads a table of people over several colours', () => {
    const seen = new Set(Array.from({ length: 8 }, (_, i) => caretColor(`participant-${i}`)));
    expect(seen.size).toBeGreaterThanOrEqual(4);
  });

  it('gives white label text at least 4.5:1 contrast on every colour', () => {
    for (const c of CARET_COLORS) expect(1.05 / (luminance(c) + 0.05), c).toBeGreaterThanOrEqual(4.5);
  });
});
