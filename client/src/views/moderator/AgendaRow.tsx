import type { AgendaItem, AgendaTiming } from '@dr/shared';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { TranslationKey } from '../../i18n/translate.ts';
import { formatDuration, formatSigned } from '../../lib/format.ts';
import { useCommand } from '../../room/hooks.ts';
import { Subject } from '../common/Subject.tsx';
import { ConfirmButton } from './ConfirmButton.tsx';

const STATUS_LABELS: Record<AgendaItem['status'], TranslationKey> = {
  pending: 'desk.item-pending',
  active: 'desk.item-active',
  done: 'desk.item-done',
};

/** One agenda item; `timing` only for the running one. */
export function AgendaRow({ item, index, last, timing }: { item: AgendaItem; index: number; last: boolean; timing: AgendaTiming | null }) {
  const { t } = useI18n();
  const send = useCommand();
  const active = item.status === 'active';
  const over = timing?.activeOverMs ?? 0;

  return (
    <li className={`agenda-item status-${item.status}`} data-testid="agenda-item" data-item-id={item.id}>
      <div className="agenda-main">
        <span className="agenda-status">{t(STATUS_LABELS[item.status])}</span>
        <span className="agenda-title">{item.title}</span>
        <span className="agenda-meta">
          {t('desk.item-planned', { time: formatDuration(item.plannedMs) })}
          {item.speakingMs !== null ? ` · ${t('desk.item-turn', { time: formatDuration(item.speakingMs) })}` : ''}
        </span>
        {timing && timing.activeElapsedMs !== null ? (
          <span className={over > 0 ? 'agenda-progress over' : 'agenda-progress'}>
            {t('desk.item-elapsed', { time: formatDuration(timing.activeElapsedMs) })} ·{' '}
            {over > 0 ? t('desk.item-over', { time: formatSigned(over) }) : t('desk.item-left', { time: formatDuration(-over) })}
          </span>
        ) : null}
      </div>
      <div className="agenda-actions">
        {active ? (
          <button type="button" className="button button-small button-primary" onClick={() => send({ type: 'agenda.finish' })} data-testid="agenda-finish">
            {t('desk.item-finish')}
          </button>
        ) : (
          <button type="button" className="button button-small" onClick={() => send({ type: 'agenda.start', itemId: item.id })} data-testid="agenda-start">
            {item.status === 'done' ? t('desk.item-resume') : t('desk.item-start')}
            <Subject of={item.title} />
          </button>
        )}
        <button type="button" className="icon-button" disabled={index === 0} onClick={() => send({ type: 'agenda.move', itemId: item.id, index: index - 1 })} aria-label={t('desk.move-up', { name: item.title })}>
          ↑
        </button>
        <button type="button" className="icon-button" disabled={last} onClick={() => send({ type: 'agenda.move', itemId: item.id, index: index + 1 })} aria-label={t('desk.move-down', { name: item.title })}>
          ↓
        </button>
        {!active ? <ConfirmButton label={t('desk.remove')} confirmLabel={t('desk.remove-confirm')} subject={item.title} danger onConfirm={() => send({ type: 'agenda.remove', itemId: item.id })} /> : null}
      </div>
    </li>
  );
}
