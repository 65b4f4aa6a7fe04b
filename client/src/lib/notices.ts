/**
 * Short-lived messages ("Could not reach the server…"), shown in one live region.
 * A module-level store: any code may notify, one <Notices> renders them.
 */
export type NoticeTone = 'info' | 'error' | 'success';

export interface Notice {
  id: number;
  text: string;
  tone: NoticeTone;
}

const NOTICE_MS = 6000;
let notices: readonly Notice[] = [];
let nextId = 1;
const listeners = new Set<() => void>();

function emit(next: readonly Notice[]): void {
  notices = next;
  for (const l of listeners) l();
}

export function notify(text: string, tone: NoticeTone = 'info'): void {
  // The same message twice in a row (a double click) is shown once.
  if (notices.some((n) => n.text === text)) return;
  const id = nextId++;
  emit([...notices, { id, text, tone }].slice(-3));
  setTimeout(() => dismiss(id), NOTICE_MS);
}

export function dismiss(id: number): void {
  emit(notices.filter((n) => n.id !== id));
}

export function subscribeNotices(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const getNotices = (): readonly Notice[] => notices;
