import { draftKey, type DraftRef, type DraftVersionInfo } from '@dr/shared';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import * as Y from 'yjs';
import { DRAFT_FIELD } from '../../../drafts/draftSchema.ts';
import { readDraft, readDraftFromUpdate, type DraftBlock } from '../../../drafts/export/draftTree.ts';
import type { I18n } from '../../../i18n/I18nProvider.tsx';
import { errorKey } from '../../../i18n/errorMessages.ts';
import { ApiError, fetchDraftVersion, listDraftVersions, saveDraftVersion } from '../../../lib/api.ts';
import { useDraftCredentials } from '../../drafts/useDraftAccess.ts';

/** How long the live side of a comparison waits for typing to pause before it is read again. */
const LIVE_REFRESH_MS = 300;

/** A failed request in plain words: the server's reason when we know it. */
export function apiErrorText(t: I18n['t'], err: unknown): string {
  return t(err instanceof ApiError ? errorKey(err) : 'error.unknown');
}

export interface DraftVersions {
  /** Newest first; null until the first answer. */
  versions: DraftVersionInfo[] | null;
  /** Why the list could not be loaded, in plain words. */
  listError: string | null;
  refresh: () => Promise<void>;
  /** Saves the draft as the server holds it merged with this desk's copy; throws an `ApiError`. */
  save: (name: string) => Promise<DraftVersionInfo>;
  /** One version's text; versions never change, so each is fetched once. */
  load: (versionId: string) => Promise<DraftBlock[]>;
}

/** A draft's named versions over the HTTP API (moderator key), loaded when mounted. */
export function useDraftVersions(draft: DraftRef, t: I18n['t'], doc?: Y.Doc): DraftVersions {
  const { roomId, roomKey } = useDraftCredentials();
  const [versions, setVersions] = useState<DraftVersionInfo[] | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const cache = useRef(new Map<string, Promise<DraftBlock[]>>());
  const name = draftKey(draft);
  // `draft` is often a fresh object; its key names it completely.
  const ref = useMemo(() => draft, [name]);

  const refresh = useCallback(async () => {
    try {
      setVersions([...(await listDraftVersions(roomId, ref, roomKey))].reverse());
      setListError(null);
    } catch (err) {
      setListError(apiErrorText(t, err));
    }
  }, [roomId, roomKey, ref, t]);

  const save = useCallback(
    async (versionName: string) => {
      // Our copy goes along: what is on screen is in the version even if it is still on its way to the server.
      const saved = await saveDraftVersion(roomId, ref, versionName, roomKey, doc ? Y.encodeStateAsUpdate(doc) : undefined);
      await refresh();
      return saved;
    },
    [roomId, roomKey, ref, refresh, doc],
  );

  const load = useCallback(
    (versionId: string) => {
      let blocks = cache.current.get(versionId);
      if (!blocks) {
        blocks = fetchDraftVersion(roomId, ref, versionId, roomKey).then(readDraftFromUpdate);
        // A failure is not remembered: the next try asks again.
        blocks.catch(() => cache.current.delete(versionId));
        cache.current.set(versionId, blocks);
      }
      return blocks;
    },
    [roomId, roomKey, ref],
  );

  useEffect(() => {
    void refresh();
  }, [refresh]);

  return { versions, listError, refresh, save, load };
}

/** The live document's text, read again shortly after each change while mounted. */
export function useLiveDraft(doc: Y.Doc): DraftBlock[] {
  const read = useCallback(() => readDraft(doc.getXmlFragment(DRAFT_FIELD)), [doc]);
  const [blocks, setBlocks] = useState(read);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const onUpdate = () => {
      timer ??= setTimeout(() => {
        timer = null;
        setBlocks(read());
      }, LIVE_REFRESH_MS);
    };
    setBlocks(read());
    doc.on('update', onUpdate);
    return () => {
      doc.off('update', onUpdate);
      if (timer !== null) clearTimeout(timer);
    };
  }, [doc, read]);
  return blocks;
}
