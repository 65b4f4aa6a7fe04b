import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useCommand, useRoomState } from '../../room/hooks.ts';
import { Subject } from '../common/Subject.tsx';

interface Props {
  tableId: string;
  participantId: string;
  index: number;
  last: boolean;
  onMove: (participantId: string, index: number) => void;
}

/** One person waiting at the table: up or down, give them the floor, or lower their hand. */
export function TableQueueItem({ tableId, participantId: pid, index, last, onMove }: Props) {
  const { t } = useI18n();
  const state = useRoomState();
  const send = useCommand();
  const name = state.participants[pid]?.name ?? '—';
  return (
    <li className="table-queue-item" data-testid="queue-item" data-participant-id={pid}>
      <span className="queue-pos" aria-hidden="true">
        {index + 1}
      </span>
      <span className="queue-name">{name}</span>
      <span className="table-queue-order">
        <button type="button" className="icon-button" disabled={index === 0} onClick={() => onMove(pid, index - 1)} aria-label={t('desk.move-up', { name })} data-testid="queue-move-up">
          ↑
        </button>
        <button type="button" className="icon-button" disabled={last} onClick={() => onMove(pid, index + 1)} aria-label={t('desk.move-down', { name })} data-testid="queue-move-down">
          ↓
        </button>
      </span>
      <div className="table-queue-actions">
        <button type="button" className="button button-secondary" onClick={() => send({ type: 'floor.give', tableId, participantId: pid })} data-testid="give-floor">
          {t('desk.give-floor')}
          <Subject of={name} />
        </button>
        <button type="button" className="button" onClick={() => send({ type: 'hand.lower', tableId, participantId: pid })} data-testid="desk-lower-hand">
          {t('desk.lower-hand')}
          <Subject of={name} />
        </button>
      </div>
    </li>
  );
}
