import { z } from 'zod';
import { DRAFT_LIMITS } from './draftLimits.ts';

/**
 * Named versions of a draft ("after round 2"), over HTTP with the moderator key:
 * `POST /api/rooms/:roomId/drafts/plenary/versions` (or `…/drafts/tables/:tableId/versions`)
 * with `{name, state?}` saves the draft's state now — the stored document merged with the
 * saving client's copy (`state`: its `Y.encodeStateAsUpdate`, base64), so that what the
 * moderator saw when saving is in the version even if their last keystrokes are still on
 * the way; `GET …/versions` lists them; `GET
 * …/versions/:versionId` answers the state as a Yjs update (`application/octet-stream`).
 */
/** Base64 of a whole document at the size limit. */
export const MAX_VERSION_STATE_CHARS = Math.ceil(DRAFT_LIMITS.MAX_DOCUMENT_BYTES / 3) * 4;
export const SaveDraftVersionRequest = z.object({
  name: z.string().trim().min(1).max(80),
  state: z.string().max(MAX_VERSION_STATE_CHARS).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64').optional(),
});
export type SaveDraftVersionRequest = z.infer<typeof SaveDraftVersionRequest>;

export const DraftVersionInfo = z.object({ id: z.string(), name: z.string(), createdAt: z.number(), bytes: z.number() });
export type DraftVersionInfo = z.infer<typeof DraftVersionInfo>;

export const DraftVersionList = z.object({ versions: z.array(DraftVersionInfo) });
export type DraftVersionList = z.infer<typeof DraftVersionList>;
