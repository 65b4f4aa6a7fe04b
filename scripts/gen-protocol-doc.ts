// Writes docs/protocol.md from the schemas in shared/src/protocol.ts.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderProtocolDoc } from '../shared/src/protocolDoc.ts';

const target = fileURLToPath(new URL('../docs/protocol.md', import.meta.url));
writeFileSync(target, renderProtocolDoc());
console.log(`wrote ${target}`);
