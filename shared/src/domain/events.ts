/**
 * Room events: the log's entries, past tense. Produced only by the server's `decide`;
 * every client folds them with the same `apply`. Schemas document the wire shape.
 */
import { z } from 'zod';
import { HAND_KINDS, LANGUAGES } from './state.ts';

const Lang = z.enum(LANGUAGES);
const Kind = z.enum(HAND_KINDS);
const ClockSchema = z.object({ durationMs: z.number(), startedAt: z.number().nullable(), elapsedMs: z.number() });
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
export const HandRaised = ev('hand.raised', { participantId: z.string(), kind: Kind, index: z.number() });
export const HandLowered = ev('hand.lowered', { participantId: z.string(), byModerator: z.boolean() });
export const QueueMoved = ev('queue.moved', { participantId: z.string(), index: z.number() });
/** The clock starts running at `at`. */
export const FloorGiven = ev('floor.given', { participantId: z.string(), kind: Kind, clock: ClockSchema });
/** `spokenMs`: the turn's length, folded into the speaker's statistics. */
export const FloorEnded = ev('floor.ended', { participantId: z.string(), spokenMs: z.number() });
export const TimerStarted = ev('timer.started', {});
export const TimerPaused = ev('timer.paused', {});
export const TimerAdjusted = ev('timer.adjusted', { ms: z.number() });
/** Back to a full turn (`durationMs`: the current turn length, +/− adjustments dropped), stopped. */
export const TimerReset = ev('timer.reset', { durationMs: z.number() });
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

export const RoomEvent = z.discriminatedUnion('type', [
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
