/**
 * Test helper (not exported from the package): fast-check generators for room commands,
 * actors and step sequences. Ids come from small pools that mix people and items that
 * exist with ones that never will (`ghost`, `nope`), so commands are valid for the
 * schema but often invalid for the state.
 */
import fc from 'fast-check';
import { COMMAND_TYPES, type CommandType } from '../protocol.ts';
import type { Actor } from './actor.ts';
import { COMMAND_PERMISSIONS, COMMAND_ROLES } from './authorize.ts';
import type { SystemCommand } from './deadlines.ts';
import { HAND_KINDS, tableById, tableOf, type RoomState } from './state.ts';

/** How many people join before a session's first step (`p1`…`p4`). */
export const INITIAL_PARTICIPANTS = 4;
/** `p5`/`p6` may join during a session; `ghost` never exists. */
export const PARTICIPANT_POOL = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'ghost'] as const;
export const ITEM_POOL = ['a1', 'a2', 'a3', 'nope'] as const;
export const TABLE_POOL = ['t1', 't2', 't3', 'nowhere'] as const;

const pid = fc.constantFrom(...PARTICIPANT_POOL);
const itemId = fc.constantFrom(...ITEM_POOL);
const index = fc.oneof(fc.nat({ max: 6 }), fc.constant(10_000));
const turnMs = fc.integer({ min: 10_000, max: 600_000 });
const none = fc.constant({});
const anyTableId = fc.constantFrom(...TABLE_POOL);
const languages = fc.subarray(['fr', 'nl', 'de', 'en'], { maxLength: 2 });

type Fields = Record<string, unknown>;

export interface CommandOptions {
  /** Include `queue.move`. */
  moves?: boolean;
  /** What `room.update` may set `progressiveStack` to. */
  progressive?: readonly boolean[];
  /**
   * Sessions about breakout tables: they start in a breakout, floor commands name a table
   * four times in five, go-rounds are frequent and participants act where they belong.
   */
  tables?: boolean;
  /** Include `breakout.start` (default true); without it no table floor is ever used. */
  breakouts?: boolean;
}

/** Schema-valid payloads per command type. */
export function fieldArbitraries(options: CommandOptions = {}): Record<CommandType, fc.Arbitrary<Fields>> {
  const progressive = options.progressive ?? [false, true];
  const settings: Record<string, fc.Arbitrary<unknown>> = {
    title: fc.constantFrom('Plenary', 'Afternoon session'),
    joinOpen: fc.boolean(),
    queueLimit: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }),
    defaultSpeakingMs: turnMs,
  };
  if (progressive.length > 0) settings.progressiveStack = fc.constantFrom(...progressive);
  const tableId = options.tables ? fc.constantFrom('t1', 't2', 't1', 't2', 't3') : anyTableId;
  const maybeTable = fc.option(tableId, { nil: undefined, freq: options.tables ? 5 : 2 });
  /** Adds an optional `tableId` to a floor command's fields. */
  const atTable = (a: fc.Arbitrary<Fields>) => fc.tuple(a, maybeTable).map(([f, t]): Fields => (t === undefined ? f : { ...f, tableId: t }));
  return {
    'hand.raise': atTable(fc.record({ kind: fc.constantFrom(...HAND_KINDS) })),
    'hand.lower': atTable(fc.option(pid, { nil: undefined }).map((p): Fields => (p === undefined ? {} : { participantId: p }))),
    'floor.next': atTable(none),
    'floor.give': atTable(fc.record({ participantId: pid })),
    'floor.end': atTable(none),
    'queue.move': atTable(fc.record({ participantId: pid, index })),
    'timer.start': atTable(none),
    'timer.pause': atTable(none),
    'timer.add': atTable(fc.record({ ms: fc.integer({ min: -600_000, max: 600_000 }).filter((n) => n !== 0) })),
    'timer.reset': atTable(none),
    'agenda.add': fc.record({ title: fc.constantFrom('Intro', 'Budget'), plannedMs: fc.integer({ min: 0, max: 3_600_000 }), speakingMs: fc.option(turnMs, { nil: null }) }),
    'agenda.update': fc.record(
      { itemId, title: fc.constant('Renamed'), plannedMs: fc.integer({ min: 0, max: 3_600_000 }), speakingMs: fc.option(turnMs, { nil: null }) },
      { requiredKeys: ['itemId'] },
    ),
    'agenda.remove': fc.record({ itemId }),
    'agenda.move': fc.record({ itemId, index }),
    'agenda.start': fc.record({ itemId }),
    'agenda.finish': none,
    'participant.rename': fc.record({ participantId: pid, name: fc.constantFrom('Ana', 'Bo') }),
    'participant.remove': fc.record({ participantId: pid }),
    'participant.revoke': fc.record({ participantId: pid }),
    'projector.show': fc.record({ view: fc.constantFrom('room' as const, 'draft' as const) }),
    'room.update': fc.record(settings, { requiredKeys: [] }),
    'participant.profile': fc.record({ participantId: pid, languages, attributes: fc.constantFrom({}, { age: 'young' }, { age: 'old', gender: 'f' }) }, { requiredKeys: ['participantId'] }),
    'participants.profile': fc.array(fc.record({ participantId: pid, languages }), { minLength: 1, maxLength: 3 }).map((updates) => ({ updates })),
    'tables.create': fc.record({ count: fc.integer({ min: 1, max: 3 }), languages }),
    'table.update': fc.record({ tableId, name: fc.constant('Garden'), languages }, { requiredKeys: ['tableId'] }),
    'tables.clear': none,
    'tables.assign': fc.constantFrom<Fields>(
      { mode: 'random' },
      { mode: 'balanced', balanceOn: ['age'] },
      { mode: 'manual', seats: { t1: ['p1', 'p2'], t2: ['p3'] } },
      { mode: 'manual', seats: { t1: ['p4', 'p5'], t3: ['p1', 'p2', 'p6'] } },
      { mode: 'manual', seats: { t1: ['p1', 'p1'] } },
    ),
    'table.seat': fc.record({ participantId: pid, tableId: fc.option(tableId, { nil: null }) }),
    'table.facilitator': fc.record({ tableId, participantId: fc.option(pid, { nil: null }) }),
    'breakout.start': fc.record({ durationMs: fc.integer({ min: 10_000, max: 1_800_000 }) }),
    'breakout.extend': fc.record({ ms: fc.constantFrom(60_000, -30_000, 300_000) }),
    'breakout.pause': none,
    'breakout.resume': none,
    'breakout.end': none,
    broadcast: fc.constant({ text: 'Five minutes left' }),
    'broadcast.clear': none,
    'round.start': fc.record({ tableId, turnMs }),
    'round.skip': fc.record({ tableId }),
    'round.stop': fc.record({ tableId }),
    'help.request': fc.record({ tableId }),
    'help.answer': fc.record({ tableId }),
  };
}

/**
 * How often each command is picked: the floor gets most of the traffic, as in a real
 * plenary; tables are created, seated and sent into breakout often enough that most
 * sessions reach table floors and go-rounds.
 */
const WEIGHTS: Partial<Record<CommandType, number>> = {
  'hand.raise': 12, 'hand.lower': 3, 'floor.next': 4, 'floor.give': 3, 'floor.end': 3, 'queue.move': 4, 'timer.add': 2,
  'agenda.add': 2, 'agenda.start': 2,
  'tables.create': 2, 'tables.assign': 3, 'table.seat': 2, 'table.facilitator': 3, 'breakout.start': 4, 'round.start': 3, 'round.skip': 2,
};
const TABLE_WEIGHTS: Partial<Record<CommandType, number>> = {
  ...WEIGHTS, 'floor.give': 4, 'tables.create': 1, 'tables.assign': 1, 'table.facilitator': 2, 'round.start': 5, 'round.skip': 2, 'round.stop': 1, 'help.request': 2,
  // Changes no floor or table: table sessions need their steps elsewhere.
  'projector.show': 0,
};

export const actorArbitrary: fc.Arbitrary<Actor> = fc.oneof(
  { weight: 3, arbitrary: pid.map((participantId): Actor => ({ role: 'participant', participantId })) },
  { weight: 2, arbitrary: fc.constant<Actor>({ role: 'moderator' }) },
  { weight: 1, arbitrary: fc.constant<Actor>({ role: 'display' }) },
);

export type Step =
  | { kind: 'tick'; ms: number }
  | { kind: 'join' }
  /** Who is connected from now on (null: everyone counts as present). */
  | { kind: 'presence'; online: string[] | null }
  /** Wait for the room's next deadline, if any, and attempt it. */
  | { kind: 'due' }
  /** A system command as a (possibly stale) server node would attempt it. */
  | { kind: 'system'; command: SystemCommand }
  /** `scoped`: a participant acts where they belong (see `scopeStep`). */
  | { kind: 'command'; actor: Actor; type: CommandType; fields: Fields; scoped?: boolean };

/**
 * Eight times in ten the command comes from a role allowed to send it (a participant
 * then usually acts on themself), otherwise from any actor: rejections by role stay
 * common, yet most steps reach the state-dependent rules.
 */
function fittingActor(type: CommandType, fit: number, who: string, random: Actor, fields: Fields): Actor {
  if (fit >= 8) return random;
  const roles = COMMAND_ROLES[type];
  const asParticipant = roles.includes('participant') && (fit % 2 === 0 || !roles.includes('moderator'));
  if (!asParticipant) return { role: 'moderator' };
  return { role: 'participant', participantId: typeof fields.participantId === 'string' && fit < 6 ? fields.participantId : who };
}

export function commandStep(options: CommandOptions = {}): fc.Arbitrary<Step> {
  const fields = fieldArbitraries(options);
  const types = COMMAND_TYPES.filter((t) => (options.moves !== false || t !== 'queue.move') && (options.breakouts !== false || t !== 'breakout.start'));
  const weights = options.tables ? TABLE_WEIGHTS : WEIGHTS;
  const scopedBelow = options.tables ? 8 : 6;
  return fc.oneof(
    ...types.map((type) => ({
      weight: weights[type] ?? 1,
      arbitrary: fc
        .record({ fit: fc.nat(9), who: pid, random: actorArbitrary, fields: fields[type] })
        .map(({ fit, who, random, fields: f }): Step => ({ kind: 'command', actor: fittingActor(type, fit, who, random, f), type, fields: f, scoped: fit < scopedBelow })),
    })),
  );
}

const byModerator = (type: CommandType, fields: Fields): Step => ({ kind: 'command', actor: { role: 'moderator' }, type, fields });
/** Tables `t1` (p1, p2; p1 facilitates) and `t2` (p3, p4; p3 facilitates). */
const SEATED: Step[] = [
  byModerator('tables.create', { count: 2 }),
  byModerator('tables.assign', { mode: 'manual', seats: { t1: ['p1', 'p2'], t2: ['p3', 'p4'] } }),
  byModerator('table.facilitator', { tableId: 't1', participantId: 'p1' }),
  byModerator('table.facilitator', { tableId: 't2', participantId: 'p3' }),
];
/** The same tables in a 20-minute breakout. */
const IN_BREAKOUT: Step[] = [...SEATED, byModerator('breakout.start', { durationMs: 1_200_000 })];

/**
 * How a session begins: in a plain plenary, with seated tables, or in a breakout. Random
 * commands alone rarely build a breakout with a facilitator, so half of the sessions
 * start in one; shrinking may still drop the prelude.
 */
const preludeArbitrary: fc.Arbitrary<Step[]> = fc.constantFrom<Step[]>([], SEATED, IN_BREAKOUT, IN_BREAKOUT);

export const systemCommandArbitrary: fc.Arbitrary<SystemCommand> = fc.oneof(
  fc.constant<SystemCommand>({ type: 'breakout.warn' }),
  fc.constant<SystemCommand>({ type: 'breakout.expire' }),
  fc.record({ tableId: anyTableId, position: fc.nat(4) }).map((f): SystemCommand => ({ type: 'round.advance', ...f })),
);

/** A session: commands from random actors, a clock that advances randomly, late joiners, presence changes and deadlines. */
export function stepsArbitrary(options: CommandOptions = {}, maxLength = 50): fc.Arbitrary<Step[]> {
  const step = fc.oneof(
    { weight: 2, arbitrary: fc.integer({ min: 0, max: 300_000 }).map((ms): Step => ({ kind: 'tick', ms })) },
    { weight: 1, arbitrary: fc.constant<Step>({ kind: 'join' }) },
    { weight: 1, arbitrary: fc.option(fc.subarray([...PARTICIPANT_POOL]), { nil: null }).map((online): Step => ({ kind: 'presence', online })) },
    { weight: 1, arbitrary: fc.constant<Step>({ kind: 'due' }) },
    { weight: 1, arbitrary: systemCommandArbitrary.map((command): Step => ({ kind: 'system', command })) },
    { weight: 10, arbitrary: commandStep(options) },
  );
  const prelude = options.tables ? fc.constant(IN_BREAKOUT) : options.breakouts === false ? fc.constantFrom<Step[]>([], SEATED) : preludeArbitrary;
  return fc.tuple(prelude, fc.array(step, { minLength: 1, maxLength, size: 'max' })).map(([start, rest]) => [...start, ...rest]);
}

/**
 * A scoped step as the participant's phone would send it: a table command goes to the
 * table they sit at, and a facilitator command at a table comes from that table's
 * facilitator. Unscoped steps, moderators and the display are sent as generated.
 */
export function scopeStep(state: RoomState, step: Extract<Step, { kind: 'command' }>): { actor: Actor; fields: Fields } {
  const { actor, fields, type } = step;
  if (!step.scoped || actor.role !== 'participant' || typeof fields.tableId !== 'string') return { actor, fields };
  const permission = COMMAND_PERMISSIONS[type];
  const forOther = typeof fields.participantId === 'string' && fields.participantId !== actor.participantId;
  if (permission === 'facilitator' || (permission === 'self_or_facilitator' && forOther)) {
    const table = tableById(state, fields.tableId);
    const facilitatorId = table?.facilitatorId;
    // A facilitator gives the floor to someone at their table: the person named if they sit there, else a member the name picks.
    const members = table?.members ?? [];
    const named = String(fields.participantId);
    const stranger = type === 'floor.give' && members.length > 0 && !members.includes(named);
    const pick = Math.max(0, PARTICIPANT_POOL.indexOf(named as (typeof PARTICIPANT_POOL)[number])) % Math.max(1, members.length);
    return { actor: facilitatorId ? { role: 'participant', participantId: facilitatorId } : actor, fields: stranger ? { ...fields, participantId: members[pick] } : fields };
  }
  const own = tableOf(state, actor.participantId);
  return { actor, fields: own ? { ...fields, tableId: own.id } : fields };
}
