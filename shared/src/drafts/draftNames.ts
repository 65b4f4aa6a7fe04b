/**
 * Which draft a Yjs document is. Public protocol: the y-websocket room name is
 * `<roomId>/plenary` or `<roomId>/tables/<tableId>`, served under `/yjs/`.
 */
export type DraftRef = { kind: 'plenary' } | { kind: 'table'; tableId: string };

/** The websocket path prefix the Yjs documents are served under. */
export const DRAFT_PATH_PREFIX = '/yjs/';

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The document name inside a room, as the store keys it: `plenary` or `tables/<tableId>`. */
export function draftKey(draft: DraftRef): string {
  return draft.kind === 'plenary' ? 'plenary' : `tables/${draft.tableId}`;
}

/** The y-websocket room name of a room's draft. */
export function draftRoomName(roomId: string, draft: DraftRef): string {
  return `${roomId}/${draftKey(draft)}`;
}

/** Parses a store document name (`plenary`, `tables/<id>`); null for anything else. */
export function parseDraftKey(key: string): DraftRef | null {
  if (key === 'plenary') return { kind: 'plenary' };
  const parts = key.split('/');
  if (parts.length === 2 && parts[0] === 'tables' && ID.test(parts[1]!)) return { kind: 'table', tableId: parts[1]! };
  return null;
}

/**
 * Parses the y-websocket room name (the URL path after `/yjs/`, without the query).
 * Null when it names no draft: the caller closes with `unknown_document`.
 */
export function parseDraftRoomName(name: string): { roomId: string; draft: DraftRef } | null {
  const slash = name.indexOf('/');
  if (slash <= 0) return null;
  const roomId = name.slice(0, slash);
  const draft = parseDraftKey(name.slice(slash + 1));
  return ID.test(roomId) && draft ? { roomId, draft } : null;
}
