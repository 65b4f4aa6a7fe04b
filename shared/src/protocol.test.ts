import { describe, expect, it } from 'vitest';
import { Command, COMMAND_TYPES, CreateRoomRequest, JoinRequest, LIMITS, SocketAuth, SyncRequest } from './protocol.ts';

const ok = (input: unknown) => Command.safeParse(input);
const long = (n: number) => 'x'.repeat(n);

describe('Command schema: valid commands and defaults', () => {
  it.each([
    { input: { id: 'c1', type: 'hand.raise' }, parsed: { id: 'c1', type: 'hand.raise', kind: 'speak' } },
    { input: { id: 'c1', type: 'hand.raise', kind: 'point' }, parsed: { id: 'c1', type: 'hand.raise', kind: 'point' } },
    { input: { id: 'c1', type: 'hand.lower' }, parsed: { id: 'c1', type: 'hand.lower' } },
    { input: { id: 'c1', type: 'agenda.add', title: '  Budget  ', plannedMs: 0 }, parsed: { id: 'c1', type: 'agenda.add', title: 'Budget', plannedMs: 0, speakingMs: null } },
    { input: { id: 'c1', type: 'timer.add', ms: -60_000 }, parsed: { id: 'c1', type: 'timer.add', ms: -60_000 } },
    { input: { id: 'c1', type: 'queue.move', participantId: 'p1', index: 10_000 }, parsed: { id: 'c1', type: 'queue.move', participantId: 'p1', index: 10_000 } },
    { input: { id: 'c1', type: 'room.update', queueLimit: null, secondLanguage: null }, parsed: { id: 'c1', type: 'room.update', queueLimit: null, secondLanguage: null } },
    { input: { id: 'c1', type: 'participant.rename', participantId: 'p1', name: 'Zoë Ñúñez 山田' }, parsed: { id: 'c1', type: 'participant.rename', participantId: 'p1', name: 'Zoë Ñúñez 山田' } },
  ])('$input.type parses with defaults filled in', ({ input, parsed }) => {
    expect(Command.parse(input)).toEqual(parsed);
  });

  it.each([
    { input: { id: 'c1', type: 'floor.next', participantId: 'p9', admin: true }, parsed: { id: 'c1', type: 'floor.next' } },
    { input: { id: 'c1', type: 'hand.raise', kind: 'reply', participantId: 'p9', role: 'moderator' }, parsed: { id: 'c1', type: 'hand.raise', kind: 'reply' } },
    { input: { id: 'c1', type: 'room.update', title: 'T', __proto__x: 1, settings: { joinOpen: false } }, parsed: { id: 'c1', type: 'room.update', title: 'T' } },
  ])('unknown fields are stripped from $input.type', ({ input, parsed }) => {
    expect(Command.parse(input)).toEqual(parsed);
  });

  it('every command type parses from a minimal valid message, and each of its fields is required', () => {
    const minimal: Record<string, Record<string, unknown>> = {
      'hand.lower': {}, 'floor.give': { participantId: 'p' }, 'queue.move': { participantId: 'p', index: 0 },
      'timer.add': { ms: 1 }, 'agenda.add': { title: 'T', plannedMs: 0 }, 'agenda.update': { itemId: 'a' },
      'agenda.remove': { itemId: 'a' }, 'agenda.move': { itemId: 'a', index: 0 }, 'agenda.start': { itemId: 'a' },
      'participant.rename': { participantId: 'p', name: 'N' }, 'participant.remove': { participantId: 'p' },
      'participant.revoke': { participantId: 'p' },
      'participant.profile': { participantId: 'p' }, 'participants.profile': { updates: [{ participantId: 'p' }] },
      'tables.create': { count: 1 }, 'table.update': { tableId: 't' }, 'tables.assign': { mode: 'random' },
      'table.seat': { participantId: 'p', tableId: null }, 'table.facilitator': { tableId: 't', participantId: null },
      'breakout.start': { durationMs: 10_000 }, 'breakout.extend': { ms: -1 }, broadcast: { text: 'B' },
      'round.start': { tableId: 't', turnMs: 10_000 }, 'round.skip': { tableId: 't' }, 'round.stop': { tableId: 't' },
      'help.request': { tableId: 't' }, 'help.answer': { tableId: 't' },
      'projector.show': { view: 'draft' },
    };
    for (const type of COMMAND_TYPES) {
      const fields = minimal[type] ?? {};
      expect({ type, success: ok({ id: 'c', type, ...fields }).success }).toEqual({ type, success: true });
      for (const key of Object.keys(fields)) {
        const { [key]: _, ...without } = fields;
        expect({ type, without: key, success: ok({ id: 'c', type, ...without }).success }).toEqual({ type, without: key, success: false });
      }
    }
  });
});

describe('Command schema: rejected input', () => {
  it.each([
    { label: 'unknown type', input: { id: 'c', type: 'floor.grab' } },
    { label: 'missing id', input: { type: 'floor.next' } },
    { label: 'empty id', input: { id: '', type: 'floor.next' } },
    { label: 'over-long command id', input: { id: long(LIMITS.MAX_COMMAND_ID_CHARS + 1), type: 'floor.next' } },
    { label: 'over-long participant id', input: { id: 'c', type: 'floor.give', participantId: long(65) } },
    { label: 'empty participant id', input: { id: 'c', type: 'floor.give', participantId: '' } },
    { label: 'over-long agenda item id', input: { id: 'c', type: 'agenda.start', itemId: long(65) } },
    { label: 'over-long name', input: { id: 'c', type: 'participant.rename', participantId: 'p', name: long(LIMITS.MAX_NAME_CHARS + 1) } },
    { label: 'over-long title', input: { id: 'c', type: 'agenda.add', title: long(LIMITS.MAX_TITLE_CHARS + 1), plannedMs: 0 } },
    { label: 'blank name', input: { id: 'c', type: 'participant.rename', participantId: 'p', name: '   ' } },
    { label: 'newline inside a name', input: { id: 'c', type: 'participant.rename', participantId: 'p', name: 'Ana\nBo' } },
    { label: 'NUL inside a name', input: { id: 'c', type: 'participant.rename', participantId: 'p', name: 'Ana\u0000x' } },
    { label: 'escape inside a title', input: { id: 'c', type: 'room.update', title: 'A\u001b[31mB' } },
    { label: 'DEL inside a title', input: { id: 'c', type: 'agenda.add', title: 'A\u007fB', plannedMs: 0 } },
    { label: 'number as id', input: { id: 7, type: 'floor.next' } },
    { label: 'string index', input: { id: 'c', type: 'queue.move', participantId: 'p', index: '1' } },
    { label: 'negative index', input: { id: 'c', type: 'queue.move', participantId: 'p', index: -1 } },
    { label: 'fractional index', input: { id: 'c', type: 'agenda.move', itemId: 'a', index: 0.5 } },
    { label: 'huge index', input: { id: 'c', type: 'agenda.move', itemId: 'a', index: 10_001 } },
    { label: 'unknown hand kind', input: { id: 'c', type: 'hand.raise', kind: 'shout' } },
    { label: 'zero timer step', input: { id: 'c', type: 'timer.add', ms: 0 } },
    { label: 'timer step over an hour', input: { id: 'c', type: 'timer.add', ms: LIMITS.MAX_TIMER_STEP_MS + 1 } },
    { label: 'timer step as string', input: { id: 'c', type: 'timer.add', ms: '30000' } },
    { label: 'negative planned time', input: { id: 'c', type: 'agenda.add', title: 'T', plannedMs: -1 } },
    { label: 'planned time over a day', input: { id: 'c', type: 'agenda.add', title: 'T', plannedMs: LIMITS.MAX_DURATION_MS + 1 } },
    { label: 'speaking time under 10 s', input: { id: 'c', type: 'agenda.add', title: 'T', plannedMs: 0, speakingMs: 9_999 } },
    { label: 'unknown language', input: { id: 'c', type: 'room.update', language: 'xx' } },
    { label: 'joinOpen as string', input: { id: 'c', type: 'room.update', joinOpen: 'false' } },
    { label: 'queue limit 0', input: { id: 'c', type: 'room.update', queueLimit: 0 } },
    { label: 'NaN timer step', input: { id: 'c', type: 'timer.add', ms: Number.NaN } },
    { label: 'Infinity planned time', input: { id: 'c', type: 'agenda.add', title: 'T', plannedMs: Number.POSITIVE_INFINITY } },
    { label: 'no tables', input: { id: 'c', type: 'tables.create', count: 0 } },
    { label: 'over 200 tables', input: { id: 'c', type: 'tables.create', count: 201 } },
    { label: 'a table with three languages', input: { id: 'c', type: 'tables.create', count: 1, languages: ['fr', 'nl', 'de'] } },
    { label: 'unknown seating mode', input: { id: 'c', type: 'tables.assign', mode: 'alphabetical' } },
    { label: 'breakout under 1 s', input: { id: 'c', type: 'breakout.start', durationMs: 999 } },
    { label: 'zero breakout extension', input: { id: 'c', type: 'breakout.extend', ms: 0 } },
    { label: 'go-round turn under 1 s', input: { id: 'c', type: 'round.start', tableId: 't', turnMs: 999 } },
    { label: 'broadcast over 280 characters', input: { id: 'c', type: 'broadcast', text: long(281) } },
    { label: 'blank broadcast', input: { id: 'c', type: 'broadcast', text: '  ' } },
    { label: 'over 12 attributes', input: { id: 'c', type: 'participant.profile', participantId: 'p', attributes: Object.fromEntries(Array.from({ length: 13 }, (_, i) => [`a${i}`, 'x'])) } },
    { label: 'empty profile batch', input: { id: 'c', type: 'participants.profile', updates: [] } },
    { label: 'not an object', input: 'floor.next' },
    { label: 'null', input: null },
  ])('$label', ({ input }) => {
    expect(ok(input).success).toBe(false);
  });

  it.each([
    { label: 'id at the limit', input: { id: long(LIMITS.MAX_COMMAND_ID_CHARS), type: 'floor.next' } },
    { label: 'participant id at 64', input: { id: 'c', type: 'floor.give', participantId: long(64) } },
    { label: 'name at the limit', input: { id: 'c', type: 'participant.rename', participantId: 'p', name: long(LIMITS.MAX_NAME_CHARS) } },
    { label: 'title at the limit', input: { id: 'c', type: 'agenda.add', title: long(LIMITS.MAX_TITLE_CHARS), plannedMs: 0 } },
    { label: 'name padded past the limit but trimmed within it', input: { id: 'c', type: 'participant.rename', participantId: 'p', name: ` ${long(LIMITS.MAX_NAME_CHARS)} ` } },
  ])('accepted at the edge: $label', ({ input }) => {
    expect(ok(input).success).toBe(true);
  });
});

describe('other client messages', () => {
  it.each([
    { schema: JoinRequest, input: { joinCode: 'abc-234', name: 'Ana' }, success: true },
    { schema: JoinRequest, input: { joinCode: 'abc-234', name: 'Ana\tB' }, success: false },
    { schema: JoinRequest, input: { joinCode: long(21), name: 'Ana' }, success: false },
    { schema: JoinRequest, input: { joinCode: 'ABC234', name: long(LIMITS.MAX_NAME_CHARS + 1) }, success: false },
    { schema: CreateRoomRequest, input: { title: 'Assembly' }, success: true },
    { schema: CreateRoomRequest, input: { title: '' }, success: false },
    { schema: SyncRequest, input: { since: -1 }, success: true },
    { schema: SyncRequest, input: { since: -2 }, success: false },
    { schema: SocketAuth, input: { roomId: 'r', key: long(16) }, success: true },
    { schema: SocketAuth, input: { roomId: 'r', key: long(15) }, success: false },
    { schema: SocketAuth, input: { roomId: 'r', key: long(201) }, success: false },
  ])('$input → success $success', ({ schema, input, success }) => {
    expect(schema.safeParse(input).success).toBe(success);
  });

  it('join and create requests fill in language defaults and strip extras', () => {
    expect(JoinRequest.parse({ joinCode: 'ABC234', name: 'Ana', role: 'moderator' })).toEqual({ joinCode: 'ABC234', name: 'Ana', language: null });
    expect(CreateRoomRequest.parse({ title: 'A', moderatorKey: 'x' })).toEqual({ title: 'A', language: 'en', secondLanguage: null });
  });
});
