/**
 * Estimating the server clock. A sample is one `clock` ping: sent at `t0`, answered at
 * `t1` (both local `Date.now()`), carrying the server's `serverNow`. Assuming the
 * answer was stamped halfway through the round trip, the offset is
 * `serverNow − (t0 + t1) / 2`, with an error of at most half the round trip, so the
 * sample with the shortest round trip is the most trustworthy.
 */
export interface ClockSample {
  t0: number;
  t1: number;
  serverNow: number;
}

export function roundTripMs(s: ClockSample): number {
  return s.t1 - s.t0;
}

export function sampleOffsetMs(s: ClockSample): number {
  return s.serverNow - (s.t0 + s.t1) / 2;
}

/** The sample with the least round trip; ignores impossible ones (clock jumped back). */
export function bestSample(samples: readonly ClockSample[]): ClockSample | null {
  let best: ClockSample | null = null;
  for (const s of samples) {
    if (roundTripMs(s) < 0) continue;
    if (best === null || roundTripMs(s) < roundTripMs(best)) best = s;
  }
  return best;
}

/** The offset to add to `Date.now()` to get server time, or null without a usable sample. */
export function estimateOffsetMs(samples: readonly ClockSample[]): number | null {
  const best = bestSample(samples);
  return best === null ? null : Math.round(sampleOffsetMs(best));
}
