import type { Response } from 'express';
import type { ErrorCode, WireError } from '@dr/shared';

const STATUS: Record<ErrorCode, number> = {
  invalid: 400,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  unavailable: 503,
};

/** Every HTTP error has the same body: `{error: {code, message, reason?}}`. */
export function sendError(res: Response, error: WireError, status = STATUS[error.code]): void {
  res.status(status).json({ error });
}

/** A zod issue list as one short, readable line. */
export function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 5)
    .map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message))
    .join('; ');
}
