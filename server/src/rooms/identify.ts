import type { Actor, RoomState } from '@dr/shared';
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
  const participantId = tokenIndex(host.current().state.participants).get(hash);
  return participantId ? { role: 'participant', participantId } : null;
}

type Participants = RoomState['participants'];
const indexes = new WeakMap<Participants, Map<string, string>>();

/**
 * Active participants by token hash, built once per participants map (state is immutable,
 * so a changed map is a new object): a hall connecting at once would otherwise compare
 * every token with every other. A lookup by SHA-256 of a 256-bit secret reveals nothing
 * through its timing that a constant-time comparison would hide.
 */
function tokenIndex(participants: Participants): Map<string, string> {
  let index = indexes.get(participants);
  if (!index) {
    index = new Map();
    for (const p of Object.values(participants)) if (p.status === 'active' && p.tokenHash) index.set(p.tokenHash, p.id);
    indexes.set(participants, index);
  }
  return index;
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
