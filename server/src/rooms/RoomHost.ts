import {
  RoomError,
  apply,
  applyAll,
  audiencesOf,
  decide,
  decideSystem,
  emptyState,
  participantAudience,
  projectEvent,
  projectState,
  reject,
  type Audience,
  type Deadline,
  type Actor,
  type Command,
  type DecideContext,
  type Decision,
  type RoomState,
  type VersionedEvent,
  type WireError,
} from '@dr/shared';
import { errorFields, log } from '../log.ts';
import { newId } from '../security/secrets.ts';
import type { AppendEntry, RoomMeta, RoomStore, StoreNotice } from '../store/RoomStore.ts';
import { DeadlineTimer } from './DeadlineTimer.ts';
import { PresenceTracker } from './PresenceTracker.ts';
import type { RoomFanout } from './RoomFanout.ts';
import { TokenIndex } from './TokenIndex.ts';

/** Events that can change which table someone sits at. */
const SEATING_EVENTS: ReadonlySet<string> = new Set(['tables.assigned', 'participant.seated', 'tables.cleared']);

export type ExecuteResult = { ok: true; version: number; events: VersionedEvent[] } | { ok: false; error: WireError };

/** Conflicting appends from other nodes before we give up and answer `unavailable`. */
const MAX_APPEND_ATTEMPTS = 8;
/** Events kept in memory so `sync` after a short drop needs no storage round trip. */
const RECENT_EVENTS = 1000;
/** A folded state is cached in the store every this many versions, so loading a room reads a short tail. */
const SNAPSHOT_EVERY = 200;
/** Most commands decided and appended together (see `enqueue`). */
const MAX_GROUP = 64;

type DecideFn = (state: RoomState, ctx: DecideContext) => Decision;
/** A command waiting for its group. */
type Waiting = { decideFn: DecideFn; commandKey?: string; resolve(result: ExecuteResult): void; reject(error: unknown): void };

/**
 * One room's live state on this node: load → decide → append → fan out. Commands are
 * decided one at a time per room on a node (those that queue up behind an append are
 * appended together); across nodes the store's version check serialises them. Every event, ours or another node's, enters through `ingest`, which applies
 * versions strictly in order and fetches any gap from the store.
 */
export class RoomHost {
  private serialTail: Promise<unknown> = Promise.resolve();
  private readonly waiting: Waiting[] = [];
  private groupScheduled = false;
  private recent: VersionedEvent[] = [];
  private unsubscribe: (() => Promise<void>) | null = null;
  private lastSnapshotVersion: number;
  deleted = false;
  readonly presence: PresenceTracker;
  /** This host's name in presence lists: one per room per node. */
  private readonly presenceNode: string;
  private unsubscribePresence: (() => Promise<void>) | null = null;
  private readonly deadlines: DeadlineTimer;
  /** The next deadline as last written to the store's index, so it is written only on change. */
  private indexedDeadlineAt: number | null | undefined = undefined;
  private readonly tokens: TokenIndex;

  private constructor(
    readonly meta: RoomMeta,
    private state: RoomState,
    private version: number,
    private readonly store: RoomStore,
    private readonly fanout: RoomFanout,
  ) {
    this.lastSnapshotVersion = version;
    this.tokens = new TokenIndex(state);
    const node = newId('h');
    this.presenceNode = node;
    this.presence = new PresenceTracker(
      (online) => fanout.presence(meta.roomId, { online }),
      (online) => void store.publishPresence(meta.roomId, { node, online }).catch(() => undefined),
    );
    this.deadlines = new DeadlineTimer(
      (d) => this.attemptDeadline(d),
      () => this.state,
    );
  }

  /** Loads the room (snapshot + tail) and follows its log; null when it does not exist. */
  static async load(roomId: string, store: RoomStore, fanout: RoomFanout): Promise<RoomHost | null> {
    const meta = await store.getMeta(roomId);
    if (!meta) return null;
    const snap = await store.loadSnapshot(roomId);
    const host = new RoomHost(meta, (snap?.state as RoomState) ?? emptyState(roomId), snap?.version ?? -1, store, fanout);
    // Subscribe before reading the tail, so nothing appended in between is missed.
    host.unsubscribe = await store.subscribe(roomId, (n) => host.onNotice(n));
    // Presence from other nodes is a nicety: without it, a node still knows its own connections.
    host.unsubscribePresence = await store
      .subscribePresence(roomId, (m) => m.node !== host.presenceNode && host.presence.remoteUpdate(m.node, m.online))
      .catch(() => null);
    await host.catchUp();
    host.afterChange();
    return host;
  }

  get roomId(): string {
    return this.meta.roomId;
  }

  /** Sends the events the fan-out holds back for this room (or one audience of it). */
  flushEvents(audience?: Audience): void {
    this.fanout.flush(this.roomId, audience);
  }

  current(): { version: number; state: RoomState } {
    return { version: this.version, state: this.state };
  }

  /** The active participant holding the token that hashes to `hash`, or null. */
  participantByToken(hash: string): string | null {
    return this.tokens.find(this.state, hash);
  }

  /** Which projection an actor reads now (a participant's follows their table). */
  audienceOf(actor: Actor): Audience {
    if (actor.role === 'participant') return participantAudience(this.state, actor.participantId);
    if (actor.role === 'facilitator') return `table:${actor.tableId}`;
    return actor.role;
  }

  /** Attempts every deadline that is due now (the node's sweeper calls this for rooms nobody has open). */
  async fireDueDeadlines(): Promise<void> {
    const next = this.deadlines.rearm(this.state);
    if (next && next.at <= Date.now()) await this.attemptDeadline(next);
  }

  /** Events after `since` if still in memory, else null (the caller sends a snapshot). */
  eventsSince(since: number): VersionedEvent[] | null {
    if (since >= this.version) return [];
    const first = this.recent[0];
    if (!first || first.version > since + 1) return null;
    return this.recent.slice(since + 1 - first.version);
  }

  /** Runs a client command: the ack's version, or a typed error that changed nothing. */
  execute(cmd: Command, actor: Actor, commandKey: string): Promise<ExecuteResult> {
    return this.enqueue((s, ctx) => decide(s, cmd, actor, { ...ctx, online: this.presence }), commandKey);
  }

  /** Runs a server-issued decision (a join from HTTP), not deduplicated. */
  executeSystem(decideFn: DecideFn): Promise<ExecuteResult> {
    return this.enqueue(decideFn);
  }

  /**
   * Group commit. Decisions of a room are serial, and each waits for its append; commands
   * that arrive while an append is in flight wait together, are then decided one after the
   * other on the state (each seeing the ones before it) and appended in one atomic store
   * call under one version check. A busy room then costs one storage round trip per group
   * instead of one per command, and its events go out as one batch.
   */
  private enqueue(decideFn: DecideFn, commandKey?: string): Promise<ExecuteResult> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ decideFn, commandKey, resolve, reject });
      this.scheduleGroup();
    });
  }

  private scheduleGroup(): void {
    if (this.groupScheduled) return;
    this.groupScheduled = true;
    void this.serial(async () => {
      this.groupScheduled = false;
      const group = this.waiting.splice(0, MAX_GROUP);
      if (this.waiting.length > 0) this.scheduleGroup();
      await this.runGroup(group);
    });
  }

  private async runGroup(group: Waiting[]): Promise<void> {
    let results: ExecuteResult[] | null;
    try {
      results = await this.decideAndAppendGroup(group);
    } catch (err) {
      group.forEach((w) => w.reject(err));
      return;
    }
    if (results) return group.forEach((w, i) => w.resolve(results[i]!));
    // A retried command is in the group (its key is recorded): each goes alone, so the
    // retry gets its original ack and the others are decided without it.
    for (const w of group) await this.decideAndAppend(w.decideFn, w.commandKey).then(w.resolve, w.reject);
  }

  /**
   * Decides the commands in turn, each on the state the ones before it produce, and appends
   * their events in one atomic call; after a version conflict, catches up and decides again.
   * A refused command whose key is recorded (a retry of an applied one) gets its original
   * ack. Null when a key in a group of several is already recorded: the caller then runs
   * them one by one.
   */
  private async decideAndAppendGroup(group: ReadonlyArray<Pick<Waiting, 'decideFn' | 'commandKey'>>): Promise<ExecuteResult[] | null> {
    for (let attempt = 0; attempt < MAX_APPEND_ATTEMPTS; attempt++) {
      if (this.deleted) return group.map(() => reject('not_found', 'room deleted', 'room_not_found') as ExecuteResult);
      const ctx = { now: Date.now(), newId };
      let state = this.state;
      let version = this.version;
      const decided: Array<{ decision: Decision; first: number }> = [];
      const entries: AppendEntry[] = [];
      for (const w of group) {
        const decision = w.decideFn(state, ctx);
        decided.push({ decision, first: version + 1 });
        if (!decision.ok || decision.events.length === 0) continue;
        entries.push({ events: decision.events, commandKey: w.commandKey });
        state = applyAll(state, decision.events);
        version += decision.events.length;
      }
      const res = entries.length > 0 ? await this.store.appendBatch(this.roomId, this.version, entries) : ({ ok: true, version: this.version } as const);
      if (res.ok) {
        const versioned = decided.map(({ decision, first }) => (decision.ok ? decision.events.map((e, i) => ({ ...e, version: first + i }) as VersionedEvent) : []));
        // The state these events produce is already computed: folding them again would cost
        // as much as deciding (a join copies the whole participant map).
        if (entries.length > 0) this.ingest(versioned.flat(), state);
        return Promise.all(
          group.map(async (w, i): Promise<ExecuteResult> => {
            const { decision, first } = decided[i]!;
            if (!decision.ok) return (w.commandKey && (await this.recordedAck(w.commandKey))) || decision;
            return { ok: true, version: first + decision.events.length - 1, events: versioned[i]! };
          }),
        );
      }
      // The atomic append answers `duplicate` for a recorded key, even after the state moved on.
      if (res.reason === 'duplicate') return group.length === 1 ? [{ ok: true, version: res.version, events: [] }] : null;
      if (res.reason === 'not_found') return group.map(() => reject('not_found', 'room not found', 'room_not_found') as ExecuteResult);
      await this.catchUp();
    }
    throw new RoomError('unavailable', 'too many concurrent changes; retry');
  }

  async close(): Promise<void> {
    this.presence.dispose();
    this.deadlines.dispose();
    await this.unsubscribePresence?.().catch(() => undefined);
    await this.unsubscribe?.().catch(() => undefined);
    this.unsubscribe = null;
  }

  /** A deadline is an ordinary decision: the version check lets one node win; others find it done. */
  private async attemptDeadline(deadline: Deadline): Promise<void> {
    await this.serial(() => this.decideAndAppend((s, ctx) => decideSystem(s, deadline.command, { ...ctx, online: this.presence })));
  }

  /** Re-arms the local deadline timer and keeps the store's deadline index current. */
  private afterChange(): void {
    const next = this.deadlines.rearm(this.state);
    const at = next?.at ?? null;
    if (at === this.indexedDeadlineAt || this.deleted) return;
    this.indexedDeadlineAt = at;
    this.store.setDeadline(this.roomId, at).catch((err) => {
      this.indexedDeadlineAt = undefined;
      log.warn('deadline index update failed', { roomId: this.roomId, ...errorFields(err) });
    });
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.serialTail.then(task, task);
    this.serialTail = run.catch(() => undefined);
    return run;
  }

  /** One command (or deadline) decided and appended on its own. */
  private async decideAndAppend(decideFn: DecideFn, commandKey?: string): Promise<ExecuteResult> {
    return (await this.decideAndAppendGroup([{ decideFn, commandKey }]))![0]!;
  }

  private async recordedAck(commandKey: string): Promise<ExecuteResult | null> {
    const seen = await this.store.commandVersion(this.roomId, commandKey);
    return seen === null ? null : { ok: true, version: seen, events: [] };
  }

  private onNotice(notice: StoreNotice): void {
    void this.serial(async () => {
      if (notice.kind === 'deleted') return this.markDeleted();
      if (notice.kind === 'resync' || !this.ingest(notice.events)) await this.catchUp();
    }).catch((err) => log.warn('room notice failed', { roomId: this.roomId, ...errorFields(err) }));
  }

  private async catchUp(): Promise<void> {
    for (;;) {
      const events = await this.store.readEvents(this.roomId, this.version, 500);
      if (events.length === 0) return;
      if (!this.ingest(events)) throw new RoomError('unavailable', `log of ${this.roomId} has a gap after ${this.version}`);
    }
  }

  /**
   * Applies the events not yet seen, strictly in order; false when there is a gap. `after`:
   * the state all of `events` lead to from the current one, when the caller folded them already.
   */
  private ingest(events: readonly VersionedEvent[], after?: RoomState): boolean {
    const fresh = events.filter((e) => e.version > this.version);
    if (fresh.length === 0) return true;
    if (fresh.some((e, i) => e.version !== this.version + 1 + i)) return false;
    const before = this.state;
    if (after && fresh.length === events.length) this.state = after;
    else for (const e of fresh) this.state = apply(this.state, e);
    this.version = fresh[fresh.length - 1]!.version;
    this.tokens.add(fresh);
    this.recent.push(...fresh);
    if (this.recent.length > RECENT_EVENTS * 1.5) this.recent = this.recent.slice(-RECENT_EVENTS);
    this.fanOut(fresh, before);
    this.maybeSnapshot();
    this.afterChange();
    return true;
  }

  private fanOut(events: VersionedEvent[], before: RoomState): void {
    // Every audience that existed before or exists after the batch gets the whole batch.
    const audiences = new Set([...audiencesOf(before), ...audiencesOf(this.state)]);
    for (const audience of audiences) {
      this.fanout.events(this.roomId, audience, { version: this.version, events: events.map((e) => projectEvent(e, audience)) });
    }
    this.rehomeMoved(events, before);
    for (const e of events) {
      if (e.type === 'participant.revoked') this.fanout.closeParticipant(this.roomId, e.participantId, { reason: 'revoked' });
      if (e.type === 'participant.removed') this.fanout.closeParticipant(this.roomId, e.participantId, { reason: 'removed' });
    }
  }

  /** People whose table changed read another projection from now on: move their sockets and send it. */
  private rehomeMoved(events: VersionedEvent[], before: RoomState): void {
    if (!events.some((e) => SEATING_EVENTS.has(e.type))) return;
    const snapshots = new Map<Audience, { version: number; state: RoomState }>();
    const snapshotFor = (a: Audience) => snapshots.get(a) ?? snapshots.set(a, { version: this.version, state: projectState(this.state, a) }).get(a)!;
    for (const id of Object.keys(this.state.participants)) {
      const from = participantAudience(before, id);
      const to = participantAudience(this.state, id);
      if (from !== to) this.fanout.rehome(this.roomId, id, from, to, snapshotFor(to));
    }
  }

  private maybeSnapshot(): void {
    if (this.version - this.lastSnapshotVersion < SNAPSHOT_EVERY) return;
    this.lastSnapshotVersion = this.version;
    this.store.saveSnapshot(this.roomId, this.version, this.state).catch((err) => log.warn('snapshot failed', { roomId: this.roomId, ...errorFields(err) }));
  }

  private markDeleted(): void {
    this.deleted = true;
    this.fanout.closeRoom(this.roomId, { reason: 'deleted' });
  }
}
