import { networkInterfaces } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from './config.ts';
import { errorFields, log } from './log.ts';
import { startServer } from './server.ts';
import { createRoomStore } from './store/createRoomStore.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

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
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('shutting down', { signal });
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await server.close().catch((err) => log.error('close failed', errorFields(err)));
    await store.close().catch(() => undefined);
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((err) => {
  log.error('failed to start', errorFields(err));
  process.exit(1);
});
