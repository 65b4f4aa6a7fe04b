import {
  RoomError,
  decideJoin,
  normalizeJoinCode,
  projectEvent,
  projectState,
  roomCreatedEvent,
  tableById,
  type CreateRoomRequest,
  type CreateRoomResponse,
  type JoinRequest,
  type JoinResponse,
  type WireError,
} from '@dr/shared';
import { facilitatorKey, hashSecret, hashesEqual, newId, newJoinCode, newSecret } from '../security/secrets.ts';
import type { RoomStore } from '../store/RoomStore.ts';
import type { RoomRegistry } from './RoomRegistry.ts';

/** Join-code collisions before giving up; at 32^6 codes this only trips on a broken RNG. */
const JOIN_CODE_ATTEMPTS = 20;

/** Join codes whose room a node remembers (a few bytes each; the oldest goes first). */
const REMEMBERED_CODES = 10_000;
const GONE = Symbol('room gone');

/** Room lifecycle operations reached over HTTP: create, join, export, delete. */
export class RoomService {
  private readonly roomsByCode = new Map<string, string>();

  constructor(
    private readonly store: RoomStore,
    private readonly registry: RoomRegistry,
  ) {}

  async create(req: CreateRoomRequest, publicUrl: string): Promise<CreateRoomResponse> {
    const roomId = newId('r');
    const moderatorKey = newSecret();
    const displayKey = newSecret();
    for (let i = 0; i < JOIN_CODE_ATTEMPTS; i++) {
      const joinCode = newJoinCode();
      const meta = { roomId, joinCode, moderatorKeyHash: hashSecret(moderatorKey), displayKeyHash: hashSecret(displayKey), createdAt: Date.now(), facilitatorSecret: newSecret() };
      const first = roomCreatedEvent({ roomId, joinCode, title: req.title, language: req.language, secondLanguage: req.secondLanguage }, meta.createdAt);
      if ((await this.store.createRoom(meta, [first])) === 'created') {
        return {
          roomId,
          joinCode,
          moderatorKey,
          displayKey,
          // Keys ride in the fragment: never sent to a server, never in logs or Referer headers.
          moderatorUrl: `${publicUrl}/r/${roomId}/moderator#key=${moderatorKey}`,
          displayUrl: `${publicUrl}/r/${roomId}/display#key=${displayKey}`,
          joinUrl: `${publicUrl}/j/${joinCode}`,
        };
      }
    }
    throw new RoomError('unavailable', 'could not allocate a join code');
  }

  /**
   * A hall joins with one code within a second: the room behind a code is looked up in
   * storage once, then remembered. A remembered room that is gone (deleted or expired:
   * its code may since name another room) is forgotten and the code looked up again.
   */
  async join(req: JoinRequest): Promise<JoinResponse | { error: WireError }> {
    const code = normalizeJoinCode(req.joinCode);
    const known = this.roomsByCode.get(code);
    if (known) {
      const answer = await this.joinRoom(known, code, req);
      if (answer !== GONE) return answer;
      this.roomsByCode.delete(code);
    }
    const roomId = await this.store.findRoomByJoinCode(code);
    const answer = roomId ? await this.joinRoom(roomId, code, req) : GONE;
    if (answer === GONE) return { error: { code: 'not_found', message: 'no room with this code', reason: 'join_code_not_found' } };
    if (this.roomsByCode.size >= REMEMBERED_CODES) this.roomsByCode.delete(this.roomsByCode.keys().next().value!);
    this.roomsByCode.set(code, roomId!);
    return answer;
  }

  private async joinRoom(roomId: string, code: string, req: JoinRequest): Promise<JoinResponse | { error: WireError } | typeof GONE> {
    const token = newSecret();
    const result = await this.registry.with(roomId, async (host) => {
      if (host.meta.joinCode !== code) return GONE;
      const r = await host.executeSystem((state, ctx) => decideJoin(state, { name: req.name, language: req.language, tokenHash: hashSecret(token) }, ctx));
      return { r, title: host.current().state.title };
    });
    if (!result || result === GONE) return GONE;
    if (!result.r.ok) return result.r.error.reason === 'room_not_found' ? GONE : { error: result.r.error };
    const joined = result.r.events.find((e) => e.type === 'participant.joined');
    if (!joined || joined.type !== 'participant.joined') throw new RoomError('unavailable', 'join produced no participant');
    return { roomId, participantId: joined.participantId, token, roomTitle: result.title };
  }

  /** True when `key` is this room's moderator key. */
  async isModerator(roomId: string, key: string): Promise<boolean> {
    const meta = await this.store.getMeta(roomId);
    return !!meta && hashesEqual(hashSecret(key), meta.moderatorKeyHash);
  }

  /** Everything stored for the room, as the moderator may see it: the log is the minutes. */
  async export(roomId: string): Promise<unknown> {
    return this.registry.with(roomId, async (host) => {
      const { version, state } = host.current();
      const events = [];
      for (let since = -1; ; ) {
        const batch = await this.store.readEvents(roomId, since, 1000);
        if (batch.length === 0) break;
        events.push(...batch.map((e) => projectEvent(e, 'moderator')));
        since = batch[batch.length - 1]!.version;
      }
      return { exportedAt: new Date().toISOString(), roomId, joinCode: host.meta.joinCode, version, state: projectState(state, 'moderator'), events };
    });
  }

  /** A table's facilitator link (moderators only); null for an unknown room or table. */
  async facilitatorLink(roomId: string, tableId: string, publicUrl: string): Promise<{ tableId: string; key: string; url: string } | null> {
    return this.registry.with(roomId, async (host) => {
      const secret = host.meta.facilitatorSecret;
      if (!secret || !tableById(host.current().state, tableId)) return null;
      const key = facilitatorKey(secret, tableId);
      return { tableId, key, url: `${publicUrl}/r/${roomId}/facilitate#key=${key}` };
    });
  }

  async delete(roomId: string): Promise<void> {
    await this.store.deleteRoom(roomId);
  }
}
