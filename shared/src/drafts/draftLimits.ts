/**
 * Websocket close codes of the Yjs endpoint. Public protocol: a client tells a wrong
 * link from a full document by these. Codes are sent before any document data.
 */
export const DRAFT_CLOSE = {
  /** The message could not be decoded as y-websocket sync/awareness. */
  malformed: 4400,
  /** No key, a wrong key, or a room that does not exist. */
  bad_key: 4401,
  /** The key is valid but may not open this document (e.g. a removed participant). */
  forbidden: 4403,
  /** No such document: malformed name, or a table that does not exist. */
  unknown_document: 4404,
  /** The room was deleted while connected. */
  room_deleted: 4410,
  /** One message above the per-update limit. */
  too_large: 4413,
  /** More messages than the connection's rate allows. */
  flood: 4429,
  /** Storage did not answer; reconnect later. */
  unavailable: 4503,
  /** This node is shutting down; reconnect (to another node). */
  going_away: 1001,
} as const;
export type DraftCloseReason = keyof typeof DRAFT_CLOSE;

/** Sizes and rates of the Yjs endpoint; the server's config may override them. */
export const DRAFT_LIMITS = {
  /** Largest accepted websocket message (one update, or one sync step). */
  MAX_MESSAGE_BYTES: 512 * 1024,
  /** A document's stored size (snapshot + pending updates) may not grow beyond this. */
  MAX_DOCUMENT_BYTES: 8 * 1024 * 1024,
  /** Token bucket per connection: burst, then this many messages per second. */
  MESSAGE_BURST: 400,
  MESSAGES_PER_SECOND: 100,
  /** Compact a document once this many updates, or this many bytes, wait in its log. */
  COMPACT_AFTER_UPDATES: 500,
  COMPACT_AFTER_BYTES: 1024 * 1024,
  /** Named versions kept per document. */
  MAX_VERSIONS: 200,
} as const;

/** The reason a read-only connection's update was dropped (y-protocols auth message). */
export const DRAFT_READ_ONLY_REASON = 'read-only';
/** The reason an update was dropped because the document is full. */
export const DRAFT_FULL_REASON = 'document-full';
