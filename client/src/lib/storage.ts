import { LANGUAGES, type Language } from '@dr/shared';

/**
 * Everything this device remembers, in localStorage. Access can throw (private
 * mode, storage disabled, quota): the app then still works, it just forgets on reload.
 */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

function defaultStore(): KeyValueStore | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    // Storage blocked by the browser's privacy settings: behave as "nothing remembered".
    return null;
  }
}

export function readItem(key: string, store = defaultStore()): string | null {
  try {
    return store?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

export function writeItem(key: string, value: string | null, store = defaultStore()): void {
  try {
    if (value === null) store?.removeItem(key);
    else store?.setItem(key, value);
  } catch {
    // Quota or privacy mode: remembering is a convenience, not a requirement.
  }
}

export type KeyRole = 'moderator' | 'display';

/** Per-room keys, so one device can hold several rooms (and roles) at once. */
export const storageKeys = {
  language: 'dr.lang',
  roleKey: (roomId: string, role: KeyRole) => `dr.room.${roomId}.${role}`,
  identity: (roomId: string) => `dr.room.${roomId}.participant`,
  /** A facilitator link's key, per table: one helper may run different tables on different days. */
  facilitatorKey: (roomId: string, tableId: string) => `dr.room.${roomId}.facilitator.${tableId}`,
  /** The table this device last ran, so the facilitator page reopens without the link's fragment. */
  facilitatorTable: (roomId: string) => `dr.room.${roomId}.facilitator`,
  /** Languages picked on the join page, until the panelist's phone has sent them. */
  pendingLanguages: (roomId: string) => `dr.room.${roomId}.pending-languages`,
  codeRoom: (joinCode: string) => `dr.code.${joinCode}`,
  recentRooms: 'dr.recent-rooms',
};

/** A panelist's identity in one room: a reload resumes the same place in line. */
export interface Identity {
  participantId: string;
  token: string;
  name: string;
  joinCode: string;
  roomTitle: string;
}

export function loadIdentity(roomId: string, store = defaultStore()): Identity | null {
  const raw = readItem(storageKeys.identity(roomId), store);
  if (!raw) return null;
  try {
    const v = JSON.parse(raw) as Partial<Identity>;
    return typeof v.token === 'string' && typeof v.participantId === 'string' ? (v as Identity) : null;
  } catch {
    return null;
  }
}

export function saveIdentity(roomId: string, identity: Identity | null, store = defaultStore()): void {
  writeItem(storageKeys.identity(roomId), identity && JSON.stringify(identity), store);
  if (identity) writeItem(storageKeys.codeRoom(identity.joinCode), roomId, store);
}

/** Rooms created on this device, newest first, so an organiser can find their desk again. */
export interface RecentRoom {
  roomId: string;
  title: string;
  createdAt: number;
  language: Language;
}

const MAX_RECENT = 8;

export function loadRecentRooms(store = defaultStore()): RecentRoom[] {
  try {
    const v: unknown = JSON.parse(readItem(storageKeys.recentRooms, store) ?? '[]');
    return Array.isArray(v) ? (v as RecentRoom[]).filter((r) => typeof r?.roomId === 'string') : [];
  } catch {
    return [];
  }
}

export function addRecentRoom(room: RecentRoom, store = defaultStore()): void {
  const rest = loadRecentRooms(store).filter((r) => r.roomId !== room.roomId);
  writeItem(storageKeys.recentRooms, JSON.stringify([room, ...rest].slice(0, MAX_RECENT)), store);
}

export function forgetRoom(roomId: string, store = defaultStore()): void {
  writeItem(storageKeys.recentRooms, JSON.stringify(loadRecentRooms(store).filter((r) => r.roomId !== roomId)), store);
  const table = readItem(storageKeys.facilitatorTable(roomId), store);
  if (table) writeItem(storageKeys.facilitatorKey(roomId, table), null, store);
  writeItem(storageKeys.facilitatorTable(roomId), null, store);
  writeItem(storageKeys.pendingLanguages(roomId), null, store);
  writeItem(storageKeys.roleKey(roomId, 'moderator'), null, store);
  writeItem(storageKeys.roleKey(roomId, 'display'), null, store);
  writeItem(storageKeys.identity(roomId), null, store);
}

/** Remembers a facilitator link once the server said which table it runs. */
export function rememberFacilitatorKey(roomId: string, tableId: string, key: string, store = defaultStore()): void {
  writeItem(storageKeys.facilitatorKey(roomId, tableId), key, store);
  writeItem(storageKeys.facilitatorTable(roomId), tableId, store);
}

/** The key of the table this device last ran in the room, if any. */
export function loadFacilitatorKey(roomId: string, store = defaultStore()): string | null {
  const table = readItem(storageKeys.facilitatorTable(roomId), store);
  return table ? readItem(storageKeys.facilitatorKey(roomId, table), store) : null;
}

const isLanguage = (x: unknown): x is Language => (LANGUAGES as readonly unknown[]).includes(x);

export function savePendingLanguages(roomId: string, languages: readonly Language[], store = defaultStore()): void {
  writeItem(storageKeys.pendingLanguages(roomId), languages.length > 0 ? JSON.stringify(languages) : null, store);
}

/** The languages still to send, and forgets them: they are sent once, not on every reload. */
export function takePendingLanguages(roomId: string, store = defaultStore()): Language[] | null {
  const raw = readItem(storageKeys.pendingLanguages(roomId), store);
  if (!raw) return null;
  writeItem(storageKeys.pendingLanguages(roomId), null, store);
  try {
    const v: unknown = JSON.parse(raw);
    const languages = Array.isArray(v) ? [...new Set(v.filter(isLanguage))].slice(0, 2) : [];
    return languages.length > 0 ? languages : null;
  } catch {
    return null;
  }
}
