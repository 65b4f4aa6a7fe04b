/**
 * Starts a private `redis-server` (the Debian binary) for tests, on a free port with
 * its own temp dir. The port comes from the OS, so it can never be one already taken, such as
 * the machine's own Redis.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const REDIS_SERVER_BIN = '/usr/bin/redis-server';
const START_TIMEOUT_MS = 10_000;
const STOP_TIMEOUT_MS = 5_000;
const START_ATTEMPTS = 5;

/** Children still running; killed if the test process exits without its teardown (e.g. Ctrl-C). */
const liveChildren = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of liveChildren) child.kill('SIGKILL');
});

export interface RedisServerOptions {
  /** AOF with `appendfsync always`, so a kill -9 loses no acknowledged write. */
  appendonly?: boolean;
  /** Data dir; a fresh temp dir (removed on stop) when omitted. */
  dir?: string;
}

export interface RedisServerHandle {
  url: string;
  port: number;
  dir: string;
  /** SIGTERM, wait for exit, remove the temp dir if we made it. */
  stop(): Promise<void>;
  /** SIGKILL without waiting: a crash, for failure tests. */
  kill9(): void;
  /** Starts again on the same port and dir (after kill9 or stop). */
  restart(): Promise<void>;
}

export async function startRedisServer(options: RedisServerOptions = {}): Promise<RedisServerHandle> {
  const ownsDir = options.dir === undefined;
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'dr-redis-'));
  const args = (port: number) => serverArgs(port, dir, options.appendonly ?? false);
  let lastError: unknown;
  for (let attempt = 0; attempt < START_ATTEMPTS; attempt++) {
    const port = await freePort();
    try {
      let child = await launch(args(port), port);
      return {
        url: `redis://127.0.0.1:${port}`,
        port,
        dir,
        kill9: () => void child.kill('SIGKILL'),
        restart: async () => {
          await stopChild(child, 'SIGKILL');
          child = await launch(args(port), port);
        },
        stop: async () => {
          await stopChild(child, 'SIGTERM');
          if (ownsDir) rmSync(dir, { recursive: true, force: true });
        },
      };
    } catch (error) {
      // Most likely someone took the port between our probe and redis' bind: try another.
      lastError = error;
    }
  }
  if (ownsDir) rmSync(dir, { recursive: true, force: true });
  throw new Error(`could not start redis-server: ${String(lastError)}`);
}

function serverArgs(port: number, dir: string, appendonly: boolean): string[] {
  const persistence = appendonly ? ['--appendonly', 'yes', '--appendfsync', 'always'] : ['--appendonly', 'no'];
  return ['--port', String(port), '--bind', '127.0.0.1', '--save', '', ...persistence, '--dir', dir, '--daemonize', 'no'];
}

/** A port the OS just handed out; closed again so redis-server can bind it. */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((resolve, reject) => {
      const server = net.createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
      });
    });
    if (port !== 0) return port;
  }
}

/** Spawns redis-server and resolves once it answers PING; rejects if it exits first. */
async function launch(args: string[], port: number): Promise<ChildProcess> {
  const child = spawn(REDIS_SERVER_BIN, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  liveChildren.add(child);
  child.once('exit', () => liveChildren.delete(child));
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4_000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<never>((_, reject) => {
    child.once('exit', (code) => reject(new Error(`redis-server exited (${code}) on port ${port}:\n${output}`)));
    child.once('error', reject);
  });
  exited.catch(() => undefined);
  try {
    await Promise.race([waitForPong(port, START_TIMEOUT_MS), exited]);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return child;
}

async function waitForPong(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await pingOnce(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`redis-server on port ${port} did not answer PING within ${timeoutMs} ms`);
}

/** One raw RESP PING, so this helper needs no client library. */
function pingOnce(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    let reply = '';
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString();
      if (reply.includes('\r\n')) done(reply.startsWith('+PONG'));
    });
  });
}

/** Signals the child and waits for it to exit; escalates to SIGKILL if it lingers. */
async function stopChild(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}
