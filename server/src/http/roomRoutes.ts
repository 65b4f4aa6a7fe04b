import { Router, type Request } from 'express';
import { CreateRoomRequest } from '@dr/shared';
import type { Config } from '../config.ts';
import type { RoomService } from '../rooms/roomService.ts';
import { hashSecret, hashesEqual } from '../security/secrets.ts';
import { bearer } from './bearer.ts';
import { describeIssues, sendError } from './errors.ts';

/** Links point at PUBLIC_URL when set: a QR code for `localhost` is useless to a phone. */
export function publicUrlOf(req: Request, config: Config): string {
  return config.publicUrl ?? `${req.protocol}://${req.get('host')}`;
}

/** `POST /api/rooms` and the moderator's export and delete (`POST /api/join` is `joinEndpoint`). */
export function roomRoutes(config: Config, rooms: RoomService): Router {
  const r = Router();

  r.post('/api/rooms', async (req, res) => {
    if (config.roomCreateToken) {
      const token = bearer(req);
      if (!token || !hashesEqual(hashSecret(token), hashSecret(config.roomCreateToken))) {
        return sendError(res, { code: 'forbidden', message: 'room creation needs the organiser token', reason: 'create_token_required' }, 401);
      }
    }
    const body = CreateRoomRequest.safeParse(req.body);
    if (!body.success) return sendError(res, { code: 'invalid', message: describeIssues(body.error.issues) });
    res.status(201).json(await rooms.create(body.data, publicUrlOf(req, config)));
  });

  r.get('/api/rooms/:roomId/export', async (req, res) => {
    const key = bearer(req);
    if (!key || !(await rooms.isModerator(req.params.roomId, key))) return sendError(res, { code: 'forbidden', message: 'moderator key required' });
    const data = await rooms.export(req.params.roomId);
    if (!data) return sendError(res, { code: 'not_found', message: 'room not found' });
    res.setHeader('Content-Disposition', `attachment; filename="room-${req.params.roomId}.json"`);
    res.json(data);
  });

  r.get('/api/rooms/:roomId/tables/:tableId/facilitator-link', async (req, res) => {
    const key = bearer(req);
    if (!key || !(await rooms.isModerator(req.params.roomId, key))) return sendError(res, { code: 'forbidden', message: 'moderator key required' });
    const link = await rooms.facilitatorLink(req.params.roomId, req.params.tableId, publicUrlOf(req, config));
    if (!link) return sendError(res, { code: 'not_found', message: 'no such table', reason: 'table_not_found' });
    res.setHeader('Cache-Control', 'no-store');
    res.json(link);
  });

  r.delete('/api/rooms/:roomId', async (req, res) => {
    const key = bearer(req);
    if (!key || !(await rooms.isModerator(req.params.roomId, key))) return sendError(res, { code: 'forbidden', message: 'moderator key required' });
    await rooms.delete(req.params.roomId);
    res.status(204).end();
  });

  return r;
}
