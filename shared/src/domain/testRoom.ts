/**
 * Test helper (not exported from the package): a room driven only through `decide`,
 * `decideJoin` and `apply`, with a fake clock and counter-based ids, so every state a
 * test sees is one the real server could reach.
 */
import { Command, type CommandType, type VersionedEvent } from '../protocol.ts';
import type { Actor, DecideContext } from './actor.ts';
import { apply } from './apply.ts';
import { decide } from './decide.ts';
import { decideJoin } from './decideRoom.ts';
import { decideSystem, type SystemCommand } from './deadlines.ts';
import type { Decision } from './decision.ts';
import type { RoomEvent } from './events.ts';
import { roomCreatedEvent } from './roomCreated.ts';
import { emptyState, type HandKind, type Language, type RoomState } from './state.ts';

export const MOD: Actor = { role: 'moderator' };
export const DISPLAY: Actor = { role: 'display' };
export const as = (participantId: string): Actor => ({ role: 'participant', participantId });

/** The room's creation time in every test room. */
export const T0 = 1_700_000_000_000;

let commandSeq = 0;
/** A command as the socket layer would pass it inward: schema-parsed, defaults filled in. */
export function cmd(type: CommandType, fields: Record<string, unknown> = {}): Command {
  return Command.parse({ id: `cmd-${++commandSeq}`, type, ...fields });
}

/** Counter-based ids per prefix: `p1, p2, …` for participants, `a1, a2, …` for agenda items, `t1, t2, …` for tables. */
export function counterIds(): (prefix: string) => string {
  const counters = new Map<string, number>();
  return (prefix) => {
    const n = (counters.get(prefix) ?? 0) + 1;
    counters.set(prefix, n);
    return `${prefix}${n}`;
  };
}

export interface TestRoom {
  readonly state: RoomState;
  /** Every appended event with its version (room.created is version 0). */
  readonly log: readonly VersionedEvent[];
  readonly now: number;
  ctx(): DecideContext;
  tick(ms: number): TestRoom;
  /** Runs `decide` and appends the events if accepted. */
  send(actor: Actor, type: CommandType, fields?: Record<string, unknown>): Decision;
  /** Like `send`, but the command must be accepted; returns its events. */
  must(actor: Actor, type: CommandType, fields?: Record<string, unknown>): RoomEvent[];
  /** Joins through `decideJoin`; returns the new participant id. */
  join(name?: string, tokenHash?: string): string;
  /** Joins several people and returns their ids in join order. */
  joinMany(n: number): string[];
  raise(participantId: string, kind?: HandKind): RoomEvent[];
  queueIds(): string[];
  append(events: readonly RoomEvent[]): void;
  /** Who is connected from now on (`ctx.online`); undefined: everyone counts as present. */
  setOnline(ids: readonly string[] | undefined): TestRoom;
  /** Runs `decideSystem` (a deadline the server attempts) and appends the events if accepted. */
  system(command: SystemCommand): Decision;
}

export interface TestRoomOptions {
  title?: string;
  language?: Language;
  settings?: Record<string, unknown>;
}

export function createTestRoom(options: TestRoomOptions = {}): TestRoom {
  let state = emptyState('room-1');
  let now = T0;
  const log: VersionedEvent[] = [];
  const newId = counterIds();
  let online: ReadonlySet<string> | undefined;
  const append = (events: readonly RoomEvent[]) => {
    for (const event of events) {
      state = apply(state, event);
      log.push({ ...event, version: log.length });
    }
  };
  const ctx = (): DecideContext => ({ now, newId, ...(online && { online }) });
  append([roomCreatedEvent({ roomId: 'room-1', joinCode: 'ABC234', title: options.title ?? 'Plenary', language: options.language ?? 'en', secondLanguage: null }, now)]);

  const room: TestRoom = {
    get state() {
      return state;
    },
    log,
    get now() {
      return now;
    },
    ctx,
    tick(ms) {
      now += ms;
      return room;
    },
    send(actor, type, fields) {
      const decision = decide(state, cmd(type, fields), actor, ctx());
      if (decision.ok) append(decision.events);
      return decision;
    },
    must(actor, type, fields) {
      const decision = room.send(actor, type, fields);
      if (!decision.ok) throw new Error(`${type} rejected: ${JSON.stringify(decision.error)}`);
      return decision.events;
    },
    join(name = 'Someone', tokenHash = `secret-token-hash-${log.length}`) {
      const decision = decideJoin(state, { name, language: null, tokenHash }, ctx());
      if (!decision.ok) throw new Error(`join rejected: ${JSON.stringify(decision.error)}`);
      append(decision.events);
      const joined = decision.events[0];
      if (joined?.type !== 'participant.joined') throw new Error('join produced no participant.joined');
      return joined.participantId;
    },
    joinMany(n) {
      return Array.from({ length: n }, (_, i) => room.join(`Person ${i + 1}`));
    },
    raise(participantId, kind = 'speak') {
      return room.must(as(participantId), 'hand.raise', { kind });
    },
    queueIds() {
      return state.floor.queue.map((e) => e.participantId);
    },
    append,
    setOnline(ids) {
      online = ids === undefined ? undefined : new Set(ids);
      return room;
    },
    system(command) {
      const decision = decideSystem(state, command, ctx());
      if (decision.ok) append(decision.events);
      return decision;
    },
  };
  if (options.settings) room.must(MOD, 'room.update', options.settings);
  return room;
}

export interface TablesRoom {
  room: TestRoom;
  /** Participant ids in join order. */
  people: string[];
  /** Table ids in creation order (`t1`, `t2`, …). */
  tables: string[];
}

/**
 * `people` join, `seats.length` tables are created and seated by hand (`seats[i]` holds
 * indexes into `people`), and `facilitators[i]` (an index into `people`) runs table i.
 * With `breakoutMs` the breakout starts. Joins happen before the tables exist, so nobody
 * is seated on joining.
 */
export function createTablesRoom(spec: { people: number; seats: number[][]; facilitators?: (number | null)[]; breakoutMs?: number; settings?: Record<string, unknown> }): TablesRoom {
  const room = createTestRoom(spec.settings ? { settings: spec.settings } : {});
  const people = room.joinMany(spec.people);
  const created = room.must(MOD, 'tables.create', { count: spec.seats.length });
  const tables = created[0]?.type === 'tables.created' ? created[0].tables.map((t) => t.tableId) : [];
  const seats = Object.fromEntries(spec.seats.map((idx, i) => [tables[i]!, idx.map((j) => people[j]!)]));
  room.must(MOD, 'tables.assign', { mode: 'manual', seats });
  (spec.facilitators ?? []).forEach((f, i) => {
    if (f !== null) room.must(MOD, 'table.facilitator', { tableId: tables[i], participantId: people[f] });
  });
  if (spec.breakoutMs !== undefined) room.must(MOD, 'breakout.start', { durationMs: spec.breakoutMs });
  return { room, people, tables };
}

/** The error of a rejected decision; fails loudly if it was accepted. */
export function errorOf(decision: Decision): { code: string; reason?: string } {
  if (decision.ok) throw new Error(`expected a rejection, got ${JSON.stringify(decision.events)}`);
  return { code: decision.error.code, ...(decision.error.reason !== undefined && { reason: decision.error.reason }) };
}

/** Event types of an accepted decision; fails loudly if it was rejected. */
export function typesOf(decision: Decision): string[] {
  if (!decision.ok) throw new Error(`expected acceptance, got ${JSON.stringify(decision.error)}`);
  return decision.events.map((e) => e.type);
}

/** One valid payload per command type (participant `p1`, agenda item `a1`, table `t1`; floor commands at the plenary). */
export const SAMPLE_FIELDS: Record<CommandType, Record<string, unknown>> = {
  'hand.raise': { kind: 'point' },
  'hand.lower': { participantId: 'p1' },
  'floor.next': {},
  'floor.give': { participantId: 'p1' },
  'floor.end': {},
  'queue.move': { participantId: 'p1', index: 0 },
  'timer.start': {},
  'timer.pause': {},
  'timer.add': { ms: 30_000 },
  'timer.reset': {},
  'agenda.add': { title: 'Item', plannedMs: 60_000 },
  'agenda.update': { itemId: 'a1', title: 'Renamed' },
  'agenda.remove': { itemId: 'a1' },
  'agenda.move': { itemId: 'a1', index: 0 },
  'agenda.start': { itemId: 'a1' },
  'agenda.finish': {},
  'participant.rename': { participantId: 'p1', name: 'New name' },
  'participant.remove': { participantId: 'p1' },
  'participant.revoke': { participantId: 'p1' },
  'room.update': { title: 'New title' },
  'projector.show': { view: 'draft' },
  'participant.profile': { participantId: 'p1', languages: ['fr'] },
  'participants.profile': { updates: [{ participantId: 'p1', languages: ['nl'] }] },
  'tables.create': { count: 2 },
  'table.update': { tableId: 't1', name: 'Garden' },
  'tables.clear': {},
  'tables.assign': { mode: 'random' },
  'table.seat': { participantId: 'p1', tableId: 't1' },
  'table.facilitator': { tableId: 't1', participantId: 'p1' },
  'breakout.start': { durationMs: 600_000 },
  'breakout.extend': { ms: 60_000 },
  'breakout.pause': {},
  'breakout.resume': {},
  'breakout.end': {},
  broadcast: { text: 'Two minutes left' },
  'broadcast.clear': {},
  'round.start': { tableId: 't1', turnMs: 60_000 },
  'round.skip': { tableId: 't1' },
  'round.stop': { tableId: 't1' },
  'help.request': { tableId: 't1' },
  'help.answer': { tableId: 't1' },
};

/** Deep copy of plain JSON data (room states and events are JSON by design). */
export function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
