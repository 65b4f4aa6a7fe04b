/** Share of the screen's height the plan may fill, below the header and clock. */
const PLAN_VH = 60;
/** Roughly how many characters a name takes, to keep columns from overflowing sideways. */
const NAME_CHARS = 15;
const MAX_COLS = 6;

/**
 * Columns and a first guess at a font size that fits every table and name on one screen:
 * a hall of 20 tables gets small print, a hall of 3 gets letters the back row reads
 * without glasses. The projector then corrects the guess against the real layout.
 */
export function planLayout(memberCounts: readonly number[]): { cols: number; fontSize: string } {
  const n = Math.max(1, memberCounts.length);
  const rows = n <= 4 ? 1 : Math.ceil(n / MAX_COLS);
  const cols = Math.ceil(n / rows);
  const lines = Math.max(1, ...memberCounts) + 2;
  const byHeight = PLAN_VH / (rows * lines * 1.35);
  const byWidth = 94 / cols / (NAME_CHARS * 0.6);
  return { cols, fontSize: `min(${byHeight.toFixed(2)}vh, ${byWidth.toFixed(2)}vw, 4.5rem)` };
}
