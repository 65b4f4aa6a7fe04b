/**
 * Client network loss mid-command, scripted. Moderators add agenda items (one item per
 * command, titled with the command id, so a duplicate would show as a second item) through
 * a CutProxy that cuts the connection of every command at one of three points:
 * - `before`: the command frame never reaches the server;
 * - `mid`: the frame is written to the server, then the connection is destroyed at once;
 * - `after`: the server's ack is on its way back and is dropped, then the connection cut.
 * The client reconnects (socket.io does it on its own) and re-sends the same id until it
 * gets an ack. The audit counts each command's items in the store's log.
 */
import { io, type Socket } from 'socket.io-client';
import { EV, PROTOCOL_VERSION, type CommandAck, type VersionedEvent } from '@dr/shared';
import type { CutProxy, CutProxyHooks } from './CutProxy.ts';
import { quantile } from './hallWorkload.ts';
import { eventually } from './DraftClient.ts';

export const CUT_POINTS = ['before', 'mid', 'after'] as const;
export type CutPoint = (typeof CUT_POINTS)[number];

export type ReadLog = (roomId: string) => Promise<VersionedEvent[]>;

export interface CommandLossFigures {
  commands: number;
  cuts: Record<CutPoint, number>;
  /** Re-sends after a cut (same id). */
  retried: number;
  /** Commands whose first attempt had already taken effect when the client reconnected. */
  appliedBeforeRetry: number;
  appliedOnce: number;
  duplicated: number;
  lost: number;
  /** Retries whose ack named another version than the log (or than the dropped first ack). */
  ackMismatches: number;
  /** From each cut to the retry's ack, in ms: reconnect plus re-send. */
  recoverMs: number[];
}

interface Plan {
  point: CutPoint;
  fired: boolean;
  ackId?: string;
  /** The server's answer to the first attempt, dropped by the proxy (`after` only). */
  firstAck?: CommandAck;
  cutAt?: number;
}

interface Outcome {
  id: string;
  plan: Plan;
  ack: CommandAck;
  retries: number;
  appliedBeforeRetry: boolean;
  ackedAt: number;
}

/** `42<ackId>["command",{…}]`: a socket.io event with an ack id, as the client writes it. */
const COMMAND_FRAME = /^42(\d+)(\[.*)$/s;

/** Cuts the connection carrying each planned command, at the plan's point. */
export function commandCutHooks(plans: Map<string, Plan>): CutProxyHooks {
  return {
    fromClient: (conn, frame) => {
      const m = frame.opcode === 1 ? COMMAND_FRAME.exec(frame.text()) : null;
      if (!m) return 'pass';
      const [event, cmd] = JSON.parse(m[2]!) as [string, { id?: string }];
      const plan = event === EV.command && cmd.id ? plans.get(cmd.id) : undefined;
      if (!plan || plan.fired) return 'pass';
      plan.fired = true;
      plan.ackId = m[1]!;
      if (plan.point !== 'after') plan.cutAt = Date.now();
      if (plan.point === 'before') return 'cut';
      if (plan.point === 'mid') return 'pass-then-cut';
      conn.tag.awaiting = plan;
      return 'pass';
    },
    fromServer: (conn, frame) => {
      const plan = conn.tag.awaiting as Plan | undefined;
      const text = frame.opcode === 1 ? frame.text() : '';
      if (!plan || !text.startsWith(`43${plan.ackId}[`)) return 'pass';
      plan.firstAck = (JSON.parse(text.slice(2 + plan.ackId!.length)) as CommandAck[])[0];
      plan.cutAt = Date.now();
      return 'cut';
    },
  };
}

async function createRoom(apiUrl: string): Promise<{ roomId: string; moderatorKey: string }> {
  const res = await fetch(`${apiUrl}/api/rooms`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'Network loss' }) });
  if (res.status !== 201) throw new Error(`room not created: ${res.status}`);
  return (await res.json()) as { roomId: string; moderatorKey: string };
}

async function send(socket: Socket, cmd: Record<string, unknown>): Promise<CommandAck | null> {
  try {
    return (await socket.timeout(5_000).emitWithAck(EV.command, cmd)) as CommandAck;
  } catch {
    return null;
  }
}

/** One moderator, one room: `count` commands in a row, each cut once, each retried until acked. */
async function lane(proxy: CutProxy, apiUrl: string, index: number, name: string, count: number, plans: Map<string, Plan>, readLog: ReadLog): Promise<{ roomId: string; outcomes: Outcome[] }> {
  const room = await createRoom(apiUrl);
  const socket = io(proxy.url, {
    auth: { roomId: room.roomId, key: room.moderatorKey, protocol: PROTOCOL_VERSION },
    transports: ['websocket'],
    forceNew: true,
    reconnectionDelay: 50,
    reconnectionDelayMax: 250,
  });
  const outcomes: Outcome[] = [];
  // A refusal from the server's middleware (`unavailable`) leaves the socket inactive: retry, as the app does.
  socket.on('connect_error', () => !socket.active && setTimeout(() => socket.connect(), 100));
  try {
    await eventually('moderator connected', () => socket.connected, 10_000);
    for (let n = 0; n < count; n++) {
      const id = `${name}-${n}`;
      const plan: Plan = { point: CUT_POINTS[(n + index) % CUT_POINTS.length]!, fired: false };
      plans.set(id, plan);
      const cmd = { id, type: 'agenda.add', title: id, plannedMs: 60_000 };
      let ack = await send(socket, cmd);
      let retries = 0;
      let appliedBeforeRetry = false;
      while (!ack?.ok) {
        if (ack && ack.error.code !== 'unavailable') throw new Error(`${id}: unexpected refusal ${JSON.stringify(ack)}`);
        await eventually(`${id}: reconnected`, () => socket.connected, 10_000);
        if (retries === 0) appliedBeforeRetry = (await readLog(room.roomId)).some((e) => e.type === 'agenda.added' && e.title === id);
        retries++;
        ack = await send(socket, cmd);
      }
      plans.delete(id);
      outcomes.push({ id, plan, ack, retries, appliedBeforeRetry, ackedAt: Date.now() });
    }
  } finally {
    socket.close();
  }
  return { roomId: room.roomId, outcomes };
}

/**
 * `lanes` moderators in parallel, `perLane` commands each (at most 200: a room's agenda
 * limit), through `proxy` to the server at `apiUrl`'s cluster; `readLog` reads a room's
 * log from the store.
 */
export async function commandsUnderNetworkLoss(proxy: CutProxy, apiUrl: string, opts: { lanes: number; perLane: number; readLog: ReadLog }): Promise<CommandLossFigures> {
  const plans = new Map<string, Plan>();
  proxy.hooks = commandCutHooks(plans);
  const run = Math.random().toString(36).slice(2, 7);
  const lanes = await Promise.all(Array.from({ length: opts.lanes }, (_, i) => lane(proxy, apiUrl, i, `${run}-${i}`, opts.perLane, plans, opts.readLog)));
  const f: CommandLossFigures = { commands: 0, cuts: { before: 0, mid: 0, after: 0 }, retried: 0, appliedBeforeRetry: 0, appliedOnce: 0, duplicated: 0, lost: 0, ackMismatches: 0, recoverMs: [] };
  for (const { roomId, outcomes } of lanes) {
    const log = await opts.readLog(roomId);
    for (const o of outcomes) {
      const items = log.filter((e) => e.type === 'agenda.added' && e.title === o.id);
      f.commands++;
      if (o.plan.fired) f.cuts[o.plan.point]++;
      if (o.plan.cutAt) f.recoverMs.push(o.ackedAt - o.plan.cutAt);
      f.retried += o.retries;
      if (o.appliedBeforeRetry) f.appliedBeforeRetry++;
      if (items.length === 1) f.appliedOnce++;
      if (items.length > 1) f.duplicated++;
      if (items.length === 0) f.lost++;
      const version = o.ack.ok ? o.ack.version : null;
      const first = o.plan.firstAck;
      if (items[0]?.version !== version || (first && (!first.ok || first.version !== version))) f.ackMismatches++;
    }
  }
  return f;
}

export function formatCommandLoss(f: CommandLossFigures): string {
  const cuts = f.cuts.before + f.cuts.mid + f.cuts.after;
  return (
    `commands ${f.commands}, cuts ${cuts} (before the server ${f.cuts.before}, mid-command ${f.cuts.mid}, after the ack left ${f.cuts.after}), ` +
    `retried ${f.retried}, first attempt already applied at reconnect ${f.appliedBeforeRetry}; ` +
    `effects applied once ${f.appliedOnce}, duplicates ${f.duplicated}, lost ${f.lost}, retry acks differing from the original ${f.ackMismatches}; ` +
    `cut to retry's ack p50 ${quantile(f.recoverMs, 0.5)} ms, p99 ${quantile(f.recoverMs, 0.99)} ms`
  );
}
