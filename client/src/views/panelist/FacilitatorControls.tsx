import { isRunning, type Table } from '@dr/shared';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useCommand, useRoomState } from '../../room/hooks.ts';
import { RoundControls } from './RoundControls.tsx';

const ADD_MS = 30_000;

/**
 * For the member chosen to lead the table: give the floor to the next in line, hold or
 * extend the turn, and run a go-round. Every command names this table, the only one a
 * facilitator may run.
 */
export function FacilitatorControls({ table }: { table: Table }) {
  const { t } = useI18n();
  const state = useRoomState();
  const send = useCommand();
  const tableId = table.id;
  const { queue, speaker } = table.floor;
  const next = queue[0];
  const running = speaker !== null && isRunning(speaker.clock);

  return (
    <section className="facilitator" aria-labelledby="facilitator-title" data-testid="facilitator-controls">
      <h2 id="facilitator-title">{t('facilitator.title')}</h2>
      <p className="field-hint">{t('facilitator.hint')}</p>
      <button type="button" className="button button-primary button-large" disabled={!next} onClick={() => send({ type: 'floor.next', tableId })} data-testid="facilitator-next">
        {next ? t('desk.next-speaker-name', { name: state.participants[next.participantId]?.name ?? '' }) : t('facilitator.nobody-waiting')}
      </button>
      {/* Turn controls only while someone speaks: three greyed-out buttons would only puzzle. */}
      {speaker ? (
        <div className="facilitator-row">
          <button type="button" className="button" onClick={() => send({ type: running ? 'timer.pause' : 'timer.start', tableId })} data-testid="facilitator-timer">
            {running ? t('desk.pause') : speaker.clock.elapsedMs > 0 ? t('desk.resume') : t('desk.start')}
          </button>
          <button type="button" className="button" onClick={() => send({ type: 'timer.add', tableId, ms: ADD_MS })} data-testid="facilitator-add30">
            {t('desk.add-30')}
          </button>
          {/* Back to the full turn, stopped: for a speaker who was cut off by noise or a false start. */}
          <button type="button" className="button" onClick={() => send({ type: 'timer.reset', tableId })} data-testid="facilitator-reset">
            {t('desk.reset')}
          </button>
          <button type="button" className="button" onClick={() => send({ type: 'floor.end', tableId })} data-testid="facilitator-end-turn">
            {t('desk.end-turn')}
          </button>
        </div>
      ) : null}
      <RoundControls table={table} />
    </section>
  );
}
