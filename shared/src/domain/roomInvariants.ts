/**
 * Test helper (not exported from the package): the room's invariants, stated independently
 * of the code that keeps them. Each function returns the broken rules as readable strings,
 * so a property test can print them next to fast-check's counterexample.
 */
import type { VersionedEvent } from '../protocol.ts';
import { apply } from './apply.ts';
import type { RoomEvent } from './events.ts';
import { audiencesOf, projectEvent, projectState, type Audience } from './projection.ts';
import { KIND_RANK } from './queue.ts';
import { floorOf, type Floor, type HandKind, type QueueEntry, type RoomState } from './state.ts';

/** Every floor of the room: the plenary (no table id) and each table's. */
function floors(state: RoomState): Array<{ tableId: string | undefined; floor: Floor; members: string[] | null }> {
  return [{ tableId: undefined, floor: state.floor, members: null }, ...state.tables.map((t) => ({ tableId: t.id, floor: t.floor, members: t.members }))];
}

const label = (tableId: string | undefined) => tableId ?? 'plenary';

function floorViolations(state: RoomState, where: string, floor: Floor, members: string[] | null): string[] {
  const out: string[] = [];
  const ids = floor.queue.map((e) => e.participantId);
  if (new Set(ids).size !== ids.length) out.push(`${where}: duplicate in queue: ${ids.join(',')}`);
  for (const id of ids) {
    const status = state.participants[id]?.status;
    if (status !== 'active' && status !== 'revoked') out.push(`${where}: queued ${id} is ${status ?? 'unknown'}`);
    if (members && !members.includes(id)) out.push(`${where}: queued ${id} does not sit at the table`);
  }
  const speaker = floor.speaker;
  if (speaker) {
    const id = speaker.participantId;
    if (ids.includes(id)) out.push(`${where}: speaker ${id} is also queued`);
    const status = state.participants[id]?.status;
    if (status === undefined || status === 'removed') out.push(`${where}: speaker ${id} is ${status ?? 'unknown'}`);
    if (members && !members.includes(id)) out.push(`${where}: speaker ${id} does not sit at the table`);
    if (speaker.clock.elapsedMs < 0 || speaker.clock.durationMs < 0) out.push(`${where}: bad clock ${JSON.stringify(speaker.clock)}`);
  }
  return out;
}

function tableViolations(state: RoomState): string[] {
  const out: string[] = [];
  if (new Set(state.tables.map((t) => t.id)).size !== state.tables.length) out.push('duplicate table ids');
  const seatedAt = new Map<string, string>();
  for (const t of state.tables) {
    for (const m of t.members) {
      const other = seatedAt.get(m);
      if (other !== undefined) out.push(`${m} sits at ${other} and at ${t.id}`);
      seatedAt.set(m, t.id);
      const status = state.participants[m]?.status;
      if (status === undefined || status === 'removed') out.push(`${t.id}: member ${m} is ${status ?? 'unknown'}`);
    }
    if (t.facilitatorId !== null && !t.members.includes(t.facilitatorId)) out.push(`${t.id}: facilitator ${t.facilitatorId} is not a member`);
    if (!state.breakout && (t.floor.speaker || t.floor.queue.length > 0 || t.round)) out.push(`${t.id}: floor or round in use without a breakout`);
    // -1: between round.started and the round.advanced of the same decision.
    if (t.round && (t.round.position < -1 || t.round.position >= t.round.order.length)) out.push(`${t.id}: round position ${t.round.position} outside ${t.round.order.length}`);
  }
  return out;
}

/** Invariants every state between two events must satisfy. */
export function violations(state: RoomState): string[] {
  const out = floors(state).flatMap(({ tableId, floor, members }) => floorViolations(state, label(tableId), floor, members));
  const active = state.agenda.items.filter((i) => i.status === 'active');
  if (active.length > 1) out.push(`${active.length} active agenda items`);
  if ((active[0]?.id ?? null) !== state.agenda.activeId) out.push(`activeId ${state.agenda.activeId} vs ${active[0]?.id}`);
  if (new Set(state.agenda.items.map((i) => i.id)).size !== state.agenda.items.length) out.push('duplicate agenda ids');
  for (const p of Object.values(state.participants)) if (p.spokenMs < 0 || p.turns < 0 || p.raises < 0) out.push(`bad counters for ${p.id}`);
  return [...out, ...tableViolations(state)];
}

/** What must hold once a whole decision is applied: a running go-round has a current turn. */
export function settledViolations(state: RoomState): string[] {
  return state.tables.flatMap((t) => (t.round && t.round.position < 0 ? [`${t.id}: round never reached its first turn`] : []));
}

/** Event-level rules: what `apply` silently assumes, checked against the state it is applied to. */
export function eventViolations(state: RoomState, event: RoomEvent): string[] {
  const tableId = 'tableId' in event && typeof event.tableId === 'string' ? event.tableId : undefined;
  const floor = floorOf(state, tableId);
  const members = tableId === undefined ? null : (state.tables.find((t) => t.id === tableId)?.members ?? []);
  const notMember = (id: string) => (members && !members.includes(id) ? [`${event.type}: ${id} does not sit at ${tableId}`] : []);
  switch (event.type) {
    case 'floor.given':
      if (!floor) return [`floor.given at unknown table ${tableId}`];
      return [...notMember(event.participantId), ...(floor.speaker ? [`floor.given to ${event.participantId} while ${floor.speaker.participantId} speaks`] : [])];
    case 'floor.ended':
      return floor?.speaker?.participantId === event.participantId && event.spokenMs >= 0 ? [] : [`floor.ended for ${event.participantId} at ${label(tableId)}, speaker ${floor?.speaker?.participantId}`];
    case 'round.advanced':
      if (event.to === null) return [];
      if (state.participants[event.to]?.status !== 'active') return [`round.advanced to inactive ${event.to}`];
      return [...notMember(event.to), ...(floor?.speaker ? [`round.advanced to ${event.to} while ${floor.speaker.participantId} speaks`] : [])];
    case 'hand.raised': {
      const limit = state.settings.queueLimit;
      const raises = state.participants[event.participantId]?.raises ?? 0;
      if (!floor) return [`hand.raised at unknown table ${tableId}`];
      if (tableId === undefined && limit !== null && raises >= limit) return [`raise over the limit (${raises}/${limit})`];
      if (state.participants[event.participantId]?.status !== 'active') return [`hand.raised for inactive ${event.participantId}`];
      return [...notMember(event.participantId), ...placementViolations(state, floor.queue, event.participantId, event.kind, event.index)];
    }
    case 'participant.joined':
      return state.participants[event.participantId] ? [`id ${event.participantId} reused`] : [];
    case 'participant.revoked':
      return state.participants[event.participantId]?.status === 'active' ? [] : [`revoking ${event.participantId} twice or unknown`];
    case 'participant.removed':
    case 'participant.renamed': {
      const status = state.participants[event.participantId]?.status;
      return status === undefined || status === 'removed' ? [`${event.type} for ${status ?? 'unknown'} ${event.participantId}`] : [];
    }
    case 'breakout.started':
      return state.breakout ? ['breakout.started during a breakout'] : [];
    default:
      return [];
  }
}

/**
 * The insertion rule, stated independently of `insertionIndex`: the new entry goes
 * directly behind the last unpinned entry that goes ahead of it by class (and, with the
 * progressive stack, by speaking time); with no such entry, at the very front.
 */
function placementViolations(state: RoomState, queue: readonly QueueEntry[], participantId: string, kind: HandKind, index: number): string[] {
  const progressive = state.settings.progressiveStack;
  const spoken = (id: string) => (progressive ? (state.participants[id]?.spokenMs ?? 0) : 0);
  const goesAhead = (e: QueueEntry) =>
    !e.pinned && (KIND_RANK[e.kind] < KIND_RANK[kind] || (KIND_RANK[e.kind] === KIND_RANK[kind] && spoken(e.participantId) <= spoken(participantId)));
  const expected = queue.map(goesAhead).lastIndexOf(true) + 1;
  return index === expected ? [] : [`${kind} from ${participantId} inserted at ${index}, rule says ${expected}: ${JSON.stringify(queue)}`];
}

/**
 * Across one event: entries present on a floor before and after keep their relative order
 * (only `queue.moved` reorders), and a turn ends only through `floor.ended`, so every
 * second spoken reaches the statistics.
 */
export function transitionViolations(before: RoomState, after: RoomState, event: RoomEvent): string[] {
  const out: string[] = [];
  for (const { tableId, floor } of floors(before)) {
    const next = floorOf(after, tableId);
    const a = floor.queue.map((e) => e.participantId);
    const b = next?.queue.map((e) => e.participantId) ?? [];
    if (event.type !== 'queue.moved' && JSON.stringify(a.filter((id) => b.includes(id))) !== JSON.stringify(b.filter((id) => a.includes(id)))) {
      out.push(`${label(tableId)}: queue reordered by ${event.type}: ${a.join(',')} → ${b.join(',')}`);
    }
    const s = floor.speaker;
    const kept = s && next?.speaker?.participantId === s.participantId && next.speaker.since === s.since;
    const ended = event.type === 'floor.ended' && event.tableId === tableId && event.participantId === s?.participantId;
    if (s && !kept && !ended) out.push(`${label(tableId)}: turn of ${s.participantId} dropped by ${event.type} without floor.ended`);
  }
  return out;
}

/**
 * Snapshot and event projections agree: for every audience, folding the projected event
 * into the projected state gives the projection of the new state (a hidden event must
 * leave that audience's projection unchanged).
 */
export function projectionViolations(before: RoomState, after: RoomState, event: VersionedEvent): string[] {
  const audiences = new Set<Audience>([...audiencesOf(before), ...audiencesOf(after)]);
  const out: string[] = [];
  for (const audience of audiences) {
    const seen = projectEvent(event, audience);
    const expected = projectState(after, audience);
    const folded = seen.type === 'hidden' ? projectState(before, audience) : apply(projectState(before, audience), seen);
    if (!deepEqual(folded, expected)) out.push(`${audience}: ${event.type} (${seen.type === 'hidden' ? 'hidden' : 'shown'}) folds to ${diff(folded, expected)}`);
  }
  return out;
}

/** JSON with sorted keys: equal for deep-equal JSON values, whatever their key order. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

/** Deep equality of JSON values, whatever their key order (`undefined` properties count as absent). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object' || Array.isArray(a) !== Array.isArray(b)) return false;
  const defined = (o: object) => Object.entries(o).filter(([, v]) => v !== undefined);
  const [ea, eb] = [defined(a), defined(b)];
  const rb = b as Record<string, unknown>;
  return ea.length === eb.length && ea.every(([k, v]) => deepEqual(v, rb[k]));
}

/** The first differing path of two JSON values, for a readable failure. */
function diff(a: unknown, b: unknown, path = ''): string {
  if (deepEqual(a, b)) return '';
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const d = diff((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}.${key}`);
      if (d) return d;
    }
  }
  return `${path}: ${JSON.stringify(a)} instead of ${JSON.stringify(b)}`;
}
