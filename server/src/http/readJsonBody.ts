import type { IncomingMessage } from 'node:http';
import type { WireError } from '@dr/shared';

/** `close`: the body was not read to its end, so the connection must not be reused. */
export type BodyResult = { ok: true; value: unknown } | { ok: false; error: WireError; status: number; close?: boolean };

const JSON_TYPE = /^application\/json\s*(;|$)/i;

/** A request's JSON body of at most `limit` bytes; a longer one is refused as soon as it is seen. */
export function readJsonBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  return new Promise((resolve) => {
    const tooLarge: BodyResult = { ok: false, error: { code: 'invalid', message: 'body too large' }, status: 413, close: true };
    if (Number(req.headers['content-length'] ?? 0) > limit) return resolve(tooLarge);
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (r: BodyResult) => {
      if (!settled) resolve(r);
      settled = true;
    };
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) settle(tooLarge);
      else chunks.push(c);
    });
    req.on('error', () => settle({ ok: false, error: { code: 'invalid', message: 'body could not be read' }, status: 400, close: true }));
    req.on('end', () => {
      if (!JSON_TYPE.test(req.headers['content-type'] ?? '')) return settle({ ok: false, error: { code: 'invalid', message: 'body must be JSON (content-type: application/json)' }, status: 400 });
      try {
        settle({ ok: true, value: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
      } catch {
        settle({ ok: false, error: { code: 'invalid', message: 'body is not valid JSON' }, status: 400 });
      }
    });
  });
}
