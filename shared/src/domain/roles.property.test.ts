/**
 * Who may send what, over generated sessions: roles first (`COMMAND_ROLES`), then
 * ownership and table scope. Run counts are fixed; on failure fast-check prints the seed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Command, COMMAND_TYPES, type CommandType } from '../protocol.ts';
import type { Actor } from './actor.ts';
import { authorize, COMMAND_PERMISSIONS, COMMAND_ROLES } from './authorize.ts';
import { decide } from './decide.ts';
import { fieldArbitraries, PARTICIPANT_POOL, stepsArbitrary } from './roomArbitraries.ts';
import { play } from './roomSession.ts';
import { activeParticipants, tableById, tableOf } from './state.ts';
import { cmd, MOD, type TestRoom } from './testRoom.ts';

const RUNS = { numRuns: 150 };
const ROLES = ['moderator', 'display', 'participant'] as const;
const forbidden = COMMAND_TYPES.flatMap((type) => ROLES.filter((r) => !COMMAND_ROLES[type].includes(r)).map((role) => ({ role, type })));
// Facilitator links have their own table-driven tests (authorize.test.ts).
const allowed = COMMAND_TYPES.flatMap((type) => ROLES.filter((r) => COMMAND_ROLES[type].includes(r)).map((role) => ({ role, type })));
const toActor = (role: (typeof ROLES)[number], participantId: string): Actor => (role === 'participant' ? { role, participantId } : { role });
const pid = fc.constantFrom(...PARTICIPANT_POOL);
const fields = fieldArbitraries();
/** Commands whose schema has a `tableId`. */
const TABLE_FIELD = new Set<CommandType>(Command.options.filter((o) => 'tableId' in o.shape).map((o) => o.shape.type.value));
const FACILITATOR = COMMAND_TYPES.filter((t) => COMMAND_PERMISSIONS[t] === 'facilitator');
/** Sessions of both kinds: plain plenaries with tables, and breakouts. */
const sessions = fc.oneof(stepsArbitrary({}, 15), stepsArbitrary({ tables: true }, 15));

/** Seats `me` at a table (the first, created if need be) and makes them its facilitator, through moderator commands. */
function facilitate(room: TestRoom, me: string): string {
  if (!tableOf(room.state, me)) {
    if (room.state.tables.length === 0) room.must(MOD, 'tables.create', { count: 1 });
    room.must(MOD, 'table.seat', { participantId: me, tableId: room.state.tables[0]!.id });
  }
  const tableId = tableOf(room.state, me)!.id;
  room.must(MOD, 'table.facilitator', { tableId, participantId: me });
  return tableId;
}

describe('roles, over generated commands and states', () => {
  it('every (role, command) pair COMMAND_ROLES does not allow is rejected with forbidden, changing nothing', () => {
    const pair = fc.constantFrom(...forbidden).chain(({ role, type }) => fc.tuple(fc.constant(role), fc.constant(type), fields[type], pid));
    fc.assert(
      fc.property(sessions, pair, (steps, [role, type, f, participantId]) => {
        const { room } = play(steps);
        const before = room.state;
        expect(decide(before, cmd(type, f), toActor(role, participantId), room.ctx())).toMatchObject({ ok: false, error: { code: 'forbidden', reason: 'role' } });
        expect(room.state).toBe(before);
      }),
      RUNS,
    );
  });

  it('a participant acting on someone else (not as their facilitator) is rejected with forbidden not_own', () => {
    const type = fc.constantFrom('hand.lower', 'participant.rename', 'participant.profile' as const);
    fc.assert(
      fc.property(sessions, type, pid, pid, (steps, t, me, other) => {
        fc.pre(me !== other);
        const { room } = play(steps);
        const f = t === 'hand.lower' ? { participantId: other } : t === 'participant.rename' ? { participantId: other, name: 'Mallory' } : { participantId: other, languages: ['fr'] };
        expect(decide(room.state, cmd(t, f), { role: 'participant', participantId: me }, room.ctx())).toMatchObject({ ok: false, error: { code: 'forbidden', reason: 'not_own' } });
      }),
      RUNS,
    );
  });

  it('an allowed role acting within its scope is never told forbidden', () => {
    const pair = fc.constantFrom(...allowed).chain(({ role, type }) => fc.tuple(fc.constant(role), fc.constant(type), fields[type], fc.nat()));
    fc.assert(
      fc.property(sessions, pair, (steps, [role, type, f, pick]) => {
        const { room } = play(steps);
        const active = activeParticipants(room.state);
        fc.pre(role === 'moderator' || active.length > 0);
        const me = active[pick % Math.max(1, active.length)]?.id ?? 'nobody';
        let own: Record<string, unknown> = f;
        if (role === 'participant') {
          // A participant acts on themself, at the table they sit at and facilitate; attributes are for moderators.
          const { attributes: _, ...rest } = f;
          own = { ...rest, ...('participantId' in f && { participantId: me }) };
          if (TABLE_FIELD.has(type) && (f.tableId !== undefined || COMMAND_PERMISSIONS[type] === 'facilitator')) own.tableId = facilitate(room, me);
        }
        const command = cmd(type, own);
        const actor = toActor(role, me);
        expect(authorize(actor, command, room.state)).toBeNull();
        const decision = decide(room.state, command, actor, room.ctx());
        expect(decision.ok || decision.error.code).not.toBe('forbidden');
      }),
      RUNS,
    );
  });

  it('a participant sending a facilitator command anywhere but at the table they facilitate is refused', () => {
    const pair = fc.constantFrom(...FACILITATOR).chain((type) => fc.tuple(fc.constant(type), fields[type]));
    fc.assert(
      fc.property(sessions, pair, pid, (steps, [type, f], me) => {
        const { room } = play(steps);
        const tableId = typeof f.tableId === 'string' ? f.tableId : undefined;
        fc.pre(tableId === undefined || tableById(room.state, tableId)?.facilitatorId !== me);
        const reason = tableId === undefined ? 'role' : 'not_facilitator';
        expect(decide(room.state, cmd(type, f), { role: 'participant', participantId: me }, room.ctx())).toMatchObject({ ok: false, error: { code: 'forbidden', reason } });
      }),
      RUNS,
    );
  });

  it('a participant raising a hand, lowering their own or calling for help at a table they do not sit at is refused', () => {
    const type = fc.constantFrom('hand.raise', 'hand.lower', 'help.request' as const);
    fc.assert(
      fc.property(sessions, type, pid, fc.constantFrom('t1', 't2', 't3', 'nowhere'), (steps, t, me, tableId) => {
        const { room } = play(steps);
        fc.pre(!tableById(room.state, tableId)?.members.includes(me));
        const decision = decide(room.state, cmd(t, { tableId }), { role: 'participant', participantId: me }, room.ctx());
        expect(decision).toMatchObject({ ok: false, error: { code: 'forbidden', reason: 'not_member' } });
      }),
      RUNS,
    );
  });
});
