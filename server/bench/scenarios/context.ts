/** What every scenario receives from the runner, and what it gives back. */
import type { Distribution } from '../hdr.ts';
import { startTarget, type Target } from '../target.ts';

/** `bare-work`: a second bare baseline that does the scenario's unavoidable work too (see `Plan.workBaseline`). */
export type Variant = 'bare' | 'bare-work' | 'memory' | 'redis';

export interface BenchContext {
  quick: boolean;
  /** The private Redis the Redis rows use. */
  redisUrl: string;
  /** Commands Redis has run so far (INFO commandstats, scripts' inner commands included). */
  redisCommands(): Promise<number>;
}

export interface Measurement {
  /** Named figures, e.g. `p99 ms`, `CPU µs/delivery`. */
  figures: Record<string, number>;
  /** Latency distributions for the chart. */
  curves?: Record<string, Distribution>;
}

/** Starts the variant's server (the baseline is `bare` of the given kind), runs `fn`, stops it. */
export async function withTarget<T>(variant: Variant, ctx: BenchContext, bare: 'bare-io' | 'bare-yjs', fn: (t: Target) => Promise<T>, bareWork?: 'bare-io-join'): Promise<T> {
  const kind = variant === 'bare' ? bare : variant === 'bare-work' ? bareWork : 'service';
  if (!kind) throw new Error('this scenario has no work baseline');
  const target = await startTarget(kind === 'service' ? { kind, redisUrl: variant === 'redis' ? ctx.redisUrl : undefined } : { kind });
  try {
    return await fn(target);
  } finally {
    await target.close();
  }
}

/** Server CPU, Redis round trips and Redis commands over a measured window. */
export async function window(target: Target, ctx: BenchContext) {
  const [s0, r0] = await Promise.all([target.stats(), ctx.redisCommands()]);
  return async () => {
    const [s1, r1] = await Promise.all([target.stats(), ctx.redisCommands()]);
    return { cpuUs: s1.cpuUs - s0.cpuUs, redisCalls: s1.redisCalls - s0.redisCalls, redisCommands: r1 - r0, rssBytes: s1.rssBytes };
  };
}
