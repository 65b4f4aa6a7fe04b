#!/usr/bin/env node
// `npm run dev`: the server with reload on :3000 and Vite's dev server (proxying to it) on :5173.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { viteBinPath } from './viteBin.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const procs = [
  spawn(process.execPath, ['--import', 'tsx', '--watch', 'server/src/main.ts'], { stdio: 'inherit', cwd: root }),
  spawn(process.execPath, [viteBinPath(root)], { stdio: 'inherit', cwd: path.join(root, 'client') }),
];
const stop = () => procs.forEach((p) => p.kill('SIGTERM'));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
