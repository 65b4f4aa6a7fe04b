import { networkInterfaces } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from './config.ts';
import { errorFields, log } from './log.ts';
import { startServer } from './server.ts';
import { createRoomStore } from './store/createRoomStore.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
/** A stopping node that has not drained by now exits anyway (with 1). */
const SHUTDOWN_DEADLINE_MS = 10_000;

/** Addresses a phone on the same Wi-Fi can reach, for the start-up banner. */
function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((a) => a && a.family === 'IPv4' && !a.internal)
    .map((a) => a!.address);
}

async function main(): Promise<void> {
  const config = loadConfig(process.env, { clientDist: path.resolve(here, '../../client/dist') });
  const store = createRoomStore({ redisUrl: config.redisUrl ?? undefined, roomTtlMs: config.roomTtlMs });
  const server = await startServer(config, store);
  const open = config.publicUrl ?? `http://localhost:${server.port}`;
  const lan = config.host === '0.0.0.0' ? lanAddresses().map((a) => `http://${a}:${server.port}`) : [];
  process.stdout.write(
    `\nDeliberation Room is running (store: ${store.kind}${store.kind === 'memory' ? ' — everything is lost on restart' : ''}).\n` +
      `  Open: ${open}\n` +
      (lan.length ? `  On the hall's network: ${lan.join('  ')}\n  (set PUBLIC_URL to the address phones should use in links and QR codes)\n` : '') +
      '\n',
  );
  let stopping = false;
  // On SIGTERM (docker stop, a rolling deploy) the node drains: see `RunningServer.close`.
  // Docker's stop_grace_period is 15 s; past this deadline the node gives up and exits 1.
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    const started = Date.now();
    log.info('shutting down', { signal });
    const force = setTimeout(() => {
      log.error('shutdown deadline passed; exiting', { signal, ms: SHUTDOWN_DEADLINE_MS });
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS);
    force.unref();
    await server.close().catch((err) => log.error('close failed', errorFields(err)));
    // Only now: the acks and draft writes of the drain needed the store.
    await store.close().catch((err) => log.warn('store close failed', errorFields(err)));
    log.info('stopped', { signal, ms: Date.now() - started });
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((err) => {
  log.error('failed to start', errorFields(err));
  process.exit(1);
});
