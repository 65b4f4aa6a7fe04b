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

export interface RoomSettings {
  joinOpen: boolean;
  progressiveStack: boolean;
  /** Max times one person may enter the queue in this session; null = no limit. */
  queueLimit: number | null;
  defaultSpeakingMs: number;
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
}

export const DEFAULT_SPEAKING_MS = 2 * 60_000;

/** The state before the first event (`room.created`) is applied. */
export function emptyState(roomId: string): RoomState {
  return {
    roomId,
    joinCode: '',
    title: '',
    language: 'en',
    secondLanguage: null,
    createdAt: 0,
    settings: { joinOpen: true, progressiveStack: false, queueLimit: null, defaultSpeakingMs: DEFAULT_SPEAKING_MS },
    participants: {},
    floor: { queue: [], speaker: null },
    agenda: { items: [], activeId: null },
  };
}

export function activeAgendaItem(state: RoomState): AgendaItem | null {
  return state.agenda.items.find((i) => i.id === state.agenda.activeId) ?? null;
}

/** Speaking time for a new turn: the active agenda item's, else the room default. */
export function turnDurationMs(state: RoomState): number {
  return activeAgendaItem(state)?.speakingMs ?? state.settings.defaultSpeakingMs;
}

export function activeParticipants(state: RoomState): Participant[] {
  return Object.values(state.participants).filter((p) => p.status === 'active');
}
