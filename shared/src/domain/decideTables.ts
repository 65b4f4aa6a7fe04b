import { LIMITS, type CommandOf } from '../protocol.ts';
import type { DecideContext } from './actor.ts';
import { balancedSeating, randomSeating, seededRng, type SeatingInput } from './assignment/index.ts';
import { applyAll } from './apply.ts';
import { accept, reject, type Decision, type Draft } from './decision.ts';
import { resumeInterruptedRounds } from './rounds.ts';
import { tableById, type RoomState } from './state.ts';
import { endTurn } from './turns.ts';

type TablesCommand = CommandOf<
  'tables.create' | 'table.update' | 'tables.clear' | 'tables.assign' | 'table.seat' | 'table.facilitator' | 'participant.profile' | 'participants.profile' | 'help.request' | 'help.answer'
>;

const MAX_TABLES = 200;

/** Decides table set-up, seating, profiles and calls for help. */
export function decideTables(state: RoomState, cmd: TablesCommand, ctx: DecideContext): Decision {
  const { now } = ctx;
  switch (cmd.type) {
    case 'tables.create': {
      if (state.tables.length + cmd.count > MAX_TABLES) return reject('conflict', `at most ${MAX_TABLES} tables`, 'too_many_tables');
      const first = state.tables.reduce((n, t) => Math.max(n, t.number), 0) + 1;
      const tables = Array.from({ length: cmd.count }, (_, i) => ({ tableId: ctx.newId('t'), name: '', number: first + i, languages: cmd.languages }));
      return accept(now, { type: 'tables.created', tables });
    }
    case 'tables.clear':
      if (state.breakout) return reject('conflict', 'end the breakout first', 'breakout_running');
      if (state.tables.length === 0) return reject('conflict', 'there are no tables', 'no_tables');
      return accept(now, { type: 'tables.cleared' });
    case 'tables.assign':
      return decideAssign(state, cmd, ctx);
    case 'participant.profile':
    case 'participants.profile': {
      const updates = cmd.type === 'participants.profile' ? cmd.updates : [cmd];
      const unknown = updates.find((u) => state.participants[u.participantId]?.status !== 'active');
      if (unknown) return reject('not_found', `unknown participant ${unknown.participantId}`, 'participant_not_found');
      return accept(now, ...updates.map((u) => ({ type: 'participant.profiled' as const, participantId: u.participantId, languages: u.languages, attributes: u.attributes })));
    }
    default:
      return decideTable(state, cmd, ctx);
  }
}

function decideTable(state: RoomState, cmd: CommandOf<'table.update' | 'table.seat' | 'table.facilitator' | 'help.request' | 'help.answer'>, ctx: DecideContext): Decision {
  const { now } = ctx;
  const tableId = cmd.tableId;
  const table = tableId === null ? null : tableById(state, tableId);
  if (table === undefined) return reject('not_found', 'unknown table', 'table_not_found');
  switch (cmd.type) {
    case 'table.update': {
      if (cmd.name === undefined && cmd.languages === undefined) return reject('invalid', 'nothing to change', 'no_changes');
      return accept(now, { type: 'table.updated', tableId: table!.id, changes: { name: cmd.name, languages: cmd.languages } });
    }
    case 'table.seat': {
      const p = state.participants[cmd.participantId];
      if (!p || p.status !== 'active') return reject('not_found', 'unknown participant', 'participant_not_found');
      return acceptSeating(state, [...endLeaversTurns(state, (t) => (t.id === table?.id ? [...t.members, p.id] : t.members.filter((m) => m !== p.id)), now), { type: 'participant.seated', participantId: p.id, tableId: table?.id ?? null }], ctx);
    }
    case 'table.facilitator':
      if (cmd.participantId !== null && !table!.members.includes(cmd.participantId)) return reject('conflict', 'the facilitator must sit at the table', 'not_member');
      return accept(now, { type: 'table.facilitator.set', tableId: table!.id, participantId: cmd.participantId });
    case 'help.request':
      if (table!.helpRequestedAt !== null) return reject('conflict', 'help was already called', 'help_already_requested');
      return accept(now, { type: 'help.requested', tableId: table!.id });
    case 'help.answer':
      if (table!.helpRequestedAt === null) return reject('conflict', 'no call for help', 'no_help_request');
      return accept(now, { type: 'help.answered', tableId: table!.id });
  }
}

function decideAssign(state: RoomState, cmd: CommandOf<'tables.assign'>, ctx: DecideContext): Decision {
  if (state.tables.length === 0) return reject('conflict', 'create tables first', 'no_tables');
  const active = Object.values(state.participants).filter((p) => p.status === 'active');
  if (cmd.mode === 'manual') {
    const seats = cmd.seats ?? {};
    const seen = new Set<string>();
    for (const [tableId, ids] of Object.entries(seats)) {
      if (!tableById(state, tableId)) return reject('not_found', `unknown table ${tableId}`, 'table_not_found');
      for (const id of ids) {
        if (state.participants[id]?.status !== 'active') return reject('not_found', `unknown participant ${id}`, 'participant_not_found');
        if (seen.has(id)) return reject('invalid', `${id} is seated twice`, 'seated_twice');
        seen.add(id);
      }
    }
    return acceptSeating(state, [...endLeaversTurns(state, (t) => seats[t.id] ?? [], ctx.now), { type: 'tables.assigned', mode: 'manual', seats }], ctx);
  }
  const input: SeatingInput = {
    people: active.map((p) => ({ id: p.id, languages: p.languages, attributes: p.attributes })),
    tables: state.tables.map((t) => ({ id: t.id, languages: t.languages })),
    history: state.seatingHistory,
    balanceOn: cmd.balanceOn,
  };
  const rng = ctx.random ?? seededRng(ctx.now);
  const result = cmd.mode === 'random' ? randomSeating(input, rng) : balancedSeating(input, rng);
  if (!result.ok) {
    const detail = result.shortfalls.map((s) => `${s.people} people speak only ${s.languages.join('/') || 'any'} but there are ${s.seats} seats`).join('; ');
    return reject('conflict', `cannot seat everyone at a table in their language: ${detail}`.slice(0, 500), result.reason);
  }
  if (active.length > LIMITS.MAX_PARTICIPANTS) return reject('conflict', 'too many participants', 'room_full');
  return acceptSeating(state, [...endLeaversTurns(state, (t) => result.seats[t.id] ?? [], ctx.now), { type: 'tables.assigned', mode: cmd.mode, seats: result.seats }], ctx);
}

/**
 * A table speaker who is seated elsewhere loses the floor: their turn ends first, so their
 * speaking time is kept. `stays(t)` lists who will sit at table `t` (among others).
 */
/** Seating changes, followed by hand-overs for go-rounds whose speaker just left. */
function acceptSeating(state: RoomState, drafts: Draft[], ctx: DecideContext): Decision {
  return accept(ctx.now, ...drafts, ...resumeInterruptedRounds(state, drafts, applyAll, ctx.now, ctx.online));
}

function endLeaversTurns(state: RoomState, stays: (t: RoomState['tables'][number]) => string[], now: number): Draft[] {
  return state.tables.flatMap((t) => {
    const s = t.floor.speaker;
    return s && !stays(t).includes(s.participantId) ? [endTurn(t.floor, t.id, now)!] : [];
  });
}
