import type { IncomingMessage, ServerResponse } from 'node:http';
import proxyaddr from 'proxy-addr';
import type { Config } from '../config.ts';
import { log } from '../log.ts';
import { isCrossOriginAllowed, isOriginAllowed } from '../security/origins.ts';

/**
 * What every HTTP answer and every API request goes through, whether express routes it or
 * the join endpoint answers it first: one definition, so the two cannot drift apart.
 */

/** Every API body is small: a title or a name (saved draft versions have their own limit). */
export const API_JSON_LIMIT = 16 * 1024;

/** Proxies whose X-Forwarded-For is believed (a balancer on the same host or network). */
export const TRUSTED_PROXIES = ['loopback', 'linklocal', 'uniquelocal'];
const trust = proxyaddr.compile(TRUSTED_PROXIES);

/** The caller's address, seen through trusted proxies only (as express's `req.ip`). */
export function clientIp(req: IncomingMessage): string {
  return proxyaddr(req, trust);
}

export function setSecurityHeaders(res: ServerResponse): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  // Keys live in URL fragments, which browsers never send; no-referrer covers the path too.
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'SAMEORIGIN');
}

/**
 * The API's origin rule: false when the request comes from a page on a foreign site;
 * an origin allowed cross-origin gets its CORS headers.
 */
export function checkApiOrigin(req: IncomingMessage, res: ServerResponse, config: Config): boolean {
  const origin = req.headers.origin;
  if (!isOriginAllowed(origin, req.headers.host, config)) return false;
  if (isCrossOriginAllowed(origin, config)) {
    res.setHeader('Access-Control-Allow-Origin', origin!);
    res.setHeader('Vary', 'Origin');
  }
  return true;
}

/** Paths only: query strings could carry credentials (the Yjs handshake does). */
export function logWhenFinished(req: IncomingMessage, res: ServerResponse, path: string): void {
  const start = process.hrtime.bigint();
  res.on('finish', () => {
    if (path === '/healthz' || path === '/livez') return;
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    log.debug('http', { method: req.method, path, status: res.statusCode, ms: Math.round(ms) });
  });
}
