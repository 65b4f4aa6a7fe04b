import { useRoomState } from '../../room/hooks.ts';
import { Bilingual } from './Bilingual.tsx';

/** The moderator's message, across the wall, until it is cleared. */
export function ProjectorBroadcast() {
  const state = useRoomState();
  const broadcast = state.broadcast;
  if (!broadcast) return null;
  return (
    <section key={broadcast.id} className="projector-broadcast" role="status" data-testid="projector-broadcast">
      <p className="projector-broadcast-label">
        <Bilingual k="broadcast.from-moderator" second={state.secondLanguage} />
      </p>
      <p className="projector-broadcast-text">{broadcast.text}</p>
    </section>
  );
}
