/**
 * Time formatting for timers and statistics. Pure, so the countdown the projector
 * shows and the one a phone shows agree to the second.
 */

const MINUS = '\u2212';

function clockParts(totalSeconds: number): string {
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const s = totalSeconds % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/**
 * A countdown: `2:00` … `0:01`, `0:00`, then overtime as `+0:01`, `+0:12`, never cut.
 * Remaining time rounds up (a turn shows its full length at the start and reaches
 * 0:00 exactly at the deadline); overtime rounds down (shown once a second has passed).
 */
export function formatCountdown(remainingMs: number): string {
  if (remainingMs >= 0) return clockParts(Math.ceil(remainingMs / 1000));
  return `+${clockParts(Math.floor(-remainingMs / 1000))}`;
}

/** A duration such as total speaking time: `0:45`, `12:05`, `1:02:00`. */
export function formatDuration(ms: number): string {
  return clockParts(Math.floor(Math.max(0, ms) / 1000));
}

/** A difference against a plan: `+4:10` (over), `−2:00` (under), `0:00`. */
export function formatSigned(ms: number): string {
  const s = Math.floor(Math.abs(ms) / 1000);
  if (s === 0) return '0:00';
  return `${ms > 0 ? '+' : MINUS}${clockParts(s)}`;
}

/** Whole minutes for form fields (`plannedMs` → "20"); halves survive as "1.5". */
export function msToMinutes(ms: number): string {
  return String(Math.round((ms / 60_000) * 2) / 2);
}

/** Form input (minutes, comma or dot decimal) → ms, or null when not a positive number. */
export function minutesToMs(input: string): number | null {
  const n = Number(input.trim().replace(',', '.'));
  if (!Number.isFinite(n) || n <= 0 || input.trim() === '') return null;
  return Math.round(n * 60_000);
}
