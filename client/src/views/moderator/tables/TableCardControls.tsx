import type { Table } from '@dr/shared';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { useCommand, useRoomState } from '../../../room/hooks.ts';

/**
 * A moderator standing in for a table's facilitator (or where there is none): give the
 * floor to the next in line, or end the current turn. Named after the table for screen readers.
 */
export function TableCardControls({ table, label }: { table: Table; label: string }) {
  const { t } = useI18n();
  const state = useRoomState();
  const send = useCommand();
  const next = table.floor.queue[0];
  const tableId = table.id;
  return (
    <div className="button-row table-card-controls">
      <button type="button" className="button button-small button-secondary" disabled={!next} onClick={() => send({ type: 'floor.next', tableId })} data-testid="table-card-next">
        {next ? t('desk.next-speaker-name', { name: state.participants[next.participantId]?.name ?? '' }) : t('desk.next-speaker')}
        <span className="visually-hidden"> – {label}</span>
      </button>
      <button type="button" className="button button-small button-ghost" disabled={!table.floor.speaker} onClick={() => send({ type: 'floor.end', tableId })} data-testid="table-card-end-turn">
        {t('desk.end-turn')}
        <span className="visually-hidden"> – {label}</span>
      </button>
    </div>
  );
}
