import { Editor, type JSONContent } from '@tiptap/core';
import { draftExtensions } from './draftExtensions.ts';
import { acquireDraftSession } from './draftSessions.ts';
import { appendPromoted } from './promote.ts';

/** How long a facilitator waits for the plenary draft before being told to try again. */
const SYNC_TIMEOUT_MS = 15_000;

/** Appends passages to the plenary draft without showing it. */
export interface PlenaryWriter {
  /** Resolves once appended to the synced plenary draft; rejects when it cannot be reached. */
  append(promoted: JSONContent): Promise<void>;
  close(): void;
}

/**
 * A facilitator sends passages to a draft they never look at: a headless editor (a detached
 * element) on the plenary document, opened only when they first press "Send to the plenary".
 */
export function openPlenaryWriter(roomId: string, roomKey: string): PlenaryWriter {
  const { session, release } = acquireDraftSession({ roomId, key: roomKey, draft: { kind: 'plenary' } });
  const editor = new Editor({ extensions: draftExtensions({ doc: session.doc, provider: null, user: null }) });
  return {
    async append(promoted) {
      // Appending before the server's copy is in would put the passage at the top, not the end.
      await session.whenSynced(SYNC_TIMEOUT_MS);
      if (!appendPromoted(editor, promoted)) throw new Error('refused by the schema');
    },
    close() {
      editor.destroy();
      release();
    },
  };
}
