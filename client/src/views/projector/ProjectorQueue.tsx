import { useRoomState } from '../../room/hooks.ts';
import { KindBadge } from '../common/KindBadge.tsx';
import { Bilingual } from './Bilingual.tsx';

/** Five is what the back row can read, and enough for people to get ready. */
const SHOWN = 5;

export function ProjectorQueue() {
  const state = useRoomState();
  const queue = state.floor.queue;
  const rest = queue.length - SHOWN;
  return (
    <section className="projector-queue" aria-labelledby="projector-queue-title">
      <h2 id="projector-queue-title" className="projector-label">
        <Bilingual k="projector.next" second={state.secondLanguage} />
      </h2>
      {queue.length === 0 ? (
        <p className="projector-empty">
          <Bilingual k="projector.queue-empty" second={state.secondLanguage} />
        </p>
      ) : null}
      <ol data-testid="projector-queue">
        {queue.slice(0, SHOWN).map((e, i) => (
          <li key={e.participantId}>
            <span className="projector-queue-pos">{i + 1}</span>
            <span className="projector-queue-name">{state.participants[e.participantId]?.name ?? ''}</span>
            {e.kind !== 'speak' ? <KindBadge kind={e.kind} /> : null}
          </li>
        ))}
      </ol>
      {rest > 0 ? (
        <p className="projector-more">
          <Bilingual k="projector.more" params={{ count: rest }} second={state.secondLanguage} />
        </p>
      ) : null}
    </section>
  );
}
