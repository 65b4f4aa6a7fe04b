import { DRAFT_CLOSE, DRAFT_FULL_REASON, DRAFT_READ_ONLY_REASON, draftKey, type DraftRef } from '@dr/shared';

/** What the status line says about the link to the server. */
export type DraftStatus = 'connecting' | 'online' | 'offline';

/**
 * Why a draft cannot be edited or reached, beyond a plain network outage. The first four
 * are final (the server said reconnecting cannot help); the others pass or explain a refusal.
 */
export type DraftProblem = 'bad-key' | 'forbidden' | 'unknown-document' | 'room-deleted' | 'too-large' | 'full' | 'read-only';

/** Close codes after which y-websocket must stop retrying. */
const FINAL: ReadonlyMap<number, DraftProblem> = new Map([
  [DRAFT_CLOSE.bad_key, 'bad-key'],
  [DRAFT_CLOSE.forbidden, 'forbidden'],
  [DRAFT_CLOSE.unknown_document, 'unknown-document'],
  [DRAFT_CLOSE.room_deleted, 'room-deleted'],
]);

/** True when reconnecting after this close code cannot succeed. */
export function isFinalClose(code: number): boolean {
  return FINAL.has(code);
}

/** True for a problem after which the draft cannot be reached again from this page. */
export function isFinalProblem(problem: DraftProblem | null): boolean {
  return problem !== null && [...FINAL.values()].includes(problem);
}

/**
 * The problem to show after the server closed the connection, or null for an ordinary
 * drop (network, restart, flood: y-websocket backs off and tries again by itself).
 */
export function closeProblem(code: number): DraftProblem | null {
  if (code === DRAFT_CLOSE.too_large) return 'too-large';
  return FINAL.get(code) ?? null;
}

/** The problem a y-protocols `permission-denied` reason stands for. */
export function deniedProblem(reason: string): DraftProblem {
  return reason === DRAFT_FULL_REASON ? 'full' : reason === DRAFT_READ_ONLY_REASON ? 'read-only' : 'forbidden';
}

/** The Yjs endpoint on this page's own origin (`/yjs`), secure when the page is. */
export function draftServerUrl(location: { protocol: string; host: string }): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/yjs`;
}

/** The IndexedDB database keeping this device's copy of a draft. */
export function draftDbName(roomId: string, draft: DraftRef): string {
  return `dr:${roomId}:${draftKey(draft)}`;
}

/** What the status line shows, from what the provider reports. */
export function draftStatus(connected: boolean, everFailed: boolean, browserOnline: boolean): DraftStatus {
  if (connected) return 'online';
  // The first attempt gets "connecting"; after any failure (or with no network at all) the
  // person must know their words wait on this device.
  return everFailed || !browserOnline ? 'offline' : 'connecting';
}
