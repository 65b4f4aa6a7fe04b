import type { Config } from '../config.ts';

/**
 * Browsers always send Origin on cross-origin and websocket requests, so a request
 * without one comes from a script, not from a page on another site: allowed.
 * The server's own origin is judged by host only, so it works behind a TLS proxy.
 */
export function isOriginAllowed(origin: string | undefined, hostHeader: string | undefined, config: Config): boolean {
  if (!origin) return true;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (hostHeader && parsed.host === hostHeader) return true;
  if (config.publicUrl && new URL(config.publicUrl).origin === parsed.origin) return true;
  return config.allowedOrigins.includes(parsed.origin);
}

/**
 * Origins that may call us cross-origin (CORS). The server's own origin needs no CORS,
 * so only PUBLIC_URL and ALLOWED_ORIGINS are listed.
 */
export function isCrossOriginAllowed(origin: string | undefined, config: Config): boolean {
  if (!origin) return false;
  return (config.publicUrl !== null && new URL(config.publicUrl).origin === origin) || config.allowedOrigins.includes(origin);
}
