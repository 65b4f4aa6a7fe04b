/** A token bucket: `burst` at once, refilled at `perSecond`. Time is passed in, for tests. */
export class TokenBucket {
  private tokens: number;
  private last: number;
  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    now: number,
  ) {
    this.tokens = burst;
    this.last = now;
  }

  take(now: number): boolean {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/** Buckets per key (an IP address), forgotten once full again so the map stays small. */
export class KeyedRateLimiter {
  private readonly buckets = new Map<string, TokenBucket>();
  private sweeps = 0;
  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
  ) {}

  take(key: string, now = Date.now()): boolean {
    let b = this.buckets.get(key);
    if (!b) this.buckets.set(key, (b = new TokenBucket(this.perSecond, this.burst, now)));
    if (++this.sweeps % 1000 === 0 && this.buckets.size > 10_000) this.buckets.clear();
    return b.take(now);
  }
}
