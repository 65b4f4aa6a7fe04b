import { readItem, storageKeys } from '../../lib/storage.ts';
import { useRoom } from '../../room/hooks.ts';

export interface RoomLinks {
  /** What panelists open (and the QR encodes). */
  joinUrl: string;
  /** Absolute, to paste on another machine. */
  displayUrl: string;
  /** Relative, to open in this browser. */
  displayPath: string;
  /** False when this device never saw the display key (the desk opened elsewhere). */
  hasDisplayKey: boolean;
  /** For a co-moderator: carries both keys, so their desk can share the projector link too. */
  moderatorUrl: string;
}

/** Links use the server's public URL: a QR code pointing at `localhost` helps no phone. */
export function useRoomLinks(roomId: string, moderatorKey: string): RoomLinks {
  const publicUrl = useRoom((s) => s.publicUrl) ?? window.location.origin;
  const joinCode = useRoom((s) => s.state?.joinCode ?? '');
  const displayKey = readItem(storageKeys.roleKey(roomId, 'display'));
  // Without the display key the moderator key still opens a (read-only) projector view.
  const projectorKey = displayKey ?? moderatorKey;
  const displayPath = `/r/${roomId}/display#key=${encodeURIComponent(projectorKey)}`;
  const both = `key=${encodeURIComponent(moderatorKey)}${displayKey ? `&display=${encodeURIComponent(displayKey)}` : ''}`;
  return {
    joinUrl: `${publicUrl}/j/${joinCode}`,
    displayUrl: `${publicUrl}${displayPath}`,
    displayPath,
    hasDisplayKey: displayKey !== null,
    moderatorUrl: `${publicUrl}/r/${roomId}/moderator#${both}`,
  };
}
