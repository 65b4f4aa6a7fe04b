import { projectParticipant, projectStateExceptParticipants, type Audience, type Participant, type RoomState } from '@dr/shared';

/**
 * The JSON of a snapshot, `{version, state: projectState(state, audience)}`, built so a
 * hall connecting at once does not cost the square of its size: each participant's
 * projected JSON is made once per participant object (state is immutable, so an
 * unchanged participant is the same object), and a whole snapshot once per version and
 * audience (a node's sockets reconnecting together after a restart share it).
 */
export class SnapshotJson {
  private readonly moderatorParts = new WeakMap<Participant, string>();
  private readonly otherParts = new WeakMap<Participant, string>();
  private readonly whole = new WeakMap<RoomState, Map<string, string>>();

  encode(version: number, state: RoomState, audience: Audience): string {
    let byAudience = this.whole.get(state);
    const key = `${version}|${audience}`;
    const cached = byAudience?.get(key);
    if (cached !== undefined) return cached;
    const parts = audience === 'moderator' ? this.moderatorParts : this.otherParts;
    const participants: string[] = [];
    for (const [id, p] of Object.entries(state.participants)) {
      let part = parts.get(p);
      if (part === undefined) parts.set(p, (part = `${JSON.stringify(id)}:${JSON.stringify(projectParticipant(p, audience))}`));
      participants.push(part);
    }
    const { participants: _, ...rest } = projectStateExceptParticipants(state, audience);
    const restJson = JSON.stringify(rest);
    const json = `{"version":${version},"state":{"participants":{${participants.join(',')}}${restJson.length > 2 ? ',' : ''}${restJson.slice(1)}}`;
    if (!byAudience) this.whole.set(state, (byAudience = new Map()));
    byAudience.set(key, json);
    return json;
  }
}
