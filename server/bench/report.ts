/** The result table: one row per figure, printed and written as JSON. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface Row {
  scenario: string;
  store: 'memory' | 'redis';
  figure: string;
  service: number;
  /** The bare baseline's figure; null where there is no baseline (a whole room). */
  baseline: number | null;
  /** Median over A/B pairs of service ÷ baseline. */
  ratio: number | null;
  /** e.g. `≤ 2×`, `≤ 500 ms`; `—` for figures shown without a target. */
  target: string;
  pass: boolean;
  /** False for figures shown for context only (their `pass` is then true). */
  judged: boolean;
}

/** A target: a bound on the ratio and/or on the service's own figure. */
export interface Goal {
  ratioMax?: number;
  ratioMin?: number;
  max?: number;
  min?: number;
  unit?: string;
}

export function judge(goal: Goal | undefined, service: number, ratio: number | null): Pick<Row, 'target' | 'pass' | 'judged'> {
  if (!goal) return { target: '—', pass: true, judged: false };
  const parts: string[] = [];
  let pass = true;
  const unit = goal.unit ? ` ${goal.unit}` : '';
  if (goal.max !== undefined) {
    parts.push(`≤ ${goal.max}${unit}`);
    pass &&= service <= goal.max;
  }
  if (goal.min !== undefined) {
    parts.push(`≥ ${goal.min}${unit}`);
    pass &&= service >= goal.min;
  }
  if (goal.ratioMax !== undefined) {
    parts.push(`≤ ${goal.ratioMax}×`);
    pass &&= ratio !== null && ratio <= goal.ratioMax;
  }
  if (goal.ratioMin !== undefined) {
    parts.push(`≥ ${goal.ratioMin}×`);
    pass &&= ratio !== null && ratio >= goal.ratioMin;
  }
  return { target: parts.join(' and '), pass, judged: true };
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

const fmt = (x: number | null) => (x === null ? '—' : Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(2));

export function printTable(rows: Row[]): string {
  const head = ['scenario', 'store', 'figure', 'service', 'baseline', 'ratio', 'target', 'result'];
  const cells = rows.map((r) => [r.scenario, r.store, r.figure, fmt(r.service), fmt(r.baseline), r.ratio === null ? '—' : `${r.ratio.toFixed(2)}×`, r.target, r.judged ? (r.pass ? 'PASS' : 'FAIL') : '']);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((x, i) => (i >= 3 && i <= 5 ? x.padStart(widths[i]!) : x.padEnd(widths[i]!))).join('  ');
  return [line(head), widths.map((w) => '─'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}

export function writeResults(dir: string, name: string, rows: Row[]): string {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(rows, null, 2) + '\n');
  return file;
}
