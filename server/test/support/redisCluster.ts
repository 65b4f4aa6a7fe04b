/**
 * A private Redis Cluster for tests: three `redis-server` processes in cluster mode on free
 * ports the OS hands out (so never a Redis already running), joined with `redis-cli --cluster create`, no replicas.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './redisServer.ts';

const run = promisify(execFile);
const REDIS_SERVER_BIN = '/usr/bin/redis-server';
const REDIS_CLI_BIN = '/usr/bin/redis-cli';
const START_TIMEOUT_MS = 15_000;
const START_ATTEMPTS = 3;

/** Children still running; killed if the test process exits without its teardown (e.g. Ctrl-C). */
const liveChildren = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of liveChildren) child.kill('SIGKILL');
});

export interface RedisClusterHandle {
  urls: string[];
  /** Kills every node and removes the temp dir. */
  stop(): Promise<void>;
  /**
   * Kills every node at once (an outage of the whole cluster), waits `downMs`, and starts
   * them again on the same ports; they rejoin from their saved cluster config, without data.
   */
  restart(downMs?: number): Promise<void>;
}

export async function startRedisCluster(size = 3): Promise<RedisClusterHandle> {
  let lastError: unknown;
  // Another process may take a probed port before redis-server binds it: try fresh ports.
  for (let attempt = 0; attempt < START_ATTEMPTS; attempt++) {
    try {
      return await tryStart(size);
    } catch (error) {
      lastError = error;
    }
  }
  throw new Error(`could not start a redis cluster: ${String(lastError)}`);
}

async function tryStart(size: number): Promise<RedisClusterHandle> {
  const dir = mkdtempSync(join(tmpdir(), 'dr-cluster-'));
  const children: ChildProcess[] = [];
  const stop = async () => {
    await Promise.all(children.map(kill));
    rmSync(dir, { recursive: true, force: true });
  };
  // The bus port is set explicitly: the default (port + 10000) may be taken or above 65535.
  const allPorts = await distinctFreePorts(size * 2);
  const ports = allPorts.slice(0, size);
  const launchAll = () => children.splice(0, children.length, ...ports.map((port, i) => launch(port, allPorts[size + i]!, dir)));
  const restart = async (downMs = 0) => {
    await Promise.all(children.map(kill));
    await new Promise((r) => setTimeout(r, downMs));
    launchAll();
    await whileRunning(children, waitForCluster(ports));
  };
  try {
    launchAll();
    await whileRunning(children, createCluster(ports));
  } catch (error) {
    await stop();
    throw error;
  }
  return { urls: ports.map((p) => `redis://127.0.0.1:${p}`), stop, restart };
}

/** `work`, failing early if a node exits meanwhile. */
async function whileRunning(children: ChildProcess[], work: Promise<void>): Promise<void> {
  const exited = new Promise<never>((_, reject) => children.forEach((c) => c.once('exit', (code) => reject(new Error(`a cluster node exited (${code})`)))));
  // Whichever loses the race must not surface later as an unhandled rejection.
  for (const p of [exited, work]) p.catch(() => undefined);
  await Promise.race([work, exited]);
}

async function createCluster(ports: number[]): Promise<void> {
  for (const port of ports) await waitFor(async () => (await cli(port, 'ping')) === 'PONG');
  await run(REDIS_CLI_BIN, ['--cluster', 'create', ...ports.map((p) => `127.0.0.1:${p}`), '--cluster-replicas', '0', '--cluster-yes']);
  await waitForCluster(ports);
}

async function waitForCluster(ports: number[]): Promise<void> {
  for (const port of ports) await waitFor(async () => (await cli(port, 'cluster', 'info')).includes('cluster_state:ok'));
}

async function distinctFreePorts(count: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < count) ports.add(await freePort());
  return [...ports];
}

function launch(port: number, busPort: number, dir: string): ChildProcess {
  const args = ['--port', String(port), '--cluster-port', String(busPort), '--bind', '127.0.0.1', '--cluster-enabled', 'yes'];
  args.push('--cluster-config-file', join(dir, `nodes-${port}.conf`), '--dir', dir, '--save', '', '--appendonly', 'no');
  const child = spawn(REDIS_SERVER_BIN, args, { stdio: 'ignore' });
  liveChildren.add(child);
  child.once('exit', () => liveChildren.delete(child));
  return child;
}

function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

async function cli(port: number, ...args: string[]): Promise<string> {
  try {
    return (await run(REDIS_CLI_BIN, ['-p', String(port), ...args])).stdout.trim();
  } catch {
    return '';
  }
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = START_TIMEOUT_MS): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('redis cluster did not come up');
    await new Promise((r) => setTimeout(r, 100));
  }
}
