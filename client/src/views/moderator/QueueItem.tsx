import type { Participant, QueueEntry } from '@dr/shared';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDuration } from '../../lib/format.ts';
import { useCommand } from '../../room/hooks.ts';
import { KindBadge } from '../common/KindBadge.tsx';
import { Subject } from '../common/Subject.tsx';

interface DragHandlers {
  start: (participantId: string) => void;
  over: (index: number) => void;
  drop: (index: number) => void;
  end: () => void;
}

interface Props {
  entry: QueueEntry;
  index: number;
  last: boolean;
  participant: Participant | undefined;
  dragging: boolean;
  dropTarget: boolean;
  drag: DragHandlers;
  onMove: (participantId: string, index: number) => void;
}

/** One person in line: drag it, or use the arrows; give them the floor or lower their hand. */
export function QueueItem({ entry, index, last, participant, dragging, dropTarget, drag, onMove }: Props) {
  const { t } = useI18n();
  const send = useCommand();
  const name = participant?.name ?? '—';
  const pid = entry.participantId;
  const classes = ['queue-item', dragging && 'dragging', dropTarget && 'drop-target'].filter(Boolean).join(' ');

  return (
    <li
      className={classes}
      data-testid="queue-item"
      data-participant-id={pid}
      draggable
      onDragStart={(e) => {
        e.dataTransfer.setData('text/plain', pid);
        e.dataTransfer.effectAllowed = 'move';
        drag.start(pid);
      }}
      onDragOver={(e) => {
        e.preventDefault();
        drag.over(index);
      }}
      onDrop={(e) => {
        e.preventDefault();
        drag.drop(index);
      }}
      onDragEnd={drag.end}
    >
      <span className="queue-pos" aria-hidden="true">
        {index + 1}
      </span>
      <span className="drag-handle" aria-hidden="true" title={t('desk.drag')}>
        ⠿
      </span>
      <div className="queue-who">
        <span className="queue-name">{name}</span>
        <span className="queue-meta">
          <KindBadge kind={entry.kind} />
          {participant && participant.turns > 0 ? <span>{t('desk.spoken', { time: formatDuration(participant.spokenMs) })}</span> : null}
          {entry.pinned ? <span className="pinned">{t('desk.pinned')}</span> : null}
        </span>
      </div>
      <div className="queue-actions">
        <button type="button" className="icon-button" disabled={index === 0} onClick={() => onMove(pid, index - 1)} aria-label={t('desk.move-up', { name })}>
          ↑
        </button>
        <button type="button" className="icon-button" disabled={last} onClick={() => onMove(pid, index + 1)} aria-label={t('desk.move-down', { name })}>
          ↓
        </button>
        <button type="button" className="button button-small" onClick={() => send({ type: 'floor.give', participantId: pid })} data-testid="give-floor">
          {t('desk.give-floor')}
          <Subject of={name} />
        </button>
        <button type="button" className="button button-small button-ghost" onClick={() => send({ type: 'hand.lower', participantId: pid })} data-testid="desk-lower-hand">
          {t('desk.lower-hand')}
          <Subject of={name} />
        </button>
      </div>
    </li>
  );
}
