/**
 * Above this many table cells the middle of a comparison is not searched for common items
 * and reads as replaced. 4M cells is 8 MB and ~20 ms; a draft of 200 blocks of 100 words
 * needs 40k cells for the blocks and 10k per changed block.
 */
export const LCS_MAX_CELLS = 4_000_000;

/**
 * A longest common subsequence of `a` and `b` (items compared with `===`), as the index
 * pairs that match, in order.
 *
 * The textbook O(n·m) table rather than Myers' O((n+m)·d): drafts are small, the table is
 * simple to trust, and it stays fast when two versions differ a lot, where Myers slows down.
 * A common prefix and suffix are matched first, so a typical edit leaves a tiny table.
 * Past `maxCells` the middle matches nothing: the diff is still correct, only coarser.
 */
export function lcsPairs<T>(a: readonly T[], b: readonly T[], maxCells = LCS_MAX_CELLS): [number, number][] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const pairs: [number, number][] = [];
  for (let k = 0; k < start; k++) pairs.push([k, k]);
  const n = endA - start;
  const m = endB - start;
  if (n > 0 && m > 0 && (n + 1) * (m + 1) <= maxCells) pairs.push(...middle(a, b, start, n, m));
  for (let k = 0; endA + k < a.length; k++) pairs.push([endA + k, endB + k]);
  return pairs;
}

/** `table[i][j]` = LCS length of a[i..] and b[j..]; walking it from the top left yields pairs in order. */
function middle<T>(a: readonly T[], b: readonly T[], offset: number, n: number, m: number): [number, number][] {
  const width = m + 1;
  // Lengths never exceed min(n, m): 16 bits halve the memory whenever they fit.
  const table = Math.min(n, m) < 0xffff ? new Uint16Array((n + 1) * width) : new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * width + j] =
        a[offset + i] === b[offset + j] ? table[(i + 1) * width + j + 1]! + 1 : Math.max(table[(i + 1) * width + j]!, table[i * width + j + 1]!);
    }
  }
  const pairs: [number, number][] = [];
  for (let i = 0, j = 0; i < n && j < m; ) {
    if (a[offset + i] === b[offset + j]) {
      pairs.push([offset + i, offset + j]);
      i++;
      j++;
    } else if (table[(i + 1) * width + j]! >= table[i * width + j + 1]!) i++;
    else j++;
  }
  return pairs;
}
