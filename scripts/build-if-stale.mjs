#!/usr/bin/env node
// Builds the client only when its inputs changed since the last build, so several
// nodes can start from one checkout: a lock directory makes one of them build while
// the others wait, and the new build is swapped in with a rename, never half-written.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { viteBinPath } from './viteBin.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'client', 'dist');
const stampFile = path.join(dist, '.build-hash');
const lockDir = path.join(root, 'client', '.build-lock');
const INPUTS = ['client/src', 'client/public', 'client/index.html', 'client/vite.config.ts', 'client/package.json', 'shared/src', 'package-lock.json'];

function listFiles(p) {
  if (!existsSync(p)) return [];
  if (!statSync(p).isDirectory()) return [p];
  return readdirSync(p).sort().flatMap((name) => (name.endsWith('.test.ts') ? [] : listFiles(path.join(p, name))));
}

function inputHash() {
  const h = createHash('sha256');
  for (const file of INPUTS.flatMap((i) => listFiles(path.join(root, i)))) {
    h.update(path.relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return h.digest('hex');
}

const isFresh = (hash) => existsSync(stampFile) && readFileSync(stampFile, 'utf8') === hash;
const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

function withLock(fn) {
  const deadline = Date.now() + 5 * 60_000;
  for (;;) {
    try {
      mkdirSync(lockDir);
      break;
    } catch {
      // A lock older than the deadline belongs to a build that died.
      if (Date.now() > deadline || Date.now() - statSync(lockDir, { throwIfNoEntry: false })?.mtimeMs > 5 * 60_000) rmSync(lockDir, { recursive: true, force: true });
      else sleep(500);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

const hash = inputHash();
if (isFresh(hash)) {
  console.log('client build is up to date');
} else {
  withLock(() => {
    if (isFresh(hash)) return;
    console.log('building the client…');
    const tmp = `${dist}.tmp-${process.pid}`;
    rmSync(tmp, { recursive: true, force: true });
    const viteBin = viteBinPath(root);
    execFileSync(process.execPath, [viteBin, 'build', '--outDir', tmp, '--emptyOutDir', '--logLevel', 'warn'], { cwd: path.join(root, 'client'), stdio: 'inherit' });
    writeFileSync(path.join(tmp, '.build-hash'), hash);
    const old = `${dist}.old-${process.pid}`;
    if (existsSync(dist)) renameSync(dist, old);
    renameSync(tmp, dist);
    rmSync(old, { recursive: true, force: true });
    console.log('client built');
  });
}
