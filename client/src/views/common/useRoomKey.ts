import { useMemo } from 'react';
import { keyFromHash } from '../../router.ts';
import { readItem, storageKeys, writeItem, type KeyRole } from '../../lib/storage.ts';

/**
 * The moderator or display key: from the link's `#key=…` when present (and then
 * remembered), else from this device's memory, so a reload without the fragment works.
 * A co-moderator link may also carry `display=…`, so their desk can share the projector.
 */
export function useRoomKey(roomId: string, role: KeyRole): string | null {
  return useMemo(() => {
    const hash = window.location.hash;
    const display = role === 'moderator' ? keyFromHash(hash, 'display') : null;
    if (display) writeItem(storageKeys.roleKey(roomId, 'display'), display);
    const fromLink = keyFromHash(hash);
    if (fromLink) {
      writeItem(storageKeys.roleKey(roomId, role), fromLink);
      return fromLink;
    }
    return readItem(storageKeys.roleKey(roomId, role));
  }, [roomId, role]);
}
