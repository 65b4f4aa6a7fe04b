import { describe, expect, it } from 'vitest';
import { Deliveries } from './hdr.ts';
import { judge, median, printTable } from './report.ts';

describe('bench report', () => {
  it('judges ratio and absolute targets, and passes figures shown for context', () => {
    expect(judge({ ratioMax: 2 }, 5, 1.9)).toEqual({ target: '≤ 2×', pass: true, judged: true });
    expect(judge({ ratioMax: 2 }, 5, 2.1).pass).toBe(false);
    expect(judge({ max: 500, unit: 'ms', ratioMax: 2 }, 501, 1).pass).toBe(false);
    expect(judge({ max: 500, unit: 'ms', ratioMax: 2 }, 400, 1)).toEqual({ target: '≤ 500 ms and ≤ 2×', pass: true, judged: true });
    expect(judge({ ratioMin: 0.8 }, 10, 0.79).pass).toBe(false);
    expect(judge({ ratioMax: 2 }, 1, null).pass).toBe(false);
    expect(judge(undefined, 1, null)).toEqual({ target: '—', pass: true, judged: false });
  });

  it('takes the median of odd and even counts', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('prints one line per row with its verdict', () => {
    const table = printTable([{ scenario: 's', store: 'memory', figure: 'p99 ms', service: 3, baseline: 2, ratio: 1.5, target: '≤ 2×', pass: true, judged: true }]);
    expect(table.split('\n')).toHaveLength(3);
    expect(table).toContain('1.50×');
    expect(table).toContain('PASS');
  });
});

describe('Deliveries', () => {
  it('times a message to its last recipient, whichever of send and arrival comes first', () => {
    const d = new Deliveries();
    d.arrive(7, 105);
    d.expect(7, 100, 3);
    expect(d.pending).toBe(1);
    d.arrive(7, 110);
    expect(d.latencies.count).toBe(0);
    d.arrive(7, 130);
    expect(d.latencies.count).toBe(1);
    expect(d.pending).toBe(0);
    expect(d.latencies.summary().max).toBeCloseTo(30, 1);
  });
});
