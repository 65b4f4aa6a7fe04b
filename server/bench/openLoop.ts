/**
 * Open-loop load: sends are scheduled at fixed times and latency is counted from the
 * scheduled time, so a slow server cannot slow the load down and hide its own delay
 * (no coordinated omission).
 */
export async function openLoop(ratePerSec: number, durationMs: number, send: (i: number, scheduledAt: number) => void): Promise<number> {
  const interval = 1000 / ratePerSec;
  const total = Math.max(1, Math.floor((durationMs / 1000) * ratePerSec));
  const start = performance.now() + 5;
  let i = 0;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (i < total && start + i * interval <= now) {
        send(i, start + i * interval);
        i++;
      }
      if (i >= total) return resolve();
      setTimeout(tick, Math.max(0, start + i * interval - performance.now() - 0.5));
    };
    tick();
  });
  return total;
}

/** Resolves when `done()` holds, or after `timeoutMs` (then false). */
export async function until(done: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (!done()) {
    if (performance.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 5));
  }
  return true;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs `task` over `items` with at most `limit` in flight. */
export async function inBatches<T, R>(items: T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await task(items[i]!, i);
      }
    }),
  );
  return out;
}
