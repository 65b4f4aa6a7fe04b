import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';
import { RoomError } from '@dr/shared';
import type { Config } from '../config.ts';
import { errorFields, log } from '../log.ts';
import type { RoomService } from '../rooms/roomService.ts';
import { API_JSON_LIMIT, checkApiOrigin, logWhenFinished, setSecurityHeaders, TRUSTED_PROXIES } from './apiGuards.ts';
import type { RoomStore } from '../store/RoomStore.ts';
import { sendError } from './errors.ts';
import { draftRoutes } from './draftRoutes.ts';
import { roomRoutes } from './roomRoutes.ts';
import type { DraftVersions } from '../drafts/draftVersions.ts';

/** The express app: health, the room API, and the built client on the same port. */
export function createApp(config: Config, store: RoomStore, rooms: RoomService, versions: DraftVersions): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', TRUSTED_PROXIES);
  app.use((req, res, next) => {
    logWhenFinished(req, res, req.path);
    setSecurityHeaders(res);
    next();
  });

  // The balancer's check: is this process serving? Storage is shared by every node, so a
  // Redis outage taking them all out of rotation would only turn the storage banner into
  // "no server available" for phones that reconnect meanwhile.
  app.get('/livez', (_req, res) => {
    res.json({ ok: true });
  });

  app.get('/healthz', async (_req, res) => {
    const up = await store.ping();
    res.status(up ? 200 : 503).json({ ok: up, store: store.kind });
  });

  app.use('/api', (req, res, next) => {
    if (!checkApiOrigin(req, res, config)) return sendError(res, { code: 'forbidden', message: 'origin not allowed', reason: 'origin' });
    // A preflight from an origin that `checkApiOrigin` allowed cross-origin (it set the header).
    if (req.method === 'OPTIONS' && res.hasHeader('Access-Control-Allow-Origin')) {
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST, DELETE');
      res.setHeader('Access-Control-Allow-Headers', 'content-type, authorization');
      res.setHeader('Access-Control-Max-Age', '600');
      return res.status(204).end();
    }
    next();
  });
  // Before the small JSON parser: a saved version may carry a whole document.
  app.use(draftRoutes(rooms, versions));
  app.use('/api', express.json({ limit: API_JSON_LIMIT }));
  app.use(roomRoutes(config, rooms));
  app.use('/api', (_req, res) => sendError(res, { code: 'not_found', message: 'no such endpoint' }));

  serveClient(app, config.clientDist);
  app.use(errorHandler);
  return app;
}

function serveClient(app: express.Express, dist: string): void {
  const index = path.join(dist, 'index.html');
  app.use('/assets', express.static(path.join(dist, 'assets'), { immutable: true, maxAge: '1y', fallthrough: false }));
  app.use(express.static(dist, { index: false, maxAge: '1h' }));
  // Client-side routes (/r/…, /j/…) all load the app shell.
  app.get('/{*splat}', (_req, res) => {
    if (existsSync(index)) return res.sendFile(index, { headers: { 'Cache-Control': 'no-cache' } });
    res.status(503).type('text').send('The client is not built yet: run `npm start` (it builds it) or `npm run build`.');
  });
}

function errorHandler(err: unknown, req: Request, res: Response, _next: NextFunction): void {
  const e = err as { type?: string; status?: number };
  if (e?.type === 'entity.parse.failed') return sendError(res, { code: 'invalid', message: 'body is not valid JSON' });
  if (e?.type === 'entity.too.large') return sendError(res, { code: 'invalid', message: 'body too large' }, 413);
  if (err instanceof RoomError) return sendError(res, err.toWire());
  log.error('http handler failed', { path: req.path, ...errorFields(err) });
  sendError(res, { code: 'unavailable', message: 'internal error' }, 500);
}
