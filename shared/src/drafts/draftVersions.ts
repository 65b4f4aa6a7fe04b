import { z } from 'zod';

/**
 * Named versions of a draft ("after round 2"), over HTTP with the moderator key:
 * `POST /api/rooms/:roomId/drafts/plenary/versions` (or `…/drafts/tables/:tableId/versions`)
 * with `{name}` saves the draft's state now; `GET …/versions` lists them; `GET
 * …/versions/:versionId` answers the state as a Yjs update (`application/octet-stream`).
 */
export const SaveDraftVersionRequest = z.object({ name: z.string().trim().min(1).max(80) });
export type SaveDraftVersionRequest = z.infer<typeof SaveDraftVersionRequest>;

export const DraftVersionInfo = z.object({ id: z.string(), name: z.string(), createdAt: z.number(), bytes: z.number() });
export type DraftVersionInfo = z.infer<typeof DraftVersionInfo>;

export const DraftVersionList = z.object({ versions: z.array(DraftVersionInfo) });
export type DraftVersionList = z.infer<typeof DraftVersionList>;
