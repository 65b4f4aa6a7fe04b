import { useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useCommand, useRoomState } from '../../room/hooks.ts';
import { QueueItem } from './QueueItem.tsx';

/**
 * The speaker queue. Reorder by drag and drop or by the arrow buttons; both send
 * `queue.move`, and a moved entry stays where it was put.
 */
export function QueuePanel() {
  const { t, tn } = useI18n();
  const state = useRoomState();
  const send = useCommand();
  const queue = state.floor.queue;
  const [dragging, setDragging] = useState<string | null>(null);
  const [dropIndex, setDropIndex] = useState<number | null>(null);

  function move(participantId: string, index: number) {
    const from = queue.findIndex((e) => e.participantId === participantId);
    if (from < 0 || index < 0 || index >= queue.length || index === from) return;
    void send({ type: 'queue.move', participantId, index });
  }

  const drag = {
    start: (pid: string) => setDragging(pid),
    over: (index: number) => setDropIndex(index),
    drop: (index: number) => {
      if (dragging) move(dragging, index);
      setDragging(null);
      setDropIndex(null);
    },
    end: () => {
      setDragging(null);
      setDropIndex(null);
    },
  };

  return (
    <section className="panel queue-panel" aria-labelledby="queue-title">
      <div className="panel-head">
        <h2 id="queue-title">{t('desk.queue')}</h2>
        <span className="count">{tn('desk.queue-count', queue.length)}</span>
      </div>
      {state.settings.progressiveStack ? <p className="panel-note">{t('desk.progressive-on')}</p> : null}
      {queue.length === 0 ? <p className="empty">{t('desk.queue-empty')}</p> : null}
      <ol className="queue-list" data-testid="queue-list" aria-describedby="queue-help">
        {queue.map((entry, i) => (
          <QueueItem
            key={entry.participantId}
            entry={entry}
            index={i}
            last={i === queue.length - 1}
            participant={state.participants[entry.participantId]}
            dragging={dragging === entry.participantId}
            dropTarget={dropIndex === i && dragging !== null && dragging !== entry.participantId}
            drag={drag}
            onMove={move}
          />
        ))}
      </ol>
      <p id="queue-help" className="panel-note">
        {t('desk.queue-help')}
      </p>
    </section>
  );
}
