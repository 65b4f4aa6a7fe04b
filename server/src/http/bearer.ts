import type { Request } from 'express';

/** The token of an `Authorization: Bearer …` header, or null. */
export function bearer(req: Request): string | null {
  const m = /^Bearer\s+(.+)$/i.exec(req.get('authorization') ?? '');
  return m?.[1]?.trim() ?? null;
}
