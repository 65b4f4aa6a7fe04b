import type { Actor } from '@dr/shared';
import { tableById } from '@dr/shared';
import { facilitatorKey, hashSecret, hashesEqual } from '../security/secrets.ts';
import type { RoomHost } from './RoomHost.ts';

/**
 * Who holds `key` in this room: moderator key, display key, or an active participant's
 * token. Only hashes are compared, in constant time; null means refuse.
 */
export function identify(host: RoomHost, key: string): Actor | null {
  const hash = hashSecret(key);
  if (hashesEqual(hash, host.meta.moderatorKeyHash)) return { role: 'moderator' };
  if (hashesEqual(hash, host.meta.displayKeyHash)) return { role: 'display' };
  const facilitator = identifyFacilitator(host, key);
  if (facilitator) return facilitator;
  const participantId = host.participantByToken(hash);
  return participantId ? { role: 'participant', participantId } : null;
}

/** A facilitator link for an existing table of this room. */
function identifyFacilitator(host: RoomHost, key: string): Actor | null {
  const secret = host.meta.facilitatorSecret;
  const dot = key.indexOf('.');
  if (!secret || dot <= 0) return null;
  const tableId = key.slice(0, dot);
  if (!tableById(host.current().state, tableId)) return null;
  return hashesEqual(hashSecret(key), hashSecret(facilitatorKey(secret, tableId))) ? { role: 'facilitator', tableId } : null;
}
