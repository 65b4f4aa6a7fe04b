import type { CommandOf } from '../protocol.ts';
import type { DecideContext } from './actor.ts';
import { newClock, remainingMs } from './clock.ts';
import { accept, reject, type Decision, type Draft } from './decision.ts';
import { advanceRound, startRound } from './rounds.ts';
import { tableById, type RoomState } from './state.ts';
import { endTurn } from './turns.ts';

type BreakoutCommand = CommandOf<
  'breakout.start' | 'breakout.extend' | 'breakout.pause' | 'breakout.resume' | 'breakout.end' | 'broadcast' | 'broadcast.clear' | 'round.start' | 'round.skip' | 'round.stop'
>;

/** Decides the breakout's lifecycle, broadcasts and go-rounds at tables. */
export function decideBreakout(state: RoomState, cmd: BreakoutCommand, ctx: DecideContext): Decision {
  const { now } = ctx;
  const b = state.breakout;
  switch (cmd.type) {
    case 'breakout.start': {
      if (b) return reject('conflict', 'a breakout is already running', 'breakout_running');
      if (state.tables.length === 0) return reject('conflict', 'create tables first', 'no_tables');
      if (state.tables.every((t) => t.members.length === 0)) return reject('conflict', 'nobody is seated at a table', 'nobody_seated');
      const plenaryEnd = endTurn(state.floor, undefined, now);
      return accept(now, ...(plenaryEnd ? [plenaryEnd] : []), { type: 'breakout.started', clock: newClock(cmd.durationMs, now) });
    }
    case 'broadcast':
      return accept(now, { type: 'broadcast.sent', broadcastId: ctx.newId('b'), text: cmd.text });
    case 'broadcast.clear':
      if (!state.broadcast) return reject('conflict', 'nothing to clear', 'no_broadcast');
      return accept(now, { type: 'broadcast.cleared' });
    case 'round.start':
    case 'round.skip':
    case 'round.stop':
      return decideRound(state, cmd, ctx);
  }
  if (!b) return reject('conflict', 'no breakout is running', 'no_breakout');
  switch (cmd.type) {
    case 'breakout.extend':
      if (remainingMs(b.clock, now) + cmd.ms < 0) return reject('conflict', 'that would end the breakout in the past; end it instead', 'extend_too_short');
      return accept(now, { type: 'breakout.extended', ms: cmd.ms });
    case 'breakout.pause':
      if (b.status === 'paused') return reject('conflict', 'already paused', 'breakout_paused');
      return accept(now, { type: 'breakout.paused' });
    case 'breakout.resume':
      if (b.status === 'running') return reject('conflict', 'already running', 'breakout_running');
      return accept(now, { type: 'breakout.resumed' });
    case 'breakout.end':
      return accept(now, ...endBreakout(state, 'moderator', now));
  }
}

/** Everyone back to the plenary: table turns end (their speaking time is kept), then the breakout. */
export function endBreakout(state: RoomState, reason: 'moderator' | 'time', now: number): Draft[] {
  const ends = state.tables.map((t) => endTurn(t.floor, t.id, now)).filter((e): e is Draft => e !== null);
  return [...ends, { type: 'breakout.ended', reason }];
}

function decideRound(state: RoomState, cmd: CommandOf<'round.start' | 'round.skip' | 'round.stop'>, ctx: DecideContext): Decision {
  const { now } = ctx;
  const table = tableById(state, cmd.tableId);
  if (!table) return reject('not_found', 'unknown table', 'table_not_found');
  if (!state.breakout) return reject('conflict', 'no breakout is running', 'no_breakout');
  if (cmd.type === 'round.start') {
    if (table.round) return reject('conflict', 'a round is already running', 'round_running');
    if (table.members.length === 0) return reject('conflict', 'nobody sits at this table', 'table_empty');
    return accept(now, ...startRound(state, table, cmd.turnMs, now, ctx.online));
  }
  if (!table.round) return reject('conflict', 'no round is running', 'no_round');
  if (cmd.type === 'round.skip') return accept(now, ...advanceRound(state, table, 'skipped', now, ctx.online));
  const end = endTurn(table.floor, table.id, now);
  return accept(now, ...(end ? [end] : []), { type: 'round.stopped', tableId: table.id });
}
