import '../../styles/storage.css';
import { useRoomState, useStorageStatus } from '../../room/hooks.ts';
import { Bilingual } from './Bilingual.tsx';

/**
 * Across the top of the wall while the server cannot save: the hall sees that the pause is
 * technical (a hand raised now will not show up) and that it is being fixed. In the room's
 * language(s), above every projector view (plenary, breakout, draft), which shrinks to make
 * room rather than hide the queue under it.
 */
export function ProjectorStorageStatus() {
  const status = useStorageStatus();
  const second = useRoomState().secondLanguage;
  if (status === 'ok') return null;
  return (
    <section className={`projector-storage projector-storage-${status}`} role="status" data-testid="projector-storage-status" data-status={status}>
      {status === 'down' ? (
        <>
          <p className="projector-storage-title">
            <Bilingual k="storage.projector-down" second={second} />
          </p>
          <p className="projector-storage-hint">
            <Bilingual k="storage.projector-down-hint" second={second} />
          </p>
        </>
      ) : (
        <p className="projector-storage-title">
          <Bilingual k="storage.projector-back" second={second} />
        </p>
      )}
    </section>
  );
}
