import type { Table } from '@dr/shared';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useCommand } from '../../room/hooks.ts';
import { TableQueueItem } from './TableQueueItem.tsx';

/**
 * The table's queue for its facilitator. Arrows rather than drag and drop: dragging does
 * not work on most touch screens, and a tap on a large arrow is hard to get wrong.
 */
export function TableQueue({ table }: { table: Table }) {
  const { t, tn } = useI18n();
  const send = useCommand();
  const tableId = table.id;
  const queue = table.floor.queue;

  function move(participantId: string, index: number) {
    if (index < 0 || index >= queue.length) return;
    void send({ type: 'queue.move', tableId, participantId, index });
  }

  return (
    <section className="facilitator-section" aria-labelledby="table-queue-title">
      <div className="facilitator-section-head">
        <h2 id="table-queue-title">{t('desk.queue')}</h2>
        <span className="count">{tn('desk.queue-count', queue.length)}</span>
      </div>
      {queue.length === 0 ? <p className="empty">{t('desk.queue-empty')}</p> : null}
      <ol className="table-queue" data-testid="queue-list">
        {queue.map((entry, i) => (
          <TableQueueItem key={entry.participantId} tableId={tableId} participantId={entry.participantId} index={i} last={i === queue.length - 1} onMove={move} />
        ))}
      </ol>
    </section>
  );
}
