/**
 * The chaos table: one row per fault, counts first (nothing acknowledged lost or
 * duplicated, every client caught up, every draft converged), then latency figures judged
 * against targets. A row passes when its counts are right and every target is met.
 */

/** A latency judged against its target: passes when `valueMs ≤ targetMs`. */
export interface Check {
  what: string;
  valueMs: number;
  targetMs: number;
}

export interface Row {
  fault: string;
  sent: number;
  acked: number;
  lost: number;
  duplicated: number;
  /** What was done and what happened, in words and counts. */
  events: string;
  /** Latencies measured (informative). */
  latency: string;
  checks: Check[];
  /** null where the fault has no such audit. */
  caughtUp: boolean | null;
  draftsConverged: boolean | null;
  /** Extra count failures (e.g. a flooder's effects beyond its budget), in words; empty = none. */
  problems: string[];
}

export const passes = (c: Check) => c.valueMs <= c.targetMs;

export function rowPasses(r: Row): boolean {
  return r.lost === 0 && r.duplicated === 0 && r.caughtUp !== false && r.draftsConverged !== false && r.problems.length === 0 && r.checks.every(passes);
}

const yesNo = (b: boolean | null) => (b === null ? '—' : b ? 'yes' : 'NO');
const ms = (n: number) => `${Math.round(n)} ms`;

export function printTable(rows: Row[]): void {
  console.log('\n| fault | actions sent | acked | lost | duplicated | what happened | latency | target (measured) | clients caught up | drafts converged | verdict |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    const targets = r.checks.map((c) => `${c.what} ≤ ${ms(c.targetMs)} (${ms(c.valueMs)}) ${passes(c) ? 'PASS' : 'FAIL'}`).join('; ');
    const events = [r.events, ...r.problems.map((p) => `**${p}**`)].join('; ');
    console.log(`| ${r.fault} | ${r.sent} | ${r.acked} | ${r.lost} | ${r.duplicated} | ${events} | ${r.latency} | ${targets || '—'} | ${yesNo(r.caughtUp)} | ${yesNo(r.draftsConverged)} | ${rowPasses(r) ? 'PASS' : 'FAIL'} |`);
  }
}
