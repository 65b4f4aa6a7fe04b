import type { IncomingMessage, ServerResponse } from 'node:http';
import { JoinRequest, RoomError } from '@dr/shared';
import type { Config } from '../config.ts';
import { errorFields, log } from '../log.ts';
import type { RoomService } from '../rooms/roomService.ts';
import { KeyedRateLimiter } from '../security/TokenBucket.ts';
import { API_JSON_LIMIT, checkApiOrigin, clientIp, logWhenFinished, setSecurityHeaders } from './apiGuards.ts';
import { describeIssues, sendError, sendJson } from './errors.ts';
import { readJsonBody } from './readJsonBody.ts';

/**
 * `POST /api/join`, answered before express: a hall's phones send it within the same
 * second, and express's routing, body parsing and response helpers cost more than the
 * join itself (the join storm benchmark: a fifth of the server's time per join). The
 * rules are the rest of the API's, from the same functions: origin check and CORS,
 * security headers, a 16 KB JSON body, typed errors, the per-address join limit, the
 * access log. Its preflight (`OPTIONS`) and everything else go on to express.
 * Returns whether it answered the request.
 */
export function joinEndpoint(config: Config, rooms: RoomService): (req: IncomingMessage, res: ServerResponse) => boolean {
  const limiter = new KeyedRateLimiter(config.joinsPerMinutePerIp / 60, config.joinsPerMinutePerIp);
  return (req, res) => {
    if (req.method !== 'POST' || !isJoinPath(req.url)) return false;
    logWhenFinished(req, res, '/api/join');
    setSecurityHeaders(res);
    void answer(req, res, config, rooms, limiter).catch((err) => {
      if (!(err instanceof RoomError)) log.error('http handler failed', { path: '/api/join', ...errorFields(err) });
      if (res.headersSent) return void res.destroy();
      if (err instanceof RoomError) sendError(res, err.toWire());
      else sendError(res, { code: 'unavailable', message: 'internal error' }, 500);
    });
    return true;
  };
}

async function answer(req: IncomingMessage, res: ServerResponse, config: Config, rooms: RoomService, limiter: KeyedRateLimiter): Promise<void> {
  if (!checkApiOrigin(req, res, config)) return sendError(res, { code: 'forbidden', message: 'origin not allowed', reason: 'origin' });
  const body = await readJsonBody(req, API_JSON_LIMIT);
  if (!body.ok) {
    if (body.close) res.setHeader('Connection', 'close');
    return sendError(res, body.error, body.status);
  }
  if (!limiter.take(clientIp(req))) return sendError(res, { code: 'rate_limited', message: 'too many joins from this address; retry shortly' });
  const join = JoinRequest.safeParse(body.value);
  if (!join.success) return sendError(res, { code: 'invalid', message: describeIssues(join.error.issues) });
  const result = await rooms.join(join.data);
  if ('error' in result) return sendError(res, result.error);
  sendJson(res, 201, result);
}

/** As express matches routes: case-insensitive, an optional trailing slash, any query. */
function isJoinPath(url: string | undefined): boolean {
  const path = (url ?? '').split('?', 1)[0]!.toLowerCase();
  return path === '/api/join' || path === '/api/join/';
}
