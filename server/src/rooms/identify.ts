import type { Actor } from '@dr/shared';
import { hashSecret, hashesEqual } from '../security/secrets.ts';
import type { RoomHost } from './RoomHost.ts';

/**
 * Who holds `key` in this room: moderator key, display key, or an active participant's
 * token. Only hashes are compared, in constant time; null means refuse.
 */
export function identify(host: RoomHost, key: string): Actor | null {
  const hash = hashSecret(key);
  if (hashesEqual(hash, host.meta.moderatorKeyHash)) return { role: 'moderator' };
  if (hashesEqual(hash, host.meta.displayKeyHash)) return { role: 'display' };
  for (const p of Object.values(host.current().state.participants)) {
    if (p.status === 'active' && p.tokenHash && hashesEqual(hash, p.tokenHash)) return { role: 'participant', participantId: p.id };
  }
  return null;
}
