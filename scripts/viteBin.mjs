// Vite may be installed under client/ or hoisted to the root, depending on npm's layout.
import { existsSync } from 'node:fs';
import path from 'node:path';

export function viteBinPath(root) {
  for (const dir of ['client/node_modules/vite', 'node_modules/vite']) {
    const bin = path.join(root, dir, 'bin/vite.js');
    if (existsSync(bin)) return bin;
  }
  throw new Error('vite is not installed: run `npm ci`');
}
