import { floorOf } from '@dr/shared';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useRoomState } from '../../room/hooks.ts';
import { PHASE_LABELS, useTurnTimer } from '../common/useTurnTimer.ts';

/**
 * Who has the floor and the time left; "You have the floor" when it is me. With a
 * `tableId`, the floor of that breakout table instead of the plenary's.
 */
export function NowSpeaking({ me, tableId }: { me: string | null; tableId?: string }) {
  const { t } = useI18n();
  const state = useRoomState();
  const speaker = floorOf(state, tableId)?.speaker ?? null;
  const timer = useTurnTimer(speaker);
  const mine = speaker !== null && speaker.participantId === me;
  const name = speaker ? (state.participants[speaker.participantId]?.name ?? '') : '';

  return (
    <section className={mine ? 'now-speaking now-speaking-me' : 'now-speaking'} aria-labelledby="now-speaking-label">
      <h2 id="now-speaking-label" className="now-label">
        {mine ? t('panelist.you-have-floor') : t('panelist.now-speaking')}
      </h2>
      <p className="now-name" data-testid="current-speaker" aria-live="polite">
        {speaker ? (mine ? t('panelist.its-you') : name) : t('panelist.nobody-speaking')}
      </p>
      {timer ? (
        <p className={`now-timer phase-${timer.phase}`}>
          <span className="now-time" data-testid="time-left">
            {timer.text}
          </span>
          <span className="now-phase">{t(PHASE_LABELS[timer.phase])}</span>
        </p>
      ) : null}
    </section>
  );
}
