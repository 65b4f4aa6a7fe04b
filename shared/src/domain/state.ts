import type { Clock } from './clock.ts';

/** Languages the UI speaks; also the room's projector language. */
export const LANGUAGES = ['fr', 'nl', 'de', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Kinds of floor request, in priority order: points of order first, then replies, then hands. */
export const HAND_KINDS = ['point', 'reply', 'speak'] as const;
export type HandKind = (typeof HAND_KINDS)[number];

export type ParticipantStatus = 'active' | 'revoked' | 'removed';

export interface Participant {
  id: string;
  name: string;
  language: Language | null;
  joinedAt: number;
  status: ParticipantStatus;
  /** SHA-256 of the participant's token. Server-only: projections strip it. */
  tokenHash?: string;
  /** Total speaking time so far, from the log; feeds the progressive stack. */
  spokenMs: number;
  turns: number;
  /** How many times this person entered the queue (for the optional per-session limit). */
  raises: number;
  /** Languages they can deliberate in; empty = may sit at any table. */
  languages: Language[];
  /** Balancing attributes (age band, gender, …). Personal data: only moderators see them. */
  attributes: Record<string, string>;
}

export interface QueueEntry {
  participantId: string;
  kind: HandKind;
  raisedAt: number;
  /**
   * Set once the moderator placed the entry with `queue.move`. The class rule places new
   * hands among unpinned entries only, so a pinned entry keeps its place relative to the
   * people around it.
   */
  pinned: boolean;
}

export interface Speaker {
  participantId: string;
  kind: HandKind;
  clock: Clock;
  since: number;
  /** Speaking time this turn before the last `timer.reset`, so statistics keep it. */
  spokenBeforeResetMs: number;
}

export interface Floor {
  queue: QueueEntry[];
  speaker: Speaker | null;
}

export type AgendaStatus = 'pending' | 'active' | 'done';

export interface AgendaItem {
  id: string;
  title: string;
  plannedMs: number;
  /** Default speaking time per turn during this item; null falls back to the room default. */
  speakingMs: number | null;
  status: AgendaStatus;
  startedAt: number | null;
  endedAt: number | null;
}

/** A round-robin at a table: each member in `order` speaks `turnMs` in turn. */
export interface TableRound {
  order: string[];
  /** Index in `order` of the current speaker. */
  position: number;
  turnMs: number;
}

export interface Table {
  id: string;
  name: string;
  number: number;
  /** One language, two for a bilingual table with an interpreter, or none (any). */
  languages: Language[];
  members: string[];
  facilitatorId: string | null;
  floor: Floor;
  round: TableRound | null;
  /** Set while the table's call for help is unanswered. */
  helpRequestedAt: number | null;
}

export interface Breakout {
  status: 'running' | 'paused';
  /** Counts down the whole breakout; the tables return to the plenary when it runs out. */
  clock: Clock;
  startedAt: number;
  /** The one-minute warning (its lead is `settings.breakoutWarningMs`) was sent for the current end time. */
  warned: boolean;
}

export interface Broadcast {
  id: string;
  text: string;
  at: number;
}

export interface RoomSettings {
  joinOpen: boolean;
  progressiveStack: boolean;
  /** Max times one person may enter the queue in this session; null = no limit. */
  queueLimit: number | null;
  defaultSpeakingMs: number;
  /** How long before a breakout ends every phone is warned. */
  breakoutWarningMs: number;
  /** Where people who join while tables exist are seated; null = the smallest table they can sit at. */
  lateArrivalTableId: string | null;
}

export interface RoomState {
  roomId: string;
  joinCode: string;
  title: string;
  language: Language;
  secondLanguage: Language | null;
  createdAt: number;
  settings: RoomSettings;
  /** Insertion-ordered: join order. */
  participants: Record<string, Participant>;
  floor: Floor;
  agenda: { items: AgendaItem[]; activeId: string | null };
  tables: Table[];
  breakout: Breakout | null;
  /** The moderator's latest message to every table, until cleared. */
  broadcast: Broadcast | null;
  /** What the hall's projector shows: the room (floor, agenda, tables) or the plenary draft. */
  projector: { view: 'room' | 'draft' };
  /** Groups seated together in earlier breakouts, newest last, to avoid repeat meetings. */
  seatingHistory: string[][][];
}

export const DEFAULT_SPEAKING_MS = 2 * 60_000;
export const DEFAULT_BREAKOUT_WARNING_MS = 60_000;
/** Seating rounds remembered for repeat-meeting avoidance. */
export const SEATING_HISTORY_ROUNDS = 10;

/** The state before the first event (`room.created`) is applied. */
export function emptyState(roomId: string): RoomState {
  return {
    roomId,
    joinCode: '',
    title: '',
    language: 'en',
    secondLanguage: null,
    createdAt: 0,
    settings: {
      joinOpen: true,
      progressiveStack: false,
      queueLimit: null,
      defaultSpeakingMs: DEFAULT_SPEAKING_MS,
      breakoutWarningMs: DEFAULT_BREAKOUT_WARNING_MS,
      lateArrivalTableId: null,
    },
    participants: {},
    floor: { queue: [], speaker: null },
    agenda: { items: [], activeId: null },
    tables: [],
    breakout: null,
    broadcast: null,
    projector: { view: 'room' },
    seatingHistory: [],
  };
}

/** The projector's view; rooms folded before the field existed show the room. */
export function projectorView(state: RoomState): 'room' | 'draft' {
  return state.projector?.view ?? 'room';
}

export function activeAgendaItem(state: RoomState): AgendaItem | null {
  return state.agenda.items.find((i) => i.id === state.agenda.activeId) ?? null;
}

/** Speaking time for a new turn: a table's go-round, else the active agenda item's, else the room default. */
export function turnDurationMs(state: RoomState, tableId?: string): number {
  const round = tableId === undefined ? null : (tableById(state, tableId)?.round ?? null);
  return round?.turnMs ?? activeAgendaItem(state)?.speakingMs ?? state.settings.defaultSpeakingMs;
}

export function activeParticipants(state: RoomState): Participant[] {
  return Object.values(state.participants).filter((p) => p.status === 'active');
}

export function tableById(state: RoomState, tableId: string): Table | undefined {
  return state.tables.find((t) => t.id === tableId);
}

/** The table a participant sits at, if any. */
export function tableOf(state: RoomState, participantId: string): Table | undefined {
  return state.tables.find((t) => t.members.includes(participantId));
}

/** The plenary floor, or a table's; undefined for an unknown table. */
export function floorOf(state: RoomState, tableId: string | undefined): Floor | undefined {
  return tableId === undefined ? state.floor : tableById(state, tableId)?.floor;
}
