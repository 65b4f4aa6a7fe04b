/**
 * Latency distributions in an HDR histogram (microsecond resolution, 3 significant
 * digits), so p99 and max of a long run cost constant memory and stay exact enough.
 */
import * as hdr from 'hdr-histogram-js';

export interface Distribution {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** [percentile, ms] points for the chart, from p0 to p99.99. */
  curve: Array<[number, number]>;
}

const CURVE_POINTS = [0, 10, 25, 50, 75, 90, 95, 97.5, 99, 99.5, 99.9, 99.99];

export class Latencies {
  private readonly h = hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 120_000_000, numberOfSignificantValueDigits: 3, useWebAssembly: false });

  /** Records one latency in milliseconds. */
  record(ms: number): void {
    this.h.recordValue(Math.max(1, Math.round(ms * 1000)));
  }

  get count(): number {
    return this.h.totalCount;
  }

  summary(): Distribution {
    const at = (p: number) => this.h.getValueAtPercentile(p) / 1000;
    return { count: this.h.totalCount, p50: at(50), p95: at(95), p99: at(99), max: this.h.maxValue / 1000, curve: CURVE_POINTS.map((p) => [p, at(p)]) };
  }
}

/**
 * Deliveries of one message to several recipients: the latency of a message is from its
 * scheduled send time to its last recipient. Arrivals may come before the sender learns
 * the message's key (an event can beat its own ack), so both sides may come first.
 */
export class Deliveries {
  private readonly open = new Map<string | number, { scheduled?: number; expected?: number; count: number; last: number }>();
  readonly latencies = new Latencies();

  expect(key: string | number, scheduledAt: number, recipients: number): void {
    const entry = this.entry(key);
    entry.scheduled = scheduledAt;
    entry.expected = recipients;
    this.settle(key, entry);
  }

  arrive(key: string | number, at = performance.now()): void {
    const entry = this.entry(key);
    entry.count++;
    entry.last = Math.max(entry.last, at);
    this.settle(key, entry);
  }

  /** Messages sent whose recipients have not all received them yet. */
  get pending(): number {
    let n = 0;
    for (const e of this.open.values()) if (e.expected !== undefined) n++;
    return n;
  }

  private entry(key: string | number) {
    let entry = this.open.get(key);
    if (!entry) this.open.set(key, (entry = { count: 0, last: 0 }));
    return entry;
  }

  private settle(key: string | number, e: { scheduled?: number; expected?: number; count: number; last: number }): void {
    if (e.expected === undefined || e.scheduled === undefined || e.count < e.expected) return;
    this.latencies.record(e.last - e.scheduled);
    this.open.delete(key);
  }
}
