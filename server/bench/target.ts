/** Starts a server under test in its own process, pinned to its own core. */
import { execFileSync, fork } from 'node:child_process';
import path from 'node:path';
import type { FromChild, ServerStats, TargetSpec, ToChild } from './serve.ts';

export const SERVER_CORE = 0;
export const GENERATOR_CORE = 1;

/** Pins a process (all its threads) to one core; a no-op where taskset or the core is missing. */
export function pin(pid: number, core: number): boolean {
  try {
    execFileSync('taskset', ['-a', '-p', '-c', String(core), String(pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export interface Target {
  url: string;
  pid: number;
  stats(opts?: { gc?: boolean }): Promise<ServerStats>;
  close(): Promise<void>;
}

export async function startTarget(spec: TargetSpec): Promise<Target> {
  const child = fork(path.resolve(import.meta.dirname, 'serve.ts'), [JSON.stringify(spec)], {
    // BENCH_CPU_PROF=<dir> writes a V8 CPU profile of every server under test, for finding hot spots.
    execArgv: ['--import', 'tsx', '--expose-gc', ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [])],
    env: { ...process.env, LOG_LEVEL: 'error' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  pin(child.pid!, SERVER_CORE);
  const waiting = new Map<number, (s: ServerStats) => void>();
  let nextId = 0;
  const url = await new Promise<string>((resolve, reject) => {
    child.on('message', (m: FromChild) => {
      if (m.type === 'ready') resolve(m.url);
      else if (m.type === 'failed') reject(new Error(m.error));
      else if (m.type === 'stats') {
        waiting.get(m.id)?.(m.stats);
        waiting.delete(m.id);
      }
    });
    child.once('exit', (code) => reject(new Error(`server under test exited (${code})`)));
  });
  const send = (m: ToChild) => child.send(m);
  return {
    url,
    pid: child.pid!,
    stats: (opts = {}) =>
      new Promise((resolve) => {
        const id = nextId++;
        waiting.set(id, resolve);
        send({ type: 'stats', id, gc: opts.gc });
      }),
    close: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
        child.once('exit', () => {
          clearTimeout(force);
          resolve();
        });
        send({ type: 'close' });
      }),
  };
}
