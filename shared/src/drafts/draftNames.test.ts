import { describe, expect, it } from 'vitest';
import { draftKey, draftRoomName, parseDraftKey, parseDraftRoomName } from './draftNames.ts';

describe('draft names', () => {
  it('round-trips the y-websocket room names of the plenary and of a table', () => {
    expect(draftRoomName('r_abc', { kind: 'plenary' })).toBe('r_abc/plenary');
    expect(draftRoomName('r_abc', { kind: 'table', tableId: 't_9' })).toBe('r_abc/tables/t_9');
    expect(parseDraftRoomName('r_abc/plenary')).toEqual({ roomId: 'r_abc', draft: { kind: 'plenary' } });
    expect(parseDraftRoomName('r_abc/tables/t_9')).toEqual({ roomId: 'r_abc', draft: { kind: 'table', tableId: 't_9' } });
    expect(parseDraftKey(draftKey({ kind: 'table', tableId: 'x' }))).toEqual({ kind: 'table', tableId: 'x' });
  });

  it.each(['', 'r_abc', 'r_abc/', '/plenary', 'r_abc/tables', 'r_abc/tables/', 'r_abc/tables/a/b', 'r_abc/plenary/x', 'r abc/plenary', 'r_abc/tables/..', 'r_abc/tables/%2e', `${'r'.repeat(65)}/plenary`, 'r_abc/other'])(
    'names no draft: %j',
    (name) => expect(parseDraftRoomName(name)).toBeNull(),
  );
});
