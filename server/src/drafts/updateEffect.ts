import * as Y from 'yjs';

/**
 * Whether applying `update` would change `doc`: new content, or deletions of content not
 * yet deleted. A read-only client's sync step 2 usually repeats what the server has; only
 * a real change deserves a permission-denied answer.
 */
export function wouldChange(doc: Y.Doc, update: Uint8Array): boolean {
  const known = Y.decodeStateVector(Y.encodeStateVector(doc));
  const { to } = Y.parseUpdateMeta(update);
  for (const [client, end] of to) if (end > (known.get(client) ?? 0)) return true;
  const { ds } = Y.decodeUpdate(update);
  if (ds.clients.size === 0) return false;
  const deleted = Y.createDeleteSetFromStructStore(doc.store);
  for (const [client, ranges] of ds.clients) {
    const have = deleted.clients.get(client) ?? [];
    for (const r of ranges) if (r.len > 0 && !covered(have, r.clock, r.len)) return true;
  }
  return false;
}

/** Whether the sorted, merged ranges cover [clock, clock + len). */
function covered(ranges: { clock: number; len: number }[], clock: number, len: number): boolean {
  let at = clock;
  const end = clock + len;
  for (const r of ranges) {
    if (r.clock > at) return false;
    if (r.clock + r.len > at) at = r.clock + r.len;
    if (at >= end) return true;
  }
  return at >= end;
}
