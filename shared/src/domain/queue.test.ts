import { describe, expect, it } from 'vitest';
import { insertAt, insertionIndex, KIND_RANK, moveTo, queuePosition } from './queue.ts';
import type { HandKind } from './state.ts';
import { as, createTestRoom, errorOf, MOD, type TestRoom } from './testRoom.ts';

/** Letters name people in join order: `a` is the first to join, `b` the second, … */
function roomWith(people: string, settings?: Record<string, unknown>): { room: TestRoom; id: (letter: string) => string; names: () => string } {
  const room = createTestRoom(settings ? { settings } : {});
  const ids = new Map([...people].map((letter) => [letter, room.join(letter)] as const));
  const letters = new Map([...ids].map(([l, pid]) => [pid, l] as const));
  return {
    room,
    id: (letter) => ids.get(letter) ?? `unknown-${letter}`,
    names: () => room.queueIds().map((pid) => letters.get(pid)).join(''),
  };
}

/** `"a:speak b:point"` → raises in that order. */
function raiseAll(room: TestRoom, id: (l: string) => string, spec: string): void {
  for (const step of spec.split(' ').filter(Boolean)) {
    const [letter = '', kind = 'speak'] = step.split(':');
    room.tick(1_000).raise(id(letter), kind as HandKind);
  }
}

describe('queue helpers', () => {
  it('ranks points of order before replies before hands', () => {
    expect(KIND_RANK.point).toBeLessThan(KIND_RANK.reply);
    expect(KIND_RANK.reply).toBeLessThan(KIND_RANK.speak);
  });

  it.each([
    { list: [], index: 0, out: ['x'] },
    { list: ['a', 'b'], index: 1, out: ['a', 'x', 'b'] },
    { list: ['a', 'b'], index: -3, out: ['x', 'a', 'b'] },
    { list: ['a', 'b'], index: 99, out: ['a', 'b', 'x'] },
  ])('insertAt($list, $index) clamps into range', ({ list, index, out }) => {
    expect(insertAt(list, index, 'x')).toEqual(out);
  });

  it.each([
    { from: 0, to: 2, out: ['b', 'c', 'A', 'd'] },
    { from: 3, to: 0, out: ['D', 'a', 'b', 'c'] },
    { from: 1, to: 99, out: ['a', 'c', 'd', 'B'] },
    { from: 2, to: 2, out: ['a', 'b', 'C', 'd'] },
  ])('moveTo(from $from, to $to) puts the item at its final index', ({ from, to, out }) => {
    expect(moveTo(['a', 'b', 'c', 'd'], from, to, (s) => s.toUpperCase())).toEqual(out);
  });

  it('moveTo of a missing index returns an unchanged copy', () => {
    const list = ['a', 'b'];
    const moved = moveTo(list, 5, 0);
    expect(moved).toEqual(list);
    expect(moved).not.toBe(list);
  });

  it('queuePosition finds an entry or answers -1', () => {
    const queue = [{ participantId: 'p1', kind: 'speak', raisedAt: 0, pinned: false }] as const;
    expect(queuePosition(queue, 'p1')).toBe(0);
    expect(queuePosition(queue, 'p2')).toBe(-1);
  });
});

describe('class order: points, then replies, then hands, each in arrival order', () => {
  it.each([
    { raises: 'a b c', order: 'abc' },
    { raises: 'a b:point', order: 'ba' },
    { raises: 'a b:reply c:point', order: 'cba' },
    { raises: 'a:point b:point c:reply d:reply', order: 'abcd' },
    { raises: 'a b:reply c:point d:reply e f:point', order: 'cfbdae' },
    { raises: 'a:reply b c:reply d', order: 'acbd' },
  ])('$raises → $order', ({ raises, order }) => {
    const { room, id, names } = roomWith('abcdef');
    raiseAll(room, id, raises);
    expect(names()).toBe(order);
  });

  it('hand.raised carries the index the entry was inserted at', () => {
    const { room, id } = roomWith('abc');
    raiseAll(room, id, 'a b');
    const [event] = room.raise(id('c'), 'reply');
    expect(event).toMatchObject({ type: 'hand.raised', participantId: id('c'), kind: 'reply', index: 0 });
    expect(room.state.floor.queue[0]).toMatchObject({ participantId: id('c'), kind: 'reply', raisedAt: room.now, pinned: false });
  });

  it('a lowered hand that comes back goes to the back of its class', () => {
    const { room, id, names } = roomWith('abc');
    raiseAll(room, id, 'a b c');
    room.must(as(id('a')), 'hand.lower');
    raiseAll(room, id, 'a');
    expect(names()).toBe('bca');
  });
});

describe('entries placed with queue.move', () => {
  it.each([
    { raises: 'a b c', move: 'c', to: 0, moved: 'cab' },
    { raises: 'a b c', move: 'a', to: 99, moved: 'bca' },
    { raises: 'a b c', move: 'a', to: 1, moved: 'bac' },
  ])('moving $move to $to in $raises → $moved (index clamped)', ({ raises, move, to, moved }) => {
    const { room, id, names } = roomWith('abc');
    raiseAll(room, id, raises);
    const [event] = room.must(MOD, 'queue.move', { participantId: id(move), index: to });
    expect(event).toMatchObject({ type: 'queue.moved', index: Math.min(to, 2) });
    expect(names()).toBe(moved);
    expect(room.state.floor.queue.map((e) => e.pinned)).toEqual([...moved].map((l) => l === move));
  });

  // The exact rule (insertionIndex): a new entry goes right behind the last *unpinned*
  // entry it does not outrank; pinned entries are skipped by the scan.
  it.each([
    { raises: 'a b c', move: 'c', to: 0, then: 'd', order: 'cabd', why: 'a pinned head is not overtaken by a later hand' },
    { raises: 'a b c', move: 'a', to: 2, then: 'd', order: 'bcda', why: 'new hands queue behind the last unpinned hand, before an entry pinned at the back' },
    { raises: 'a:point b', move: 'a', to: 1, then: 'c', order: 'bca', why: "a pinned point does not pull later hands behind it" },
    { raises: 'a:point b', move: 'b', to: 0, then: 'c:point', order: 'bac', why: 'a new point goes behind the unpinned point, so also behind the pinned head' },
    { raises: 'a b', move: 'b', to: 0, then: 'c:point', order: 'cba', why: 'a point still goes ahead of a pinned hand when no unpinned entry outranks it' },
    { raises: 'a b c', move: 'b', to: 0, then: 'd:reply', order: 'dbac', why: 'a reply goes ahead of every hand, pinned or not' },
  ])('$why', ({ raises, move, to, then, order }) => {
    const { room, id, names } = roomWith('abcd');
    raiseAll(room, id, raises);
    room.must(MOD, 'queue.move', { participantId: id(move), index: to });
    raiseAll(room, id, then);
    expect(names()).toBe(order);
  });

  it('rejects moving someone who is not queued', () => {
    const { room, id } = roomWith('ab');
    raiseAll(room, id, 'a');
    expect(errorOf(room.send(MOD, 'queue.move', { participantId: id('b'), index: 0 }))).toEqual({ code: 'conflict', reason: 'hand_not_raised' });
  });
});

describe('progressive stack', () => {
  /** Gives each person the floor for the given seconds, in order. */
  function speakFor(room: TestRoom, id: (l: string) => string, seconds: Record<string, number>): void {
    for (const [letter, s] of Object.entries(seconds)) {
      room.must(MOD, 'floor.give', { participantId: id(letter) });
      room.tick(s * 1_000).must(MOD, 'floor.end');
    }
  }

  it.each([
    { progressive: true, raises: 'a b c', order: 'bca', why: 'less speaking time goes first within a class' },
    { progressive: false, raises: 'a b c', order: 'abc', why: 'without the setting, arrival order only' },
    { progressive: true, raises: 'a b:point c:point', order: 'bca', why: 'classes still come first' },
    { progressive: true, raises: 'b d', order: 'bd', why: 'equal speaking time keeps arrival order' },
    { progressive: true, raises: 'd b', order: 'db', why: 'equal speaking time keeps arrival order (reversed arrival)' },
    { progressive: true, raises: 'a c b', order: 'bca', why: 'a newcomer who spoke less goes ahead of those who spoke more' },
  ])('$why', ({ progressive, raises, order }) => {
    const { room, id, names } = roomWith('abcd', { progressiveStack: progressive });
    speakFor(room, id, { a: 90, c: 30 });
    expect(room.state.participants[id('a')]?.spokenMs).toBe(90_000);
    raiseAll(room, id, raises);
    expect(names()).toBe(order);
  });

  it('insertionIndex reads spokenMs only when the setting is on', () => {
    const { room, id } = roomWith('ab', { progressiveStack: true });
    speakFor(room, id, { a: 10 });
    raiseAll(room, id, 'a');
    expect(insertionIndex(room.state, room.state.floor.queue, id('b'), 'speak')).toBe(0);
    room.must(MOD, 'room.update', { progressiveStack: false });
    expect(insertionIndex(room.state, room.state.floor.queue, id('b'), 'speak')).toBe(1);
  });
});

describe('hand.raise and hand.lower', () => {
  it.each([
    { setup: 'queued', kind: 'speak', error: { code: 'conflict', reason: 'hand_already_raised' } },
    { setup: 'queued', kind: 'point', error: { code: 'conflict', reason: 'hand_already_raised' } },
    { setup: 'speaking', kind: 'speak', error: { code: 'conflict', reason: 'already_speaking' } },
    { setup: 'revoked', kind: 'speak', error: { code: 'not_found', reason: 'participant_not_found' } },
    { setup: 'removed', kind: 'speak', error: { code: 'not_found', reason: 'participant_not_found' } },
  ])('a $setup participant raising ($kind) → $error.reason', ({ setup, kind, error }) => {
    const { room, id } = roomWith('a');
    if (setup === 'queued') room.raise(id('a'));
    if (setup === 'speaking') room.must(MOD, 'floor.give', { participantId: id('a') });
    if (setup === 'revoked') room.must(MOD, 'participant.revoke', { participantId: id('a') });
    if (setup === 'removed') room.must(MOD, 'participant.remove', { participantId: id('a') });
    expect(errorOf(room.send(as(id('a')), 'hand.raise', { kind }))).toEqual(error);
  });

  it('an unknown participant cannot raise', () => {
    const { room } = roomWith('');
    expect(errorOf(room.send(as('ghost'), 'hand.raise'))).toMatchObject({ code: 'not_found' });
  });

  it.each([1, 2, 3])('queueLimit %i: entering the queue counts, lowering does not give it back', (limit) => {
    const { room, id } = roomWith('ab', { queueLimit: limit });
    for (let i = 0; i < limit; i++) {
      room.raise(id('a'));
      if (i % 2 === 0) room.must(as(id('a')), 'hand.lower');
      else {
        room.must(MOD, 'floor.next');
        room.must(MOD, 'floor.end');
      }
    }
    expect(room.state.participants[id('a')]?.raises).toBe(limit);
    expect(errorOf(room.send(as(id('a')), 'hand.raise'))).toEqual({ code: 'conflict', reason: 'queue_limit_reached' });
    expect(room.send(as(id('b')), 'hand.raise').ok).toBe(true);
  });

  it.each([
    { actor: 'self', namesTarget: false, byModerator: false },
    { actor: 'self', namesTarget: true, byModerator: false },
    { actor: 'moderator', namesTarget: true, byModerator: true },
  ])('$actor lowers a hand (target named: $namesTarget, byModerator $byModerator)', ({ actor, namesTarget, byModerator }) => {
    const { room, id, names } = roomWith('ab');
    raiseAll(room, id, 'a b');
    const who = actor === 'self' ? as(id('a')) : MOD;
    const [event] = room.must(who, 'hand.lower', namesTarget ? { participantId: id('a') } : {});
    expect(event).toEqual({ type: 'hand.lowered', participantId: id('a'), byModerator, at: room.now });
    expect(names()).toBe('b');
  });

  it.each([
    { actor: 'moderator', fields: {}, error: { code: 'invalid', reason: 'participant_required' } },
    { actor: 'moderator', fields: { participantId: 'ghost' }, error: { code: 'not_found', reason: 'participant_not_found' } },
    { actor: 'self', fields: {}, error: { code: 'conflict', reason: 'hand_not_raised' } },
  ])('hand.lower rejected: $error.reason', ({ actor, fields, error }) => {
    const { room, id } = roomWith('a');
    expect(errorOf(room.send(actor === 'self' ? as(id('a')) : MOD, 'hand.lower', fields))).toEqual(error);
  });
});
