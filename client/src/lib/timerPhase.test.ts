import { describe, expect, it } from 'vitest';
import { timerPhase, warnThresholdMs } from './timerPhase.ts';

const running = (durationMs: number, startedAt: number) => ({ durationMs, startedAt, elapsedMs: 0 });

describe('timerPhase', () => {
  it('warns in the last 30 s of a long turn', () => {
    expect(warnThresholdMs(120_000)).toBe(24_000);
    expect(warnThresholdMs(600_000)).toBe(30_000);
  });

  it.each([
    [running(600_000, 0), 0, 'running'],
    [running(600_000, 0), 570_000, 'ending'],
    [running(600_000, 0), 600_000, 'ending'],
    [running(600_000, 0), 600_001, 'overtime'],
    [{ durationMs: 60_000, startedAt: null, elapsedMs: 10_000 }, 99_999, 'paused'],
    [{ durationMs: 60_000, startedAt: null, elapsedMs: 70_000 }, 0, 'overtime'],
  ] as const)('%j at %d → %s', (clock, now, phase) => expect(timerPhase(clock, now)).toBe(phase));
});
