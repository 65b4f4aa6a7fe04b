/** Deterministic randomness for seating: a seeded PRNG and the few helpers built on it. */
import type { Rng } from './types.ts';

/**
 * mulberry32: a 32-bit PRNG, small and fast, good enough for shuffling seats (not for secrets).
 * The same seed always yields the same sequence, so a seating can be reproduced from its seed.
 */
export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A uniform integer in [0, n). */
export function randomInt(rng: Rng, n: number): number {
  // min() guards against an Rng that (wrongly) returns 1.
  return Math.min(n - 1, Math.floor(rng() * n));
}

/** Fisher–Yates shuffle of a copy. */
export function shuffled<T>(items: readonly T[], rng: Rng): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(rng, i + 1);
    const tmp = out[i] as T;
    out[i] = out[j] as T;
    out[j] = tmp;
  }
  return out;
}
