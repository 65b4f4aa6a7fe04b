/**
 * Command ids: unique per room and actor. `crypto.randomUUID` exists only in secure
 * contexts, and the app is often served over plain http on a hall's Wi-Fi, so use
 * `getRandomValues` (available everywhere) and fall back to Math.random.
 */
export function randomId(bytes = 12): string {
  const buf = new Uint8Array(bytes);
  const c = globalThis.crypto;
  if (c && typeof c.getRandomValues === 'function') c.getRandomValues(buf);
  else for (let i = 0; i < bytes; i++) buf[i] = Math.floor(Math.random() * 256);
  return Array.from(buf, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A command id: a random part plus a counter, so ids from one tab never collide. */
export function commandIdFactory(random: () => string = randomId): () => string {
  const prefix = random();
  let n = 0;
  return () => `${prefix}-${(n++).toString(36)}`;
}
