import { describe, expect, it } from 'vitest';
import { LIMITS } from '@dr/shared';
import { commandIdFactory, randomId } from './commandId.ts';

describe('command ids', () => {
  it('are hex and of the asked length', () => {
    expect(randomId(8)).toMatch(/^[0-9a-f]{16}$/);
  });

  it('never repeat within a tab and fit the protocol limit', () => {
    const next = commandIdFactory();
    const ids = new Set(Array.from({ length: 1000 }, next));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id.length).toBeLessThanOrEqual(LIMITS.MAX_COMMAND_ID_CHARS);
  });
});
