import { useRoomState } from '../../room/hooks.ts';
import { KIND_LABELS } from '../common/KindBadge.tsx';
import { PHASE_LABELS, useTurnTimer } from '../common/useTurnTimer.ts';
import { Bilingual } from './Bilingual.tsx';

/** The name and a countdown readable from the back of the hall; the state is said in words too. */
export function ProjectorSpeaker() {
  const state = useRoomState();
  const second = state.secondLanguage;
  const speaker = state.floor.speaker;
  const timer = useTurnTimer(speaker);
  const name = speaker ? (state.participants[speaker.participantId]?.name ?? '') : null;

  return (
    <section className={`projector-speaker phase-${timer?.phase ?? 'none'}`} aria-live="polite">
      <p className="projector-label">
        <Bilingual k={speaker ? 'projector.now-speaking' : 'projector.floor-open'} second={second} />
      </p>
      <p className={name ? 'projector-name' : 'projector-name projector-name-none'} data-testid="projector-speaker">
        {name ?? '—'}
      </p>
      {speaker && speaker.kind !== 'speak' ? (
        <p className={`projector-kind badge badge-${speaker.kind}`}>
          <Bilingual k={KIND_LABELS[speaker.kind]} second={second} />
        </p>
      ) : null}
      {timer ? (
        <div className="projector-timer">
          <p className="projector-countdown" data-testid="projector-countdown" aria-live="off">
            {timer.text}
          </p>
          <p className="projector-phase">
            <Bilingual k={PHASE_LABELS[timer.phase]} second={second} />
          </p>
        </div>
      ) : null}
    </section>
  );
}
