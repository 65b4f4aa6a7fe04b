/**
 * The production topology without Docker, for tests: a private redis-server (AOF on),
 * three app node processes, and Debian's haproxy with `deploy/haproxy.cfg` in front, all
 * on free ports. Nodes can be killed (-9), stopped gracefully (SIGTERM, timed) and restarted
 * on the same port.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { freePort, startRedisServer, type RedisServerHandle } from './redisServer.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
export const HAPROXY_CONFIG = path.join(ROOT, 'deploy/haproxy.cfg');
const HAPROXY_BIN = '/usr/sbin/haproxy';
export const NODE_COUNT = 3;

const children = new Set<ChildProcess>();
process.once('exit', () => children.forEach((c) => c.kill('SIGKILL')));

export interface ClusterNode {
  port: number;
  url: string;
  alive: boolean;
  kill9(): void;
  /** SIGTERM, resolved when the process has exited: its exit code and how long it took. */
  terminate(): Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }>;
  /** Starts the node again on its port (optionally with other settings), once healthy. */
  restart(env?: NodeEnv): Promise<void>;
}

/** Extra environment for node processes (e.g. `COMMAND_RATE`). */
export type NodeEnv = Record<string, string>;

export interface ClusterOptions {
  /** Overrides the nodes' test settings (which allow 1,000 commands a second per connection). */
  nodeEnv?: NodeEnv;
}

export interface Cluster {
  /** The balancer: what every client talks to. */
  url: string;
  redis: RedisServerHandle;
  nodes: ClusterNode[];
  stop(): Promise<void>;
}

async function waitHealthy(url: string, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} not healthy within ${timeoutMs} ms`);
}

function track(child: ChildProcess, name: string): ChildProcess {
  children.add(child);
  child.once('exit', () => children.delete(child));
  child.stderr?.on('data', (d: Buffer) => {
    const line = d.toString();
    // haproxy reports every server going up or down on stderr; only alerts matter here.
    if (/ExperimentalWarning|\[(NOTICE|WARNING)\]/.test(line)) return;
    process.stderr.write(`[${name}] ${line}`);
  });
  return child;
}

function startNode(port: number, redisUrl: string, extra: NodeEnv = {}): ChildProcess {
  return track(
    spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/src/main.ts')], {
      cwd: ROOT,
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', REDIS_URL: redisUrl, LOG_LEVEL: 'error', ROOM_CREATE_TOKEN: '', COMMAND_RATE: '1000', COMMAND_BURST: '1000', ...extra },
      stdio: ['ignore', 'ignore', 'pipe'],
    }),
    `node:${port}`,
  );
}

export async function startCluster(options: ClusterOptions = {}): Promise<Cluster> {
  const redis = await startRedisServer({ appendonly: true });
  const ports = await Promise.all(Array.from({ length: NODE_COUNT }, () => freePort()));
  const processes = ports.map((port) => startNode(port, redis.url, options.nodeEnv));
  const nodes: ClusterNode[] = ports.map((port, i) => {
    const node: ClusterNode = {
      port,
      url: `http://127.0.0.1:${port}`,
      alive: true,
      kill9: () => {
        node.alive = false;
        processes[i]!.kill('SIGKILL');
      },
      terminate: () => {
        const child = processes[i]!;
        node.alive = false;
        const started = Date.now();
        return new Promise((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve({ code: child.exitCode, signal: child.signalCode, ms: 0 });
          child.once('exit', (code, signal) => resolve({ code, signal, ms: Date.now() - started }));
          child.kill('SIGTERM');
        });
      },
      restart: async (env = options.nodeEnv) => {
        processes[i] = startNode(port, redis.url, env);
        await waitHealthy(node.url);
        node.alive = true;
      },
    };
    return node;
  });
  await Promise.all(nodes.map((n) => waitHealthy(n.url)));
  const lbPort = await freePort();
  const lb = track(
    spawn(HAPROXY_BIN, ['-db', '-f', HAPROXY_CONFIG], {
      env: { ...process.env, LB_BIND: `127.0.0.1:${lbPort}`, ...Object.fromEntries(ports.map((p, i) => [`NODE${i + 1}`, `127.0.0.1:${p}`])) },
      stdio: ['ignore', 'ignore', 'pipe'],
    }),
    'haproxy',
  );
  const url = `http://127.0.0.1:${lbPort}`;
  await waitHealthy(url);
  return {
    url,
    redis,
    nodes,
    stop: async () => {
      const all = [lb, ...processes];
      await Promise.all(
        all.map(
          (c) =>
            new Promise<void>((resolve) => {
              if (c.exitCode !== null || c.signalCode !== null) return resolve();
              c.once('exit', () => resolve());
              c.kill('SIGTERM');
              setTimeout(() => c.kill('SIGKILL'), 5_000).unref();
            }),
        ),
      );
      await redis.stop();
    },
  };
}
