import { DRAFT_CLOSE, DRAFT_FULL_REASON, DRAFT_LIMITS, DRAFT_READ_ONLY_REASON } from './drafts/draftLimits.ts';

const closeCodes = Object.entries(DRAFT_CLOSE)
  .map(([reason, code]) => `| \`${code}\` | \`${reason}\` |`)
  .join('\n');

/** The hand-written part of `docs/protocol.md`; the tables after it are generated. */
export const PROTOCOL_PROSE = `
Everything runs on one port: the web client, the REST API, socket.io on the default
namespace (path \`/socket.io\`) and the Yjs websocket (path \`/yjs/\`).

## HTTP

| request | answer |
|---|---|
| \`GET /healthz\` | \`200 {"ok":true,"store":"memory"\\|"redis"}\`; \`503 {"ok":false,…}\` when Redis does not answer |
| \`GET /livez\` | \`200 {"ok":true}\` while the process serves (the load balancer's check: a Redis outage affects every node alike) |
| \`POST /api/rooms\` \`{title, language?, secondLanguage?}\` | \`201 {roomId, joinCode, moderatorKey, displayKey, moderatorUrl, displayUrl, joinUrl}\`. With \`ROOM_CREATE_TOKEN\` set: needs \`Authorization: Bearer <token>\`, else \`401\` |
| \`POST /api/join\` \`{joinCode, name, language?}\` | \`201 {roomId, participantId, token, roomTitle}\`; unknown code \`404\`; bad body \`400\`; joining closed \`409\`; too many joins from one address \`429\` |
| \`GET /api/rooms/:roomId/export\` with \`Authorization: Bearer <moderatorKey>\` | \`200\` the room's state and whole event log (a JSON download) |
| \`GET /api/rooms/:roomId/tables/:tableId/facilitator-link\` with \`Authorization: Bearer <moderatorKey>\` | \`200 {tableId, key, url}\`: a link for a helper who runs that table's floor without sitting at it (role \`facilitator\`) |
| \`POST /api/rooms/:roomId/drafts/plenary/versions\` (or \`…/drafts/tables/:tableId/versions\`) \`{name, state?}\` with \`Authorization: Bearer <moderatorKey>\` | \`201 {id, name, createdAt, bytes}\`: a named copy of the draft as it is now ("after round 2"): the stored document merged with \`state\` (the saving client's copy, \`Y.encodeStateAsUpdate\` in base64), so keystrokes still on their way are in it; a \`state\` that is not a Yjs update is \`400\` |
| \`GET …/drafts/plenary/versions\` (or a table's) with the moderator key | \`200 {versions: [{id, name, createdAt, bytes}]}\`, oldest first (the last ${DRAFT_LIMITS.MAX_VERSIONS} are kept) |
| \`GET …/versions/:versionId\` with the moderator key | \`200\` \`application/octet-stream\`: the draft's state then, as one Yjs update |
| \`DELETE /api/rooms/:roomId\` with \`Authorization: Bearer <moderatorKey>\` | \`204\`: every key of the room is deleted at once; connected sockets get \`closed {reason:"deleted"}\` |

Every error body is \`{"error":{"code","message","reason?"}}\` with a code from the table below.
Requests from a browser page of another origin (an \`Origin\` header not in the allowlist) get \`403\`.
Join codes are 6 characters from \`ABCDEFGHJKLMNPQRSTUVWXYZ23456789\` (no 0/O/1/I); the server
accepts them in any case, with spaces or dashes. Keys travel in URL fragments (\`#key=…\`), which
browsers never send to a server.

## Socket.io

Connect with \`io(url, { auth: { roomId, key, protocol } })\`. \`key\` is the moderator key, the
display key, a participant token or a table's facilitator key. A wrong key, an unknown room or a key of another room is
refused at connect: \`connect_error\` with message \`unauthorized\`, and the socket never sees the
room. A client whose \`protocol\` is newer than the server's gets \`client_too_new\` (older than
supported: \`client_too_old\`); storage down at connect: \`unavailable\` (retry).

After connect the server sends, in this order: \`welcome\`, \`snapshot {version, state}\`, to
moderators and the display a \`presence {online: participantId[]}\`, and to everyone
\`storage {status}\`. Then every change arrives as \`events {version, events: [...]}\`.

### One log, versions without gaps
The room is an append-only log. The first event (\`room.created\`) is version 0 and each event
is exactly one more. Each event carries its own \`version\`; an \`events\` batch's \`version\` is its
last event's, so a batch covers \`version − events.length + 1 … version\`. Batches arrive in
order. A client that sees a batch starting after \`lastVersion + 1\`, or that reconnects, sends
\`sync\`. Events with a version it already has are ignored: the server batches bursts (one
\`events\` message per audience per few milliseconds while a hall joins), and the first batch
after a \`snapshot\` or a \`sync\` answer may repeat versions they already covered. A command's
ack never arrives before the sender's events up to the ack's version.

Every connection receives every version. Where an audience may not read an event, it receives
\`{version, type: "hidden"}\` in its place. Audiences: \`moderator\`, \`display\`, \`participant\`
(not seated) and \`table:<id>\` (seated there, or holding its facilitator link). A table's floor
events (hands, turns, timers, go-rounds, calls for help) are hidden from other tables and the
display; \`participant.profiled\` reaches non-moderators without its \`attributes\`. Snapshots
and \`sync\` are projected the same way, and a participant moved to another table receives a fresh
\`snapshot\` for it. Participant tokens never leave the server in any projection.

### Deadlines
A breakout's one-minute warning (\`settings.breakoutWarningMs\`) and end, and each go-round turn's
end, are computed from the state; the server attempts them as system commands that only succeed
while due, so each happens once (\`breakout.warned\`, \`breakout.ended {reason:"time"}\`,
\`round.advanced {reason:"time", skipped}\`) even with several nodes.

### Commands
\`socket.emit("command", {id, type, ...fields}, ack)\`. \`id\` is chosen by the client (1–64
characters), unique per room and actor (all moderators are one actor). It is recorded
atomically with the append and kept as long as the room: a retry with the same \`id\` — on the
same node or another — applies once and gets the same ack. A rejected command is not recorded,
so its retry is decided afresh.

- \`{ok: true, version}\`: the version of the command's last event (or the current version when it produced none).
- \`{ok: false, error: {code, message, reason?}}\`: nothing changed and nothing was emitted.

Unknown fields are ignored. A field over its size limit is \`invalid\`. A frame over
${64} KiB closes the connection. The display's commands are all \`forbidden\`. Each connection has a
rate limit (default 20 commands/s, bursts of 40) answered with \`rate_limited\`.

### Other messages
| message | direction | payload | ack |
|---|---|---|---|
| \`sync\` | client → server | \`{since}\` | \`{ok:true, version, events}\` (events after \`since\`), or \`{ok:true, version, state}\` when they are no longer kept in memory |
| \`clock\` | client → server | none | \`{now}\`: the server's \`Date.now()\`. Clients keep the sample with the least round trip to estimate their offset. |
| \`presence\` | server → moderators, display | \`{online: participantId[]}\` | not a log event, does not move the version; coalesced to at most one every 250 ms |
| \`closed\` | server → client | \`{reason: "revoked" \\| "removed" \\| "deleted"}\` | sent just before the server disconnects the socket for good |
| \`storage\` | server → client | \`{status: "up" \\| "down"}\` | whether this node reaches the room's storage. Sent once after connect (whatever the state), then on each change: \`down\` once storage has been unreachable for 1 s (commands meanwhile get \`unavailable\`; nothing is saved), \`up\` as soon as it answers again. Clients show a banner while \`down\`; each node speaks for itself |

### State and time
\`state.floor = {queue: [{participantId, kind, raisedAt, pinned}], speaker: {participantId, kind, clock, since} | null}\`.
Clocks are \`{durationMs, startedAt | null, elapsedMs}\`: running iff \`startedAt\` is set;
remaining = \`durationMs − elapsedMs − (now − startedAt)\`, negative in overtime. The server never
ticks; every screen computes from the server clock.

Queue rule: a new request goes behind every entry of the same or higher priority (points of
order, then direct replies, then hands), i.e. arrival order within a class; entries the
moderator moved (\`pinned\`) are skipped by that scan, so they keep their place. With the
progressive stack on, within a class people who have spoken less go first.

## Drafts (Yjs)

Each table's draft and the plenary draft is a Yjs document, served with the standard
y-websocket protocol (sync step 1/2 and updates, awareness, auth) at
\`/yjs/<roomId>/plenary\` and \`/yjs/<roomId>/tables/<tableId>\`, key in the query:
\`new WebsocketProvider("ws(s)://host/yjs", "<roomId>/plenary", doc, { params: { key } })\`.
The key is the room's moderator key, display key, a participant token or a facilitator key.

Who writes: a table's members and its facilitator write its draft; moderators write every
draft; table facilitators (members or helper links) and moderators write the plenary draft, so
that they can promote passages into it. Everyone else in the room reads. Rights are checked on
every update against the room's current state: a panelist moved to another table can no longer
write the old table's draft from that moment. A reader's update is dropped, never stored or
fanned out, and answered with an auth message \`permission-denied\` (reason
\`${DRAFT_READ_ONLY_REASON}\`); the connection stays open and keeps receiving. Readers' awareness
(cursors) is not broadcast.

Refusals close the websocket before any document data is sent, with these codes (4400–4499 are
final: the standard client does not reconnect; others are worth retrying):

| code | reason |
|---|---|
${closeCodes}

Limits: one message at most ${DRAFT_LIMITS.MAX_MESSAGE_BYTES / 1024} KiB (\`DRAFT_MAX_UPDATE\`), a document at most
${DRAFT_LIMITS.MAX_DOCUMENT_BYTES / 1024 / 1024} MiB stored (\`DRAFT_MAX_SIZE\`; beyond it updates are refused with \`permission-denied\`
reason \`${DRAFT_FULL_REASON}\`), ${DRAFT_LIMITS.MESSAGES_PER_SECOND} messages/s per connection after a burst of ${DRAFT_LIMITS.MESSAGE_BURST}. A message that does not
decode completely (unknown type, truncated, a malformed update or state vector) closes the
connection and touches nothing.

The server treats a document's content as opaque: any well-formed update from a writer is
accepted, whatever shared types it touches. Every accepted update is stored (with Redis:
appended to the document's list in the room's hash-tagged key space, in the same script that
publishes it to the other nodes) before any client receives it. Updates are compacted into a
snapshot after ${DRAFT_LIMITS.COMPACT_AFTER_UPDATES} updates or ${DRAFT_LIMITS.COMPACT_AFTER_BYTES / 1024 / 1024} MiB. Awareness renewals (a client repeating its unchanged
state, every 15 s) are batched per node into one message every 5 s; changes go out at once. A
connection that has received nothing for 10 s gets an empty awareness message, so the standard
client's 30-second silence watchdog does not fire on a quiet document.

The web client's editor stores its document in the Yjs XML fragment \`default\` (TipTap's
ProseMirror schema: paragraphs, headings, lists, \`recommendation\` with
\`recommendationStatement\` and \`recommendationRationale\`, and \`promoted\` with
\`tableId\`, \`tableName\`, \`at\` for passages promoted from a table). Other tools may use other
shared types in the same documents.
`;
