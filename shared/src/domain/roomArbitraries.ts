/**
 * Test helper (not exported from the package): fast-check generators for room commands,
 * actors and step sequences. Ids come from small pools that mix people and items that
 * exist with ones that never will (`ghost`, `nope`), so commands are valid for the
 * schema but often invalid for the state.
 */
import fc from 'fast-check';
import { COMMAND_TYPES, type CommandType } from '../protocol.ts';
import type { Actor } from './actor.ts';
import { COMMAND_ROLES } from './authorize.ts';
import { HAND_KINDS } from './state.ts';

/** How many people join before a session's first step (`p1`…`p4`). */
export const INITIAL_PARTICIPANTS = 4;
/** `p5`/`p6` may join during a session; `ghost` never exists. */
export const PARTICIPANT_POOL = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'ghost'] as const;
export const ITEM_POOL = ['a1', 'a2', 'a3', 'nope'] as const;

const pid = fc.constantFrom(...PARTICIPANT_POOL);
const itemId = fc.constantFrom(...ITEM_POOL);
const index = fc.oneof(fc.nat({ max: 6 }), fc.constant(10_000));
const turnMs = fc.integer({ min: 10_000, max: 600_000 });
const none = fc.constant({});

type Fields = Record<string, unknown>;

export interface CommandOptions {
  /** Include `queue.move`. */
  moves?: boolean;
  /** What `room.update` may set `progressiveStack` to. */
  progressive?: readonly boolean[];
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
  return {
    'hand.raise': fc.record({ kind: fc.constantFrom(...HAND_KINDS) }),
    'hand.lower': fc.option(pid, { nil: undefined }).map((p): Fields => (p === undefined ? {} : { participantId: p })),
    'floor.next': none,
    'floor.give': fc.record({ participantId: pid }),
    'floor.end': none,
    'queue.move': fc.record({ participantId: pid, index }),
    'timer.start': none,
    'timer.pause': none,
    'timer.add': fc.record({ ms: fc.integer({ min: -600_000, max: 600_000 }).filter((n) => n !== 0) }),
    'timer.reset': none,
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
    'room.update': fc.record(settings, { requiredKeys: [] }),
  };
}

/** How often each command is picked: the floor gets most of the traffic, as in a real plenary. */
const WEIGHTS: Partial<Record<CommandType, number>> = {
  'hand.raise': 12, 'hand.lower': 3, 'floor.next': 4, 'floor.give': 3, 'floor.end': 2, 'queue.move': 4, 'timer.add': 2,
  'agenda.add': 2, 'agenda.start': 2,
};

export const actorArbitrary: fc.Arbitrary<Actor> = fc.oneof(
  { weight: 3, arbitrary: pid.map((participantId): Actor => ({ role: 'participant', participantId })) },
  { weight: 2, arbitrary: fc.constant<Actor>({ role: 'moderator' }) },
  { weight: 1, arbitrary: fc.constant<Actor>({ role: 'display' }) },
);

export type Step =
  | { kind: 'tick'; ms: number }
  | { kind: 'join' }
  | { kind: 'command'; actor: Actor; type: CommandType; fields: Fields };

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
  const types = COMMAND_TYPES.filter((t) => options.moves !== false || t !== 'queue.move');
  return fc.oneof(
    ...types.map((type) => ({
      weight: WEIGHTS[type] ?? 1,
      arbitrary: fc
        .record({ fit: fc.nat(9), who: pid, random: actorArbitrary, fields: fields[type] })
        .map(({ fit, who, random, fields: f }): Step => ({ kind: 'command', actor: fittingActor(type, fit, who, random, f), type, fields: f })),
    })),
  );
}

/** A session: commands from random actors, a clock that advances randomly, late joiners. */
export function stepsArbitrary(options: CommandOptions = {}, maxLength = 50): fc.Arbitrary<Step[]> {
  const step = fc.oneof(
    { weight: 2, arbitrary: fc.integer({ min: 0, max: 300_000 }).map((ms): Step => ({ kind: 'tick', ms })) },
    { weight: 1, arbitrary: fc.constant<Step>({ kind: 'join' }) },
    { weight: 10, arbitrary: commandStep(options) },
  );
  return fc.array(step, { minLength: 1, maxLength, size: 'max' });
}
