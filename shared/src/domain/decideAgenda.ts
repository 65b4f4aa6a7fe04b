import { LIMITS, type CommandOf } from '../protocol.ts';
import type { DecideContext } from './actor.ts';
import { accept, reject, type Decision, type Draft } from './decision.ts';
import type { RoomState } from './state.ts';

type AgendaCommand = CommandOf<'agenda.add' | 'agenda.update' | 'agenda.remove' | 'agenda.move' | 'agenda.start' | 'agenda.finish'>;

/** Decides agenda commands (moderator only; checked by `authorize`). */
export function decideAgenda(state: RoomState, cmd: AgendaCommand, ctx: DecideContext): Decision {
  const { now } = ctx;
  const { items, activeId } = state.agenda;
  if (cmd.type === 'agenda.add') {
    if (items.length >= LIMITS.MAX_AGENDA_ITEMS) return reject('conflict', 'too many agenda items', 'agenda_full');
    return accept(now, { type: 'agenda.added', itemId: ctx.newId('a'), title: cmd.title, plannedMs: cmd.plannedMs, speakingMs: cmd.speakingMs });
  }
  if (cmd.type === 'agenda.finish') {
    if (activeId === null) return reject('conflict', 'no agenda item is running', 'no_active_item');
    return accept(now, { type: 'agenda.finished', itemId: activeId });
  }
  const index = items.findIndex((i) => i.id === cmd.itemId);
  const item = items[index];
  if (!item) return reject('not_found', 'unknown agenda item', 'agenda_item_not_found');
  switch (cmd.type) {
    case 'agenda.update': {
      const changes = { title: cmd.title, plannedMs: cmd.plannedMs, speakingMs: cmd.speakingMs };
      if (Object.values(changes).every((v) => v === undefined)) return reject('invalid', 'nothing to change', 'no_changes');
      return accept(now, { type: 'agenda.updated', itemId: item.id, changes });
    }
    case 'agenda.remove':
      if (item.id === activeId) return reject('conflict', 'finish the item before removing it', 'agenda_item_active');
      return accept(now, { type: 'agenda.removed', itemId: item.id });
    case 'agenda.move':
      return accept(now, { type: 'agenda.moved', itemId: item.id, index: Math.min(cmd.index, items.length - 1) });
    case 'agenda.start': {
      if (item.id === activeId) return reject('conflict', 'this item is already running', 'agenda_item_active');
      const finishPrevious: Draft[] = activeId === null ? [] : [{ type: 'agenda.finished', itemId: activeId }];
      return accept(now, ...finishPrevious, { type: 'agenda.started', itemId: item.id });
    }
  }
}
