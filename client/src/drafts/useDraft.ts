import { draftKey, type DraftRef } from '@dr/shared';
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { CaretUser } from './caretUser.ts';
import type { DraftSession, DraftSessionState } from './DraftSession.ts';
import { acquireDraftSession } from './draftSessions.ts';

export interface DraftHandle {
  session: DraftSession;
  state: DraftSessionState;
}

const NO_STATE: DraftSessionState = { status: 'connecting', synced: false, localLoaded: false, problem: null };
const noSubscribe = () => () => undefined;

/**
 * Connects to one draft while mounted. `user`: this person's caret when they may write,
 * null for a reader (nothing published), undefined to leave the caret to another view
 * of the same draft (a preview). Null until the session exists (the first effect).
 */
export function useDraft({ roomId, roomKey, draft, user }: { roomId: string; roomKey: string; draft: DraftRef; user?: CaretUser | null }): DraftHandle | null {
  const [session, setSession] = useState<DraftSession | null>(null);
  const name = draftKey(draft);
  useEffect(() => {
    const { session: s, release } = acquireDraftSession({ roomId, key: roomKey, draft });
    setSession(s);
    return () => {
      release();
      setSession(null);
    };
    // `draft` is a fresh object on many renders; its key names it completely.
  }, [roomId, roomKey, name]);

  // Compared field by field: callers build the user object on every render.
  const manages = user !== undefined;
  const { name: userName = '', color = '', role = 'participant' } = user ?? {};
  const reader = user === null;
  useEffect(() => {
    if (!session || !manages) return;
    session.setUser(reader ? null : { name: userName, color, role });
    // Leaving the editor takes the caret away, even if a preview keeps the connection.
    return () => session.setUser(null);
  }, [session, manages, reader, userName, color, role]);

  const state = useSyncExternalStore(session?.subscribe ?? noSubscribe, () => session?.getSnapshot() ?? NO_STATE);
  return session ? { session, state } : null;
}
