import express, { Router, type Request, type Response } from 'express';
import { MAX_VERSION_STATE_CHARS, SaveDraftVersionRequest, type DraftRef } from '@dr/shared';
import type { DraftVersions } from '../drafts/draftVersions.ts';
import type { RoomService } from '../rooms/roomService.ts';
import { bearer } from './bearer.ts';
import { describeIssues, sendError } from './errors.ts';

const notFound = (res: Response) => sendError(res, { code: 'not_found', message: 'no such room, draft or version', reason: 'draft_not_found' });

/** The draft of a route: `/drafts/plenary/…` or `/drafts/tables/:tableId/…`. */
const draftOf = (req: Request): DraftRef => {
  const { tableId } = req.params as Record<string, string | undefined>;
  return tableId ? { kind: 'table', tableId } : { kind: 'plenary' };
};
const roomIdOf = (req: Request): string => String((req.params as Record<string, string | undefined>).roomId);

/** Named versions of drafts, for moderators: save, list, fetch one (a Yjs update). */
export function draftRoutes(rooms: RoomService, versions: DraftVersions): Router {
  const r = Router();
  // A version may carry the client's whole document; the app-wide 16 kB JSON limit is for everything else.
  const bigJson = express.json({ limit: MAX_VERSION_STATE_CHARS + 1024 });
  const bases = ['/api/rooms/:roomId/drafts/plenary', '/api/rooms/:roomId/drafts/tables/:tableId'];

  const moderatorOnly = async (req: Request, res: Response): Promise<boolean> => {
    const key = bearer(req);
    if (key && (await rooms.isModerator(roomIdOf(req), key))) return true;
    sendError(res, { code: 'forbidden', message: 'moderator key required' });
    return false;
  };

  for (const base of bases) {
    r.post(`${base}/versions`, bigJson, async (req, res) => {
      if (!(await moderatorOnly(req, res))) return;
      const body = SaveDraftVersionRequest.safeParse(req.body);
      if (!body.success) return sendError(res, { code: 'invalid', message: describeIssues(body.error.issues) });
      const state = body.data.state === undefined ? undefined : new Uint8Array(Buffer.from(body.data.state, 'base64'));
      const saved = await versions.save(roomIdOf(req), draftOf(req), body.data.name, state);
      if (!saved) return notFound(res);
      res.status(201).json(saved);
    });

    r.get(`${base}/versions`, async (req, res) => {
      if (!(await moderatorOnly(req, res))) return;
      const list = await versions.list(roomIdOf(req), draftOf(req));
      if (!list) return notFound(res);
      res.setHeader('Cache-Control', 'no-store');
      res.json({ versions: list });
    });

    r.get(`${base}/versions/:versionId`, async (req, res) => {
      if (!(await moderatorOnly(req, res))) return;
      const version = await versions.get(roomIdOf(req), draftOf(req), String(req.params.versionId));
      if (!version) return notFound(res);
      res.setHeader('Cache-Control', 'no-store');
      res.type('application/octet-stream').send(Buffer.from(version.state));
    });
  }
  return r;
}
