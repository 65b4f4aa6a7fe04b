import { DEFAULT_DRAFT_LIMITS, type DraftLimits } from './drafts/draftServer.ts';
/**
 * Every setting comes from the environment, documented in one place (README
 * "Settings"). Parsing is strict: a typo in a duration fails at boot, not mid-session.
 */
export interface Config {
  port: number;
  host: string;
  /** Base URL for links and QR codes; null = derive from the request's Host. */
  publicUrl: string | null;
  redisUrl: string | null;
  /** Extra origins allowed besides the server's own and PUBLIC_URL. */
  allowedOrigins: string[];
  /** When set, creating a room needs `Authorization: Bearer <token>`. */
  roomCreateToken: string | null;
  /** A room is deleted this long after its last event. */
  roomTtlMs: number;
  /** Where the built client lives. */
  clientDist: string;
  /** Per connection: sustained commands per second and burst. */
  commandRate: { perSecond: number; burst: number };
  /** Per IP: joins per minute (a whole hall may sit behind one NAT address). */
  joinsPerMinutePerIp: number;
  /**
   * socket.io heartbeat: a client that answers no ping within `timeoutMs` (dead, half-open,
   * or not reading) is dropped, and what the server buffered for it is freed.
   */
  socketPing: { intervalMs: number; timeoutMs: number };
  /** Sizes and rates of the Yjs endpoint. */
  drafts: DraftLimits;
}

const DAY_MS = 86_400_000;
const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: DAY_MS };

/** `90d`, `12h`, `30m`, `45s`, `500ms` or a bare number of seconds. */
export function parseDuration(value: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?\s*$/.exec(value);
  if (!m) throw new Error(`not a duration: "${value}" (use e.g. 90d, 12h, 30m, 45s)`);
  return Math.round(Number(m[1]) * UNITS[m[2] ?? 's']!);
}

/** `512kb`, `8mb` or a bare number of bytes. */
export function parseBytes(value: string, name: string): number {
  const m = /^\s*(\d+)\s*(b|kb|mb)?\s*$/i.exec(value);
  if (!m) throw new Error(`${name} is not a size: "${value}" (use e.g. 512kb, 8mb)`);
  return Number(m[1]) * { b: 1, kb: 1024, mb: 1024 * 1024 }[(m[2] ?? 'b').toLowerCase() as 'b' | 'kb' | 'mb'];
}

function originOf(url: string, name: string): string {
  try {
    return new URL(url).origin;
  } catch {
    throw new Error(`${name} is not a URL: "${url}"`);
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, defaults: { clientDist: string }): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT is not a port: "${env.PORT}"`);
  const publicUrl = env.PUBLIC_URL ? env.PUBLIC_URL.replace(/\/+$/, '') : null;
  if (publicUrl) originOf(publicUrl, 'PUBLIC_URL');
  return {
    port,
    host: env.HOST || '0.0.0.0',
    publicUrl,
    redisUrl: env.REDIS_URL || null,
    allowedOrigins: (env.ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .map((o) => originOf(o, 'ALLOWED_ORIGINS')),
    roomCreateToken: env.ROOM_CREATE_TOKEN || null,
    roomTtlMs: env.ROOM_TTL ? parseDuration(env.ROOM_TTL) : 90 * DAY_MS,
    clientDist: env.CLIENT_DIST || defaults.clientDist,
    commandRate: { perSecond: Number(env.COMMAND_RATE ?? 20), burst: Number(env.COMMAND_BURST ?? 40) },
    joinsPerMinutePerIp: Number(env.JOIN_RATE_PER_MINUTE ?? 3000),
    socketPing: { intervalMs: parseDuration(env.SOCKET_PING_INTERVAL ?? '20s'), timeoutMs: parseDuration(env.SOCKET_PING_TIMEOUT ?? '20s') },
    drafts: {
      ...DEFAULT_DRAFT_LIMITS,
      ...(env.DRAFT_MAX_UPDATE && { maxMessageBytes: parseBytes(env.DRAFT_MAX_UPDATE, 'DRAFT_MAX_UPDATE') }),
      ...(env.DRAFT_MAX_SIZE && { maxDocumentBytes: parseBytes(env.DRAFT_MAX_SIZE, 'DRAFT_MAX_SIZE') }),
    },
  };
}
