import { DraftVersionInfo, DraftVersionList, type CreateRoomRequest, type CreateRoomResponse, type DraftRef, type JoinRequest, type JoinResponse } from '@dr/shared';
import type { ClientErrorCode } from '../i18n/errorMessages.ts';

/** An HTTP API failure, carrying the wire error code (or `network` when no answer came). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ClientErrorCode,
    readonly reason?: string,
  ) {
    super(`${status} ${code}${reason ? ` (${reason})` : ''}`);
    this.name = 'ApiError';
  }
}

async function request(path: string, init: RequestInit): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(path, init);
  } catch {
    throw new ApiError(0, 'network');
  }
  if (res.ok) return res;
  const body = (await res.json().catch(() => null)) as { error?: { code?: ClientErrorCode; reason?: string } } | null;
  throw new ApiError(res.status, body?.error?.code ?? (res.status >= 500 ? 'unavailable' : 'invalid'), body?.error?.reason);
}

const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

const bearer = (secret: string) => ({ Authorization: `Bearer ${secret}` });

/** `POST /api/rooms`; `accessCode` is the organiser code when the server requires one. */
export async function createRoom(body: CreateRoomRequest, accessCode?: string): Promise<CreateRoomResponse> {
  const res = await request('/api/rooms', json(body, accessCode ? bearer(accessCode) : {}));
  return (await res.json()) as CreateRoomResponse;
}

export async function joinRoom(body: JoinRequest): Promise<JoinResponse> {
  const res = await request('/api/join', json(body));
  return (await res.json()) as JoinResponse;
}

/** The room's full record, as a file the moderator can keep. */
export async function exportRoom(roomId: string, moderatorKey: string): Promise<Blob> {
  const res = await request(`/api/rooms/${encodeURIComponent(roomId)}/export`, { headers: bearer(moderatorKey) });
  return res.blob();
}

export async function deleteRoom(roomId: string, moderatorKey: string): Promise<void> {
  await request(`/api/rooms/${encodeURIComponent(roomId)}`, { method: 'DELETE', headers: bearer(moderatorKey) });
}

/** A link for a helper who runs one table's floor without sitting at it. */
export interface FacilitatorLink {
  tableId: string;
  key: string;
  url: string;
}

/** `GET …/tables/:tableId/facilitator-link` (moderator key); `no-store`, as it carries a secret. */
export async function fetchFacilitatorLink(roomId: string, tableId: string, moderatorKey: string): Promise<FacilitatorLink> {
  const res = await request(`/api/rooms/${encodeURIComponent(roomId)}/tables/${encodeURIComponent(tableId)}/facilitator-link`, { headers: bearer(moderatorKey), cache: 'no-store' });
  return (await res.json()) as FacilitatorLink;
}

/** `/api/rooms/:roomId/drafts/plenary/versions` or `…/drafts/tables/:tableId/versions`. */
function versionsPath(roomId: string, draft: DraftRef): string {
  const doc = draft.kind === 'plenary' ? 'plenary' : `tables/${encodeURIComponent(draft.tableId)}`;
  return `/api/rooms/${encodeURIComponent(roomId)}/drafts/${doc}/versions`;
}

/** A body that does not match its schema: the server is not the one this page was built for. */
function parsed<T>(res: Response, result: { success: true; data: T } | { success: false }): T {
  if (!result.success) throw new ApiError(res.status, 'unavailable');
  return result.data;
}

/** `POST …/versions` (moderator key): names the draft's state as the server holds it now. */
export async function saveDraftVersion(roomId: string, draft: DraftRef, name: string, moderatorKey: string, state?: Uint8Array): Promise<DraftVersionInfo> {
  const res = await request(versionsPath(roomId, draft), json({ name, ...(state && { state: toBase64(state) }) }, bearer(moderatorKey)));
  return parsed(res, DraftVersionInfo.safeParse(await res.json()));
}

/** `GET …/versions` (moderator key): the saved versions, oldest first. */
export async function listDraftVersions(roomId: string, draft: DraftRef, moderatorKey: string): Promise<DraftVersionInfo[]> {
  const res = await request(versionsPath(roomId, draft), { headers: bearer(moderatorKey), cache: 'no-store' });
  return parsed(res, DraftVersionList.safeParse(await res.json())).versions;
}

/** `GET …/versions/:versionId` (moderator key): the whole document then, as one Yjs update. */
export async function fetchDraftVersion(roomId: string, draft: DraftRef, versionId: string, moderatorKey: string): Promise<Uint8Array> {
  const res = await request(`${versionsPath(roomId, draft)}/${encodeURIComponent(versionId)}`, { headers: bearer(moderatorKey), cache: 'no-store' });
  return new Uint8Array(await res.arrayBuffer());
}

/** Base64 of bytes, in chunks: spreading a whole document into one call would overflow the stack. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
