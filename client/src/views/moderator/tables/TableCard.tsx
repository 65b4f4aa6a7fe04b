import { remainingMs, type Table } from '@dr/shared';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { formatCountdown, formatDuration } from '../../../lib/format.ts';
import { roundProgress } from '../../../lib/tables.ts';
import { timerPhase } from '../../../lib/timerPhase.ts';
import { useCommand, useRoomState } from '../../../room/hooks.ts';
import { LanguagesLabel } from '../../common/LanguagesLabel.tsx';
import { PHASE_LABELS } from '../../common/useTurnTimer.ts';
import { tableName } from '../../common/tableName.ts';
import { TableCardControls } from './TableCardControls.tsx';
import { TableMembers } from './TableMembers.tsx';

/** One table in the overview; a call for help turns the card red and puts "Answer" first. */
export function TableCard({ table, now, online }: { table: Table; now: number; online: ReadonlySet<string> }) {
  const { t, tn } = useI18n();
  const state = useRoomState();
  const send = useCommand();
  const speaker = table.floor.speaker;
  const round = roundProgress(table);
  const help = table.helpRequestedAt;
  const name = (id: string | null) => (id ? (state.participants[id]?.name ?? '') : '');
  const label = tableName(t, table);

  return (
    <li className={help !== null ? 'table-card table-card-help' : 'table-card'} data-testid="table-card" data-table-id={table.id} data-help={help !== null}>
      <div className="table-card-head">
        <span className="table-number-badge" aria-hidden="true">
          {table.number}
        </span>
        <h3 className="table-card-name">{label}</h3>
        <LanguagesLabel languages={table.languages} />
      </div>
      {help !== null ? (
        <div className="table-card-call" role="alert">
          <strong>{t('overview.help-called', { time: formatDuration(now - help) })}</strong>
          <button type="button" className="button button-small button-danger" onClick={() => send({ type: 'help.answer', tableId: table.id })} data-testid="help-answer">
            {t('overview.answer')}
            <span className="visually-hidden"> – {label}</span>
          </button>
        </div>
      ) : null}
      <p className="table-card-floor">
        {speaker ? (
          <>
            <span className="table-card-speaker">{name(speaker.participantId)}</span>{' '}
            <span className={`table-card-time phase-${timerPhase(speaker.clock, now)}`}>
              {formatCountdown(remainingMs(speaker.clock, now))} {t(PHASE_LABELS[timerPhase(speaker.clock, now)])}
            </span>
          </>
        ) : (
          <span className="muted">{t('desk.nobody-speaking')}</span>
        )}
      </p>
      <p className="table-card-meta">
        {round ? <span>{t('round.title', { turn: round.turn, total: round.total })}</span> : null}
        <span data-testid="table-card-queue">{tn('desk.queue-count', table.floor.queue.length)}</span>
      </p>
      <TableCardControls table={table} label={label} />
      <TableMembers table={table} online={online} speaking={speaker?.participantId ?? null} />
    </li>
  );
}
