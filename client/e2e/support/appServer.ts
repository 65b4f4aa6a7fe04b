/**
 * The real server for end-to-end tests, on a free port, serving the built client
 * (`npm test` builds it before the suites run).
 */
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { loadConfig } from '../../../server/src/config.ts';
import { startServer, type RunningServer } from '../../../server/src/server.ts';
import type { RoomStore } from '../../../server/src/store/RoomStore.ts';

export const CLIENT_DIST = path.resolve(import.meta.dirname, '../../dist');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export async function startAppServer(store: RoomStore, env: Record<string, string> = {}): Promise<RunningServer & { port: number }> {
  if (!existsSync(path.join(CLIENT_DIST, 'index.html'))) throw new Error('client/dist is missing: run `npm run build` (npm test does it)');
  const port = await freePort();
  const config = loadConfig({ PORT: String(port), HOST: '127.0.0.1', ...env }, { clientDist: CLIENT_DIST });
  return startServer(config, store);
}
