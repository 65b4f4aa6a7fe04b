/**
 * Storage of the Yjs drafts, beside each room's log and in the same key space, so a
 * room's deletion or expiry takes its drafts with it.
 *
 * A document is a snapshot (a Yjs update holding everything compacted so far) plus a
 * log of the updates accepted since, each with a sequence number. `appendUpdate`
 * persists and publishes in one atomic step: an update that any client received is
 * stored, and every node receives every update, in sequence order.
 */
export interface DocStore {
  /**
   * Stores the update and publishes it to the document's subscribers (every node).
   * Returns its sequence number. Throws `RoomError('not_found')` when the room does not
   * exist, `RoomError('unavailable')` when storage does not answer (outcome unknown:
   * re-sending a Yjs update is harmless).
   */
  appendUpdate(roomId: string, doc: string, update: Uint8Array, origin: string): Promise<number>;
  /** The stored document: snapshot, then the updates since, in order. */
  load(roomId: string, doc: string): Promise<StoredDoc>;
  /**
   * The updates with a sequence number above `seq`, in order; null when some of them
   * were compacted into the snapshot (read the whole document with `load` instead).
   */
  readSince(roomId: string, doc: string, seq: number): Promise<Uint8Array[] | null>;
  /**
   * Replaces the snapshot and the updates up to `throughSeq` by `snapshot` (their merge),
   * if nobody compacted since `load` returned `firstSeq`. Updates appended meanwhile are
   * kept. False when the document changed shape under us (another node compacted).
   */
  compact(roomId: string, doc: string, snapshot: Uint8Array, firstSeq: number, throughSeq: number): Promise<boolean>;
  /** Awareness (cursors, names) for other nodes: published, never stored, may be lost. */
  publishAwareness(roomId: string, doc: string, update: Uint8Array, origin: string): Promise<void>;
  /**
   * Delivers every later update and awareness message of the document, from any node,
   * once the returned promise resolved. After a feed outage a `resync` notice says some
   * may have been missed: read them with `readSince`.
   */
  subscribe(roomId: string, doc: string, listener: (notice: DocNotice) => void): Promise<() => Promise<void>>;
  /** Keeps a named copy of a document's state (history); the oldest go beyond the cap. */
  saveVersion(roomId: string, doc: string, version: DocVersion, keep: number): Promise<void>;
  /** Named versions, oldest first, without their content. */
  listVersions(roomId: string, doc: string): Promise<DocVersionInfo[]>;
  getVersion(roomId: string, doc: string, versionId: string): Promise<DocVersion | null>;
}

export interface StoredDoc {
  /** Everything compacted so far, as one Yjs update; null before the first compaction. */
  snapshot: Uint8Array | null;
  /** Updates since the snapshot; the first has sequence number `firstSeq`. */
  updates: Uint8Array[];
  firstSeq: number;
  /** Bytes of snapshot and updates together: what the document costs in storage. */
  bytes: number;
}

/** The sequence number of the last update of a loaded document (−1: none yet). */
export const lastSeqOf = (doc: StoredDoc): number => doc.firstSeq + doc.updates.length - 1;

export type DocNotice =
  | { kind: 'update'; seq: number; update: Uint8Array; origin: string }
  | { kind: 'awareness'; update: Uint8Array; origin: string }
  | { kind: 'resync' };

export interface DocVersionInfo {
  id: string;
  name: string;
  createdAt: number;
  bytes: number;
}

export interface DocVersion extends DocVersionInfo {
  /** The document's state as one Yjs update (`Y.encodeStateAsUpdate`). */
  state: Uint8Array;
}
