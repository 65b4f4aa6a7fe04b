import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { COMMAND_TYPES } from './protocol.ts';
import { renderProtocolDoc } from './protocolDoc.ts';

describe('docs/protocol.md', () => {
  const doc = renderProtocolDoc();

  it('documents every command with its fields', () => {
    for (const type of COMMAND_TYPES) expect(doc).toContain(`### \`${type}\``);
    expect(doc).toMatch(/### `queue.move`[\s\S]*?\| `index` \| integer \(≥ 0, ≤ 10000\) \| yes \|/);
  });

  it('is up to date with the schemas (run `npm run docs:protocol` to regenerate)', () => {
    const onDisk = readFileSync(fileURLToPath(new URL('../../docs/protocol.md', import.meta.url)), 'utf8');
    expect(onDisk).toBe(doc);
  });
});
