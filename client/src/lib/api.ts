import type { CreateRoomRequest, CreateRoomResponse, JoinRequest, JoinResponse } from '@dr/shared';
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
