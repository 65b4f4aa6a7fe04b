import { useSyncExternalStore } from 'react';

/** The app's pages. A tiny pathname router: six routes do not need a dependency. */
export type Route =
  | { name: 'landing' }
  | { name: 'join'; code: string | null }
  | { name: 'panelist'; roomId: string }
  | { name: 'moderator'; roomId: string }
  | { name: 'display'; roomId: string }
  /** A helper running one table's floor; which table is in the link's key. */
  | { name: 'facilitate'; roomId: string }
  | { name: 'not-found' };

const ROOM_ID = '([A-Za-z0-9_-]{1,64})';
const PATTERNS: [RegExp, (m: RegExpMatchArray) => Route][] = [
  [/^\/?(index\.html)?$/, () => ({ name: 'landing' })],
  [/^\/join\/?$/, () => ({ name: 'join', code: null })],
  [/^\/j\/([^/]{1,20})\/?$/, (m) => ({ name: 'join', code: decodeURIComponent(m[1]!) })],
  [new RegExp(`^/r/${ROOM_ID}/?$`), (m) => ({ name: 'panelist', roomId: m[1]! })],
  [new RegExp(`^/r/${ROOM_ID}/moderator/?$`), (m) => ({ name: 'moderator', roomId: m[1]! })],
  [new RegExp(`^/r/${ROOM_ID}/display/?$`), (m) => ({ name: 'display', roomId: m[1]! })],
  [new RegExp(`^/r/${ROOM_ID}/facilitate/?$`), (m) => ({ name: 'facilitate', roomId: m[1]! })],
];

export function parseRoute(pathname: string): Route {
  for (const [re, build] of PATTERNS) {
    const m = pathname.match(re);
    if (m) return build(m);
  }
  return { name: 'not-found' };
}

/** The secret key travels in the fragment (`#key=…`), which browsers never send to servers. */
export function keyFromHash(hash: string, name = 'key'): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const key = params.get(name);
  return key && key.length > 0 ? key : null;
}

const ROUTE_EVENT = 'dr:navigate';

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new Event(ROUTE_EVENT));
  window.scrollTo(0, 0);
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(ROUTE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(ROUTE_EVENT, onChange);
  };
}

/** The current pathname, re-rendering on navigation (strings compare by value, so this is stable). */
export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}
