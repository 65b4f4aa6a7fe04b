import type { Socket } from 'socket.io';
import {
  Command,
  EV,
  PROTOCOL_VERSION,
  RoomError,
  SyncRequest,
  projectEvent,
  projectState,
  wireError,
  type Audience,
  type CommandAck,
  type StorageMessage,
  type WireError,
} from '@dr/shared';
import type { Config } from '../config.ts';
import { describeIssues } from '../http/errors.ts';
import { errorFields, log } from '../log.ts';
import type { RoomRegistry } from '../rooms/RoomRegistry.ts';
import { TokenBucket } from '../security/TokenBucket.ts';
import type { SocketSession } from './authenticate.ts';
import { emitJson } from './emitJson.ts';
import { SnapshotJson } from './snapshotJson.ts';
import { audienceRoom, participantRoom, presenceRoom, roomRoom } from './SocketIoFanout.ts';

type Ack = (answer: unknown) => void;
const asAck = (x: unknown): Ack | null => (typeof x === 'function' ? (x as Ack) : null);

/** A storage failure means the outcome is unknown: the client retries with the same id. */
function failure(err: unknown, roomId: string): { ok: false; error: WireError } {
  if (err instanceof RoomError) return { ok: false, error: err.toWire() };
  log.error('command failed', { roomId, ...errorFields(err) });
  return { ok: false, error: wireError('unavailable', 'storage unavailable; retry with the same id') };
}

/** Keyed by state objects, so every server in the process may share it. */
const snapshots = new SnapshotJson();

/** Wires one authenticated socket: snapshot first, then commands, sync and clock pings. */
export function onConnection(socket: Socket, config: Config, registry: RoomRegistry, publicUrlFor: (socket: Socket) => string, storage: () => StorageMessage): void {
  const session = socket.data.session as SocketSession;
  const { host, actor, roomId } = session;
  // A participant's audience follows their table; the server moves their socket when it changes.
  const audience: Audience = host.audienceOf(actor);
  const bucket = new TokenBucket(config.commandRate.perSecond, config.commandRate.burst, Date.now());
  const limited = () => !bucket.take(Date.now());

  // Join and snapshot in the same tick: every later event is newer than the snapshot. A
  // batch the fan-out still holds may repeat versions the snapshot covers; clients skip
  // those (flushing it here instead would undo batching while a hall connects).
  void socket.join([audienceRoom(roomId, audience), roomRoom(roomId)]);
  if (actor.role === 'participant') void socket.join(participantRoom(roomId, actor.participantId));
  const { version, state } = host.current();
  socket.emit(EV.welcome, { role: actor.role, participantId: actor.role === 'participant' ? actor.participantId : null, tableId: actor.role === 'facilitator' ? actor.tableId : null, protocol: PROTOCOL_VERSION, serverNow: Date.now(), publicUrl: publicUrlFor(socket) });
  emitJson(socket, EV.snapshot, snapshots.encode(version, state, audience));
  if (actor.role === 'participant') host.presence.connected(actor.participantId);
  if (actor.role !== 'participant') {
    void socket.join(presenceRoom(roomId));
    socket.emit(EV.presence, { online: host.presence.online() });
  }
  // Always, not only when down: a client that reconnects (maybe to another node) learns the
  // state of the node it now talks to without remembering anything from before.
  socket.emit(EV.storage, storage());

  socket.on(EV.command, async (payload: unknown, ackArg: unknown) => {
    const ack = asAck(ackArg) ?? (() => undefined);
    const reply = (a: CommandAck) => ack(a);
    if (limited()) return reply({ ok: false, error: wireError('rate_limited', 'too many commands; slow down') });
    const parsed = Command.safeParse(payload);
    if (!parsed.success) return reply({ ok: false, error: wireError('invalid', describeIssues(parsed.error.issues)) });
    const actorKey = actor.role === 'participant' ? `p:${actor.participantId}` : actor.role === 'facilitator' ? `f:${actor.tableId}` : actor.role;
    try {
      const result = await host.execute(parsed.data, actor, `${actorKey}:${parsed.data.id}`);
      // The sender reads its own events before the ack that names their version.
      if (result.ok) host.flushEvents(host.audienceOf(actor));
      reply(result.ok ? { ok: true, version: result.version } : { ok: false, error: result.error });
    } catch (err) {
      reply(failure(err, roomId));
    }
  });

  socket.on(EV.sync, (payload: unknown, ackArg: unknown) => {
    const ack = asAck(ackArg);
    if (!ack) return;
    if (limited()) return ack({ ok: false, error: wireError('rate_limited', 'too many requests; slow down') });
    const parsed = SyncRequest.safeParse(payload);
    if (!parsed.success) return ack({ ok: false, error: wireError('invalid', describeIssues(parsed.error.issues)) });
    const now = host.current();
    const current = host.audienceOf(actor);
    const events = host.eventsSince(parsed.data.since);
    if (events) return ack({ ok: true, version: now.version, events: events.map((e) => projectEvent(e, current)) });
    ack({ ok: true, version: now.version, state: projectState(now.state, current) });
  });

  socket.on(EV.clock, (ackArg: unknown) => {
    const ack = asAck(ackArg);
    if (ack && !limited()) ack({ now: Date.now() });
  });

  socket.on('disconnect', () => {
    if (actor.role === 'participant') host.presence.disconnected(actor.participantId);
    registry.release(roomId);
  });
}
