import { draftKey } from '@dr/shared';
import { DraftSession, type DraftSessionOptions } from './DraftSession.ts';

/**
 * How long an unused draft stays connected. Covers React's strict-mode remount, a preview
 * scrolled out of view and back, and the desk opening a table that is also in the grid,
 * none of which should tear down a websocket and reopen it.
 */
const LINGER_MS = 5_000;

interface Entry {
  session: DraftSession;
  refs: number;
  timer: ReturnType<typeof setTimeout> | null;
}

const sessions = new Map<string, Entry>();

const entryKey = (o: DraftSessionOptions) => `${o.roomId}\n${draftKey(o.draft)}\n${o.key}`;

/**
 * One document per (room, draft) on this page, however many views show it: the desk's
 * preview and editor of the same table share one Y.Doc and one connection.
 * Call `release` exactly once when done.
 */
export function acquireDraftSession(options: DraftSessionOptions): { session: DraftSession; release: () => void } {
  const key = entryKey(options);
  let entry = sessions.get(key);
  if (!entry) {
    entry = { session: new DraftSession(options), refs: 0, timer: null };
    sessions.set(key, entry);
  }
  if (entry.timer !== null) clearTimeout(entry.timer);
  entry.timer = null;
  entry.refs++;
  const held = entry;
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    if (--held.refs > 0) return;
    held.timer = setTimeout(() => {
      sessions.delete(key);
      held.session.destroy();
    }, LINGER_MS);
  };
  return { session: entry.session, release };
}
