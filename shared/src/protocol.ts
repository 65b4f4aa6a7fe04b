/**
 * The wire protocol: one zod schema per message. Types and socket.io event maps are
 * inferred from here; `docs/protocol.md` is generated from these schemas.
 */
import { z } from 'zod';
import { HAND_KINDS, LANGUAGES } from './domain/state.ts';
import { ERROR_CODES } from './errors.ts';
import { RoomEvent } from './domain/events.ts';

/** Bumped on any incompatible change; clients send theirs in the socket `auth`. */
export const PROTOCOL_VERSION = 1;
/** Oldest client protocol this server still speaks. */
export const MIN_PROTOCOL_VERSION = 1;

export const LIMITS = {
  /** socket.io `maxHttpBufferSize`: a bigger frame closes the connection. */
  MAX_FRAME_BYTES: 64 * 1024,
  MAX_TITLE_CHARS: 200,
  MAX_NAME_CHARS: 60,
  MAX_COMMAND_ID_CHARS: 64,
  MAX_AGENDA_ITEMS: 200,
  MAX_PARTICIPANTS: 2000,
  MAX_TIMER_STEP_MS: 60 * 60_000,
  MAX_DURATION_MS: 24 * 60 * 60_000,
  /** `sync` answers with a snapshot rather than more than this many events. */
  MAX_SYNC_EVENTS: 1000,
} as const;

// ---------- field schemas ----------

/**
 * Control characters (C0, C1), bidi overrides and line separators have no place in a name
 * or title: on a projector they could reorder or hide what other people's names say.
 */
const FORBIDDEN_CHARS = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/;
/** Trimmed, non-empty, bounded text without control characters. */
const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !FORBIDDEN_CHARS.test(s), 'control and direction-override characters are not allowed');

export const LanguageSchema = z.enum(LANGUAGES);
export const HandKindSchema = z.enum(HAND_KINDS);
export const Id = z.string().min(1).max(64);
export const CommandId = z.string().min(1).max(LIMITS.MAX_COMMAND_ID_CHARS);
const Ms = z.number().int().min(0).max(LIMITS.MAX_DURATION_MS);
const TurnMs = z.number().int().min(10_000).max(LIMITS.MAX_TIMER_STEP_MS);
const Index = z.number().int().min(0).max(10_000);

// ---------- commands (client → server, `socket.emit("command", cmd, ack)`) ----------

const cmd = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.object({ id: CommandId, type: z.literal(type), ...shape });

/** Floor: a participant asks for the floor. */
export const HandRaiseCommand = cmd('hand.raise', { tableId: Id.optional(), kind: HandKindSchema.default('speak') });
/** Floor: lower one's own hand, or (moderator) anyone's. */
export const HandLowerCommand = cmd('hand.lower', { tableId: Id.optional(), participantId: Id.optional() });
/** Moderator: the head of the queue gets the floor. */
export const FloorNextCommand = cmd('floor.next', { tableId: Id.optional(),});
/** Moderator: give the floor to anyone present, queued or not. */
export const FloorGiveCommand = cmd('floor.give', { tableId: Id.optional(), participantId: Id });
/** Moderator: end the current turn. */
export const FloorEndCommand = cmd('floor.end', { tableId: Id.optional(),});
/** Moderator: place a queue entry at a 0-based index; it then stays where it was put. */
export const QueueMoveCommand = cmd('queue.move', { tableId: Id.optional(), participantId: Id, index: Index });
/** Moderator: start or resume the speaking clock. */
export const TimerStartCommand = cmd('timer.start', { tableId: Id.optional(),});
export const TimerPauseCommand = cmd('timer.pause', { tableId: Id.optional(),});
/** Moderator: add (or with a negative value, remove) time from the current turn. */
export const TimerAddCommand = cmd('timer.add', { tableId: Id.optional(),
  ms: z.number().int().min(-LIMITS.MAX_TIMER_STEP_MS).max(LIMITS.MAX_TIMER_STEP_MS).refine((n) => n !== 0, 'must not be 0'),
});
/** Moderator: back to the full turn duration, stopped. */
export const TimerResetCommand = cmd('timer.reset', { tableId: Id.optional(),});
export const AgendaAddCommand = cmd('agenda.add', {
  title: text(LIMITS.MAX_TITLE_CHARS),
  plannedMs: Ms,
  speakingMs: TurnMs.nullable().default(null),
});
export const AgendaUpdateCommand = cmd('agenda.update', {
  itemId: Id,
  title: text(LIMITS.MAX_TITLE_CHARS).optional(),
  plannedMs: Ms.optional(),
  speakingMs: TurnMs.nullable().optional(),
});
export const AgendaRemoveCommand = cmd('agenda.remove', { itemId: Id });
export const AgendaMoveCommand = cmd('agenda.move', { itemId: Id, index: Index });
/** Moderator: make an item the current one (finishing the previous). */
export const AgendaStartCommand = cmd('agenda.start', { itemId: Id });
/** Moderator: finish the current item. */
export const AgendaFinishCommand = cmd('agenda.finish', {});
/** Moderator renames anyone; a participant may rename themself. */
export const ParticipantRenameCommand = cmd('participant.rename', { participantId: Id, name: text(LIMITS.MAX_NAME_CHARS) });
/** Moderator: remove from the room and revoke the token. */
export const ParticipantRemoveCommand = cmd('participant.remove', { participantId: Id });
/** Moderator: revoke a token (lost phone); the person stays listed and may join again. */
export const ParticipantRevokeCommand = cmd('participant.revoke', { participantId: Id });
/** Moderator: room title, languages and session settings. */
export const RoomUpdateCommand = cmd('room.update', {
  title: text(LIMITS.MAX_TITLE_CHARS).optional(),
  language: LanguageSchema.optional(),
  secondLanguage: LanguageSchema.nullable().optional(),
  joinOpen: z.boolean().optional(),
  progressiveStack: z.boolean().optional(),
  queueLimit: z.number().int().min(1).max(100).nullable().optional(),
  defaultSpeakingMs: TurnMs.optional(),
  breakoutWarningMs: z.number().int().min(1_000).max(10 * 60_000).optional(),
  lateArrivalTableId: Id.nullable().optional(),
});

// ---------- breakout tables ----------

const Languages = z.array(LanguageSchema).max(2);
const AttributeName = z.string().trim().min(1).max(40);
const Attributes = z.record(AttributeName, z.string().trim().max(60)).refine((r) => Object.keys(r).length <= 12, 'at most 12 attributes');

/** Moderator: a participant's deliberation languages and balancing attributes; a participant: their own languages. */
export const ParticipantProfileCommand = cmd('participant.profile', { participantId: Id, languages: Languages.optional(), attributes: Attributes.optional() });
/** Moderator: many profiles at once (a roster CSV the client matched to participants). */
export const ParticipantsProfileCommand = cmd('participants.profile', {
  updates: z.array(z.object({ participantId: Id, languages: Languages.optional(), attributes: Attributes.optional() })).min(1).max(LIMITS.MAX_PARTICIPANTS),
});
/** Moderator: add `count` numbered tables (speaking `languages`, default any). */
export const TablesCreateCommand = cmd('tables.create', { count: z.number().int().min(1).max(200), languages: Languages.default([]) });
export const TableUpdateCommand = cmd('table.update', { tableId: Id, name: text(60).optional(), languages: Languages.optional() });
/** Moderator: remove every table (not during a breakout). */
export const TablesClearCommand = cmd('tables.clear', {});
/**
 * Moderator: seat everyone. `random` and `balanced` seat every participant of the room
 * (online or not) with table sizes within one; `manual` takes `seats` (table id → ids).
 */
export const TablesAssignCommand = cmd('tables.assign', {
  mode: z.enum(['random', 'balanced', 'manual']),
  balanceOn: z.array(AttributeName).max(6).default([]),
  seats: z.record(Id, z.array(Id).max(LIMITS.MAX_PARTICIPANTS)).optional(),
});
/** Moderator: move one person to a table (null: no table). */
export const TableSeatCommand = cmd('table.seat', { participantId: Id, tableId: Id.nullable() });
export const TableFacilitatorCommand = cmd('table.facilitator', { tableId: Id, participantId: Id.nullable() });
export const BreakoutStartCommand = cmd('breakout.start', { durationMs: z.number().int().min(1_000).max(LIMITS.MAX_DURATION_MS) });
export const BreakoutExtendCommand = cmd('breakout.extend', { ms: z.number().int().min(-LIMITS.MAX_TIMER_STEP_MS).max(LIMITS.MAX_TIMER_STEP_MS).refine((n) => n !== 0, 'must not be 0') });
export const BreakoutPauseCommand = cmd('breakout.pause', {});
export const BreakoutResumeCommand = cmd('breakout.resume', {});
export const BreakoutEndCommand = cmd('breakout.end', {});
/** Moderator: a message shown prominently on every phone and table view. */
export const BroadcastCommand = cmd('broadcast', { text: text(280) });
export const BroadcastClearCommand = cmd('broadcast.clear', {});
/** Moderator: what the projector shows, the room (floor, tables) or the plenary draft. */
export const ProjectorShowCommand = cmd('projector.show', { view: z.enum(['room', 'draft']) });
/** Facilitator or moderator: a go-round where each member speaks `turnMs` in turn. */
export const RoundStartCommand = cmd('round.start', { tableId: Id, turnMs: z.number().int().min(1_000).max(LIMITS.MAX_TIMER_STEP_MS) });
/** Facilitator or moderator: pass the floor to the next member now. */
export const RoundSkipCommand = cmd('round.skip', { tableId: Id });
export const RoundStopCommand = cmd('round.stop', { tableId: Id });
/** A member or the facilitator of the table calls the moderators. */
export const HelpRequestCommand = cmd('help.request', { tableId: Id });
/** Moderator: the call was answered. */
export const HelpAnswerCommand = cmd('help.answer', { tableId: Id });

export const Command = z.discriminatedUnion('type', [
  HandRaiseCommand,
  HandLowerCommand,
  FloorNextCommand,
  FloorGiveCommand,
  FloorEndCommand,
  QueueMoveCommand,
  TimerStartCommand,
  TimerPauseCommand,
  TimerAddCommand,
  TimerResetCommand,
  AgendaAddCommand,
  AgendaUpdateCommand,
  AgendaRemoveCommand,
  AgendaMoveCommand,
  AgendaStartCommand,
  AgendaFinishCommand,
  ParticipantRenameCommand,
  ParticipantRemoveCommand,
  ParticipantRevokeCommand,
  RoomUpdateCommand,
  ParticipantProfileCommand,
  ParticipantsProfileCommand,
  TablesCreateCommand,
  TableUpdateCommand,
  TablesClearCommand,
  TablesAssignCommand,
  TableSeatCommand,
  TableFacilitatorCommand,
  BreakoutStartCommand,
  BreakoutExtendCommand,
  BreakoutPauseCommand,
  BreakoutResumeCommand,
  BreakoutEndCommand,
  BroadcastCommand,
  BroadcastClearCommand,
  RoundStartCommand,
  RoundSkipCommand,
  RoundStopCommand,
  ProjectorShowCommand,
  HelpRequestCommand,
  HelpAnswerCommand,
]);
export type Command = z.infer<typeof Command>;
export type CommandType = Command['type'];
export type CommandOf<T extends CommandType> = Extract<Command, { type: T }>;
export const COMMAND_TYPES = Command.options.map((o) => o.shape.type.value) as CommandType[];

// ---------- acks and server → client messages ----------

export const WireErrorSchema = z.object({
  code: z.enum(Object.keys(ERROR_CODES) as [keyof typeof ERROR_CODES, ...(keyof typeof ERROR_CODES)[]]),
  message: z.string(),
  reason: z.string().optional(),
});

/** Answer to `command`: the version of the command's last event, or the current one if it produced none. */
export const CommandAck = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), version: z.number().int() }),
  z.object({ ok: z.literal(false), error: WireErrorSchema }),
]);
export type CommandAck = z.infer<typeof CommandAck>;

/** Client → server: `socket.emit("sync", {since}, ack)` after a gap or a reconnect. */
export const SyncRequest = z.object({ since: z.number().int().min(-1) });
export type SyncRequest = z.infer<typeof SyncRequest>;

/** An event as it reaches a given audience: the event, or `hidden` in its place. */
export const HiddenEvent = z.object({ version: z.number().int(), type: z.literal('hidden') });
export const VersionedEvent = z.intersection(RoomEvent, z.object({ version: z.number().int() }));
export type VersionedEvent = z.infer<typeof RoomEvent> & { version: number };
export type HiddenEvent = z.infer<typeof HiddenEvent>;
export type ProjectedEvent = VersionedEvent | HiddenEvent;

/** Server → client, once after connect and after a `sync` that needed a fresh state. */
export const SnapshotMessage = z.object({ version: z.number().int(), state: z.unknown() });
/** Server → client: consecutive events; `version` is the last one's. */
export const EventsMessage = z.object({ version: z.number().int(), events: z.array(z.unknown()) });

export const SyncAck = z.union([
  z.object({ ok: z.literal(true), version: z.number().int(), events: z.array(z.unknown()) }),
  z.object({ ok: z.literal(true), version: z.number().int(), state: z.unknown() }),
  z.object({ ok: z.literal(false), error: WireErrorSchema }),
]);

/** Server → client (moderators and display): who is connected. Not a log event; coalesced. */
export const PresenceMessage = z.object({ online: z.array(Id) });

/** Server → client just before it disconnects for good: the token was revoked, the person removed, or the room deleted. */
export const ClosedMessage = z.object({ reason: z.enum(['revoked', 'removed', 'deleted']) });
export type ClosedMessage = z.infer<typeof ClosedMessage>;
export type PresenceMessage = z.infer<typeof PresenceMessage>;

/**
 * Server → every client of one node: whether that node reaches the room's storage (Redis).
 * `down`: commands are answered `unavailable` and nothing is saved; `up`: working again.
 * Sent once right after connect (after `snapshot`, whatever the state) and then on every
 * change. A node reports `down` only after storage has been unreachable for about a second
 * (the server's `STORAGE_DOWN_REPORT_DELAY_MS`), so a brief reconnect shows nothing; `up` is sent at once.
 */
export const StorageMessage = z.object({ status: z.enum(['up', 'down']) });
export type StorageMessage = z.infer<typeof StorageMessage>;

/** Client → server: `socket.emit("clock", ack)`; the ack carries the server's `Date.now()`. */
export const ClockAck = z.object({ now: z.number() });

/** Socket.io `auth` on connect. `key`: moderator key, display key or participant token. */
export const SocketAuth = z.object({
  roomId: Id,
  key: z.string().min(16).max(200),
  protocol: z.number().int().optional(),
});
export type SocketAuth = z.infer<typeof SocketAuth>;

/** Who a socket is, as decided at connect. */
export const Role = z.enum(['moderator', 'display', 'participant', 'facilitator']);
export type Role = z.infer<typeof Role>;
/** Server → client right after connect, before `snapshot`. */
export const WelcomeMessage = z.object({
  role: Role,
  participantId: Id.nullable(),
  /** For a facilitator link: the table it runs. */
  tableId: Id.nullable().optional(),
  protocol: z.number().int(),
  serverNow: z.number(),
  /** Base for links and QR codes (`PUBLIC_URL`, or the address the client used). */
  publicUrl: z.string(),
});
export type WelcomeMessage = z.infer<typeof WelcomeMessage>;

// ---------- HTTP ----------

export const CreateRoomRequest = z.object({
  title: text(LIMITS.MAX_TITLE_CHARS),
  language: LanguageSchema.default('en'),
  secondLanguage: LanguageSchema.nullable().default(null),
});
export type CreateRoomRequest = z.infer<typeof CreateRoomRequest>;

export const CreateRoomResponse = z.object({
  roomId: Id,
  joinCode: z.string().length(6),
  moderatorKey: z.string(),
  displayKey: z.string(),
  moderatorUrl: z.string(),
  displayUrl: z.string(),
  joinUrl: z.string(),
});
export type CreateRoomResponse = z.infer<typeof CreateRoomResponse>;

export const JoinRequest = z.object({
  joinCode: z.string().trim().min(1).max(20),
  name: text(LIMITS.MAX_NAME_CHARS),
  language: LanguageSchema.nullable().default(null),
});
export type JoinRequest = z.infer<typeof JoinRequest>;

export const JoinResponse = z.object({ roomId: Id, participantId: Id, token: z.string(), roomTitle: z.string() });
export type JoinResponse = z.infer<typeof JoinResponse>;

export const HttpErrorBody = z.object({ error: WireErrorSchema });

/** Socket.io event names, in one place. */
export const EV = {
  command: 'command',
  sync: 'sync',
  clock: 'clock',
  snapshot: 'snapshot',
  events: 'events',
  presence: 'presence',
  welcome: 'welcome',
  /** Server → client before it disconnects a revoked/removed participant or a deleted room. */
  closed: 'closed',
  /** Server → client: the node's storage is reachable (`up`) or not (`down`); see `StorageMessage`. */
  storage: 'storage',
} as const;
