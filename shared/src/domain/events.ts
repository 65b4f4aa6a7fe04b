/**
 * Room events: the log's entries, past tense. Produced only by the server's `decide`;
 * every client folds them with the same `apply`. Schemas document the wire shape.
 */
import { z } from 'zod';
import { HAND_KINDS, LANGUAGES } from './state.ts';

const Lang = z.enum(LANGUAGES);
const Kind = z.enum(HAND_KINDS);
const ClockSchema = z.object({ durationMs: z.number(), startedAt: z.number().nullable(), elapsedMs: z.number() });
/** Present on floor events at a breakout table; absent on the plenary floor. */
const TableId = z.string().optional();
const Langs = z.array(Lang);
const ev = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.object({ type: z.literal(type), at: z.number(), ...shape });

export const RoomCreated = ev('room.created', {
  roomId: z.string(),
  /** Not secret: shown on the projector so people can join. */
  joinCode: z.string(),
  title: z.string(),
  language: Lang,
  secondLanguage: Lang.nullable(),
});
export const RoomUpdated = ev('room.updated', {
  changes: z.object({
    title: z.string().optional(),
    language: Lang.optional(),
    secondLanguage: Lang.nullable().optional(),
    joinOpen: z.boolean().optional(),
    progressiveStack: z.boolean().optional(),
    queueLimit: z.number().nullable().optional(),
    defaultSpeakingMs: z.number().optional(),
    breakoutWarningMs: z.number().optional(),
    lateArrivalTableId: z.string().nullable().optional(),
  }),
});
/** `tokenHash` never reaches a client: projections strip it. */
export const ParticipantJoined = ev('participant.joined', {
  participantId: z.string(),
  name: z.string(),
  language: Lang.nullable(),
  tokenHash: z.string().optional(),
});
export const ParticipantRenamed = ev('participant.renamed', { participantId: z.string(), name: z.string() });
export const ParticipantRemoved = ev('participant.removed', { participantId: z.string() });
export const ParticipantRevoked = ev('participant.revoked', { participantId: z.string() });
/** `index`: where the entry was inserted, by the queue rule. */
export const HandRaised = ev('hand.raised', { tableId: TableId, participantId: z.string(), kind: Kind, index: z.number() });
export const HandLowered = ev('hand.lowered', { tableId: TableId, participantId: z.string(), byModerator: z.boolean() });
export const QueueMoved = ev('queue.moved', { tableId: TableId, participantId: z.string(), index: z.number() });
/** The clock starts running at `at`. */
export const FloorGiven = ev('floor.given', { tableId: TableId, participantId: z.string(), kind: Kind, clock: ClockSchema });
/** `spokenMs`: the turn's length, folded into the speaker's statistics. */
export const FloorEnded = ev('floor.ended', { tableId: TableId, participantId: z.string(), spokenMs: z.number() });
export const TimerStarted = ev('timer.started', { tableId: TableId,});
export const TimerPaused = ev('timer.paused', { tableId: TableId,});
export const TimerAdjusted = ev('timer.adjusted', { tableId: TableId, ms: z.number() });
/** Back to a full turn (`durationMs`: the current turn length, +/− adjustments dropped), stopped. */
export const TimerReset = ev('timer.reset', { tableId: TableId, durationMs: z.number() });
export const AgendaAdded = ev('agenda.added', {
  itemId: z.string(),
  title: z.string(),
  plannedMs: z.number(),
  speakingMs: z.number().nullable(),
});
export const AgendaUpdated = ev('agenda.updated', {
  itemId: z.string(),
  changes: z.object({
    title: z.string().optional(),
    plannedMs: z.number().optional(),
    speakingMs: z.number().nullable().optional(),
  }),
});
export const AgendaRemoved = ev('agenda.removed', { itemId: z.string() });
export const AgendaMoved = ev('agenda.moved', { itemId: z.string(), index: z.number() });
export const AgendaStarted = ev('agenda.started', { itemId: z.string() });
export const AgendaFinished = ev('agenda.finished', { itemId: z.string() });

/** Deliberation languages and balancing attributes. Attributes reach moderators only. */
export const ParticipantProfiled = ev('participant.profiled', {
  participantId: z.string(),
  languages: Langs.optional(),
  attributes: z.record(z.string(), z.string()).optional(),
});
export const TablesCreated = ev('tables.created', {
  tables: z.array(z.object({ tableId: z.string(), name: z.string(), number: z.number(), languages: Langs })),
});
export const TableUpdated = ev('table.updated', { tableId: z.string(), changes: z.object({ name: z.string().optional(), languages: Langs.optional() }) });
export const TablesCleared = ev('tables.cleared', {});
/** The whole seating at once; `seats` maps table id → member ids. */
export const TablesAssigned = ev('tables.assigned', { mode: z.enum(['random', 'balanced', 'manual']), seats: z.record(z.string(), z.array(z.string())) });
/** One person moved (`tableId` null: no table). */
export const ParticipantSeated = ev('participant.seated', { participantId: z.string(), tableId: z.string().nullable() });
export const FacilitatorSet = ev('table.facilitator.set', { tableId: z.string(), participantId: z.string().nullable() });
export const BreakoutStarted = ev('breakout.started', { clock: ClockSchema });
export const BreakoutExtended = ev('breakout.extended', { ms: z.number() });
export const BreakoutPaused = ev('breakout.paused', {});
export const BreakoutResumed = ev('breakout.resumed', {});
/** Fired once per end time, `settings.breakoutWarningMs` before it. */
export const BreakoutWarned = ev('breakout.warned', { remainingMs: z.number() });
/** Everyone returns to the plenary. `reason: "time"` when the clock ran out. */
export const BreakoutEnded = ev('breakout.ended', { reason: z.enum(['moderator', 'time']) });
export const BroadcastSent = ev('broadcast.sent', { broadcastId: z.string(), text: z.string() });
export const BroadcastCleared = ev('broadcast.cleared', {});
export const ProjectorShown = ev('projector.shown', { view: z.enum(['room', 'draft']) });
export const RoundStarted = ev('round.started', { tableId: z.string(), order: z.array(z.string()), turnMs: z.number() });
/**
 * The round moves on: the floor goes to `to` (null: the round is over). `skipped` names
 * members passed over because they were absent.
 */
export const RoundAdvanced = ev('round.advanced', {
  tableId: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  position: z.number(),
  skipped: z.array(z.string()),
  reason: z.enum(['start', 'time', 'ended_early', 'skipped']),
  clock: ClockSchema.nullable(),
});
export const RoundStopped = ev('round.stopped', { tableId: z.string() });
export const HelpRequested = ev('help.requested', { tableId: z.string() });
export const HelpAnswered = ev('help.answered', { tableId: z.string() });

export const RoomEvent = z.discriminatedUnion('type', [
  ParticipantProfiled,
  TablesCreated,
  TableUpdated,
  TablesCleared,
  TablesAssigned,
  ParticipantSeated,
  FacilitatorSet,
  BreakoutStarted,
  BreakoutExtended,
  BreakoutPaused,
  BreakoutResumed,
  BreakoutWarned,
  BreakoutEnded,
  BroadcastSent,
  BroadcastCleared,
  ProjectorShown,
  RoundStarted,
  RoundAdvanced,
  RoundStopped,
  HelpRequested,
  HelpAnswered,
  RoomCreated,
  RoomUpdated,
  ParticipantJoined,
  ParticipantRenamed,
  ParticipantRemoved,
  ParticipantRevoked,
  HandRaised,
  HandLowered,
  QueueMoved,
  FloorGiven,
  FloorEnded,
  TimerStarted,
  TimerPaused,
  TimerAdjusted,
  TimerReset,
  AgendaAdded,
  AgendaUpdated,
  AgendaRemoved,
  AgendaMoved,
  AgendaStarted,
  AgendaFinished,
]);
export type RoomEvent = z.infer<typeof RoomEvent>;
export type RoomEventType = RoomEvent['type'];
export type EventOf<T extends RoomEventType> = Extract<RoomEvent, { type: T }>;
