import type { RoomEvent, RoomState } from '@dr/shared';

/**
 * Participants by token hash, grown as joins are folded in: finding who holds a token
 * must not cost the size of the room (a hall connecting at once would pay its square).
 * An entry only points: the lookup checks the current state, so a revoked or removed
 * participant (whose hash the state dropped) is never found. A lookup by SHA-256 of a
 * 256-bit secret reveals nothing through its timing that a constant-time comparison would hide.
 */
export class TokenIndex {
  private readonly ids = new Map<string, string>();

  constructor(state: RoomState) {
    for (const p of Object.values(state.participants)) if (p.tokenHash) this.ids.set(p.tokenHash, p.id);
  }

  /** Takes note of the joins among `events` (any events; others are ignored). */
  add(events: readonly RoomEvent[]): void {
    for (const e of events) if (e.type === 'participant.joined' && e.tokenHash) this.ids.set(e.tokenHash, e.participantId);
  }

  /** The active participant whose token hashes to `hash` in `state`, or null. */
  find(state: RoomState, hash: string): string | null {
    const id = this.ids.get(hash);
    const p = id === undefined ? undefined : state.participants[id];
    if (p?.status === 'active' && p.tokenHash === hash) return p.id;
    // A revoked or removed participant's hash is gone from the state for good.
    if (p && !p.tokenHash) this.ids.delete(hash);
    return null;
  }
}
