/**
 * Client network loss mid-update for y-websocket draft writers. Each writer types one word
 * at a time into the plenary draft through a CutProxy, which cuts the connection carrying
 * that word's update frame: before it reaches the server, right after it was written to
 * the server, or once the update is stored (an observer on a direct connection has it).
 * The provider reconnects on its own and its sync step 2 carries whatever the server lacks.
 * The audit: every copy — writers, observer, and a fresh reader of the store — holds every
 * word exactly once.
 */
import { CUT_POINTS, type CutPoint } from './networkLoss.ts';
import type { CutProxy, CutProxyHooks, ProxiedConnection } from './CutProxy.ts';
import { quantile } from './hallWorkload.ts';
import { eventually, openDraft, type DraftClient } from './DraftClient.ts';

export interface DraftLossFigures {
  writers: number;
  words: number;
  cuts: Record<CutPoint, number>;
  /** Times a writer's provider connected again after a cut. */
  reconnects: number;
  /** Copies compared (writers, observer, fresh reader) and whether they are equal. */
  copies: number;
  converged: boolean;
  /** Words missing from, or present more than once in, any copy. */
  missing: number;
  duplicated: number;
  /** From each cut until the writer was connected again and the word stored, in ms. */
  recoverMs: number[];
}

interface Plan {
  word: Buffer;
  point: CutPoint;
  conn: ProxiedConnection | null;
  cutAt?: number;
}

/** A y-websocket sync-protocol update: message type 0 (sync), then 2 (update). */
const isUpdate = (p: Buffer) => p[0] === 0 && p[1] === 2;

function draftCutHooks(plans: Set<Plan>): CutProxyHooks {
  return {
    fromClient: (conn, frame) => {
      if (frame.opcode !== 2 || !isUpdate(frame.payload)) return 'pass';
      const plan = [...plans].find((p) => !p.conn && frame.payload.includes(p.word));
      if (!plan) return 'pass';
      plan.conn = conn;
      if (plan.point !== 'after') plan.cutAt = Date.now();
      if (plan.point === 'before') return 'cut';
      if (plan.point === 'mid') return 'pass-then-cut';
      return 'pass';
    },
  };
}

const count = (text: string, word: string) => text.split(word).length - 1;

async function createRoom(apiUrl: string): Promise<{ roomId: string; moderatorKey: string }> {
  const res = await fetch(`${apiUrl}/api/rooms`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'Draft loss' }) });
  return (await res.json()) as { roomId: string; moderatorKey: string };
}

/** One writer: each word's update is cut at the next point in turn; waits for the word to be stored. */
async function write(w: DraftClient, index: number, perWriter: number, observer: DraftClient, plans: Set<Plan>): Promise<{ words: string[]; reconnects: number; cuts: Record<CutPoint, number>; recoverMs: number[] }> {
  const recoverMs: number[] = [];
  const cuts = { before: 0, mid: 0, after: 0 };
  let connects = 0;
  w.provider.on('status', ({ status }: { status: string }) => void (status === 'connected' && connects++));
  const words: string[] = [];
  for (let n = 0; n < perWriter; n++) {
    const word = `[w${index}-${n}]`;
    const plan: Plan = { word: Buffer.from(word), point: CUT_POINTS[(n + index) % CUT_POINTS.length]!, conn: null };
    const connectsBefore = connects;
    plans.add(plan);
    w.text.insert(w.text.length, word);
    words.push(word);
    await eventually(`${word} sent`, () => plan.conn !== null, 10_000);
    if (plan.point === 'after') {
      await eventually(`${word} stored`, () => observer.text.toString().includes(word), 10_000);
      plan.cutAt = Date.now();
      plan.conn!.cutNow();
    }
    plans.delete(plan);
    cuts[plan.point]++;
    // A new connection, not the old one before its close was noticed.
    await eventually(`${word} stored after the reconnect`, () => connects > connectsBefore && w.provider.synced && observer.text.toString().includes(word), 10_000);
    recoverMs.push(Date.now() - plan.cutAt!);
  }
  return { words, reconnects: connects, cuts, recoverMs };
}

/** `writers` moderators type `perWriter` words each through `proxy`; `apiUrl` reaches the servers directly. */
export async function draftsUnderNetworkLoss(proxy: CutProxy, apiUrl: string, opts: { writers: number; perWriter: number }): Promise<DraftLossFigures> {
  const plans = new Set<Plan>();
  proxy.hooks = draftCutHooks(plans);
  const room = await createRoom(apiUrl);
  const observer = openDraft(apiUrl, room.roomId, { kind: 'plenary' }, room.moderatorKey);
  const writers = Array.from({ length: opts.writers }, () => openDraft(proxy.url, room.roomId, { kind: 'plenary' }, room.moderatorKey));
  const clients = [observer, ...writers];
  try {
    await Promise.all(clients.map((c) => c.synced(20_000)));
    const results = await Promise.all(writers.map((w, i) => write(w, i, opts.perWriter, observer, plans)));
    const words = results.flatMap((r) => r.words);
    const reader = openDraft(apiUrl, room.roomId, { kind: 'plenary' }, room.moderatorKey);
    clients.push(reader);
    await reader.synced(20_000);
    const exact = (c: DraftClient) => words.every((word) => count(c.text.toString(), word) === 1);
    // Converged: every copy equal and each word exactly once (generous: the last syncs may be in flight).
    const converged = await eventually('copies converged', () => clients.every((c) => c.text.toString() === observer.text.toString() && exact(c)), 20_000).then(
      () => true,
      () => false,
    );
    const texts = clients.map((c) => c.text.toString());
    return {
      writers: opts.writers,
      words: words.length,
      cuts: Object.fromEntries(CUT_POINTS.map((p) => [p, results.reduce((n, r) => n + r.cuts[p], 0)])) as Record<CutPoint, number>,
      reconnects: results.reduce((n, r) => n + r.reconnects, 0),
      copies: clients.length,
      converged,
      missing: words.filter((word) => texts.some((t) => count(t, word) === 0)).length,
      duplicated: words.filter((word) => texts.some((t) => count(t, word) > 1)).length,
      recoverMs: results.flatMap((r) => r.recoverMs),
    };
  } finally {
    clients.forEach((c) => c.close());
  }
}

export function formatDraftLoss(f: DraftLossFigures): string {
  return (
    `${f.writers} writers, words ${f.words}, cuts ${f.cuts.before + f.cuts.mid + f.cuts.after} (before the server ${f.cuts.before}, mid-update ${f.cuts.mid}, after it was stored ${f.cuts.after}), ` +
    `reconnects ${f.reconnects}; ${f.copies} copies ${f.converged ? 'converged' : 'DID NOT converge'}, words missing ${f.missing}, duplicated ${f.duplicated}; ` +
    `cut to word stored after the reconnect p50 ${quantile(f.recoverMs, 0.5)} ms, p99 ${quantile(f.recoverMs, 0.99)} ms`
  );
}
