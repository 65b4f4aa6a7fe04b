import type { ServerResponse } from 'node:http';
import type { ErrorCode, WireError } from '@dr/shared';

const STATUS: Record<ErrorCode, number> = {
  invalid: 400,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  unavailable: 503,
};

/** A JSON answer; plain node, so express routes and the join endpoint share it. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(json));
  res.end(json);
}

/** Every HTTP error has the same body: `{error: {code, message, reason?}}`. */
export function sendError(res: ServerResponse, error: WireError, status = STATUS[error.code]): void {
  sendJson(res, status, { error });
}

/** A zod issue list as one short, readable line. */
export function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 5)
    .map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message))
    .join('; ');
}
