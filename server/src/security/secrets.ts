import { createHmac, hash, randomBytes, timingSafeEqual } from 'node:crypto';
import { joinCodeFromBytes } from '@dr/shared';

/** 32 random bytes, URL-safe: unguessable, and fine in a URL fragment. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Short random ids for rooms, participants and agenda items (not secrets). */
export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(9).toString('base64url')}`;
}

export function newJoinCode(): string {
  return joinCodeFromBytes(randomBytes(6));
}

/** Keys are stored and compared only as SHA-256 hashes. */
export function hashSecret(secret: string): string {
  return hash('sha256', secret, 'hex');
}

/** Constant-time comparison of two hex hashes of equal length. */
export function hashesEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

/**
 * A table's facilitator key: `<tableId>.<HMAC(secret, tableId)>`. Derived, so nothing
 * per table is stored, and a key names its table without a look-up.
 */
export function facilitatorKey(secret: string, tableId: string): string {
  return `${tableId}.${createHmac('sha256', secret).update(tableId).digest('base64url')}`;
}
