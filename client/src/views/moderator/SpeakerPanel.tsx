import { isRunning } from '@dr/shared';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDuration } from '../../lib/format.ts';
import { useCommand, useRoomState, useServerNow } from '../../room/hooks.ts';
import { KindBadge } from '../common/KindBadge.tsx';
import { PHASE_LABELS, useTurnTimer } from '../common/useTurnTimer.ts';
import { ADD_STEP_MS } from './useDeskShortcuts.ts';

/** The floor: who speaks, the big timer, and the controls (each with its shortcut). */
export function SpeakerPanel() {
  const { t } = useI18n();
  const state = useRoomState();
  const send = useCommand();
  const speaker = state.floor.speaker;
  const timer = useTurnTimer(speaker);
  const now = useServerNow(1000);
  const person = speaker ? state.participants[speaker.participantId] : undefined;
  const next = state.floor.queue[0];
  const running = speaker !== null && isRunning(speaker.clock);
  const toggleLabel = running ? t('desk.pause') : speaker && speaker.clock.elapsedMs > 0 ? t('desk.resume') : t('desk.start');

  return (
    <section className="panel speaker-panel" aria-labelledby="floor-title">
      <h2 id="floor-title">{t('desk.floor')}</h2>
      <div className="speaker-now" aria-live="polite">
        {speaker ? (
          <>
            <p className="speaker-name" data-testid="desk-current-speaker">
              {person?.name ?? '—'}
            </p>
            <p className="speaker-meta">
              <KindBadge kind={speaker.kind} /> {t('desk.speaking-for', { time: formatDuration(now - speaker.since) })}
            </p>
          </>
        ) : (
          <p className="speaker-none">{t('desk.nobody-speaking')}</p>
        )}
      </div>
      {timer ? (
        <p className={`desk-timer phase-${timer.phase}`} data-testid="desk-timer">
          <span className="desk-timer-value">{timer.text}</span>
          <span className="desk-timer-label">{t(PHASE_LABELS[timer.phase])}</span>
        </p>
      ) : null}
      <div className="button-row timer-controls">
        <button type="button" className="button" disabled={!speaker} onClick={() => send({ type: running ? 'timer.pause' : 'timer.start' })} aria-keyshortcuts="Space" data-testid="timer-toggle">
          {toggleLabel} <kbd>{t('desk.key-space')}</kbd>
        </button>
        <button type="button" className="button" disabled={!speaker} onClick={() => send({ type: 'timer.add', ms: ADD_STEP_MS })} aria-keyshortcuts="+" data-testid="timer-add30">
          {t('desk.add-30')} <kbd>+</kbd>
        </button>
        <button type="button" className="button button-ghost" disabled={!speaker} onClick={() => send({ type: 'timer.reset' })} data-testid="timer-reset">
          {t('desk.reset')}
        </button>
      </div>
      <div className="button-row floor-controls">
        <button type="button" className="button button-secondary" disabled={!speaker} onClick={() => send({ type: 'floor.end' })} aria-keyshortcuts="E" data-testid="end-turn">
          {t('desk.end-turn')} <kbd>E</kbd>
        </button>
        <button type="button" className="button button-primary button-grow" disabled={!next} onClick={() => send({ type: 'floor.next' })} aria-keyshortcuts="N" data-testid="next-speaker">
          {next ? t('desk.next-speaker-name', { name: state.participants[next.participantId]?.name ?? '' }) : t('desk.next-speaker')} <kbd>N</kbd>
        </button>
      </div>
    </section>
  );
}
