import { useEffect, useMemo } from 'react';
import { loadFacilitatorKey, rememberFacilitatorKey } from '../../lib/storage.ts';
import { useMyTableId } from '../../room/hooks.ts';
import { keyFromHash } from '../../router.ts';

/**
 * The facilitator key: from the link's `#key=…`, else the one this device last used in
 * this room, so reopening `/r/<room>/facilitate` after closing the tab still works.
 */
export function useFacilitatorKey(roomId: string): string | null {
  return useMemo(() => keyFromHash(window.location.hash) ?? loadFacilitatorKey(roomId), [roomId]);
}

/**
 * Remembers the key under its table once the server named it in `welcome`: the key is
 * opaque to the client, so only then is it known which table it belongs to.
 */
export function useRememberFacilitatorKey(roomId: string, key: string): void {
  const tableId = useMyTableId();
  useEffect(() => {
    if (tableId) rememberFacilitatorKey(roomId, tableId, key);
  }, [roomId, tableId, key]);
}
