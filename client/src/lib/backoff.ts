/**
 * Capped exponential backoff with jitter (1 s, 2 s, 4 s … ≤ 30 s, each shortened by up
 * to half at random) so a hall full of phones that lost Wi-Fi together does not
 * reconnect in one burst. Same numbers as socket.io's own reconnection settings.
 */
export const BACKOFF = { baseMs: 1000, maxMs: 30_000, jitter: 0.5 } as const;

export function backoffDelayMs(attempt: number, random: () => number = Math.random, opts = BACKOFF): number {
  const exp = Math.min(opts.maxMs, opts.baseMs * 2 ** Math.max(0, attempt));
  return Math.round(exp * (1 - opts.jitter * random()));
}
