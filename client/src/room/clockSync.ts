import { estimateOffsetMs, type ClockSample } from './clockOffset.ts';

/** One ping: resolves with the sample, or null if the server did not answer in time. */
export type ClockPing = () => Promise<ClockSample | null>;

export const CLOCK_SAMPLES = 5;
/** Networks and sleeping phones drift: re-measure now and then. */
export const CLOCK_RESYNC_MS = 60_000;

/** Sends `n` pings one after another (never in parallel, which would inflate round trips). */
export async function measureOffset(ping: ClockPing, n = CLOCK_SAMPLES): Promise<number | null> {
  const samples: ClockSample[] = [];
  for (let i = 0; i < n; i++) {
    const s = await ping();
    if (s) samples.push(s);
  }
  return estimateOffsetMs(samples);
}
