import { activeAgendaItem, projectorView } from '@dr/shared';
import { lazy, Suspense, useEffect } from 'react';
import { useRoomState } from '../../room/hooks.ts';
import { useDocumentTitle } from '../common/useDocumentTitle.ts';
import { Bilingual } from './Bilingual.tsx';
import { ProjectorBreakout } from './ProjectorBreakout.tsx';
import { ProjectorBroadcast } from './ProjectorBroadcast.tsx';
import { ProjectorJoin } from './ProjectorJoin.tsx';
import { ProjectorQueue } from './ProjectorQueue.tsx';
import { ProjectorSpeaker } from './ProjectorSpeaker.tsx';
import { useWakeLock } from './useWakeLock.ts';

// The editor loads only on a projector asked to show the draft.
const ProjectorDraft = lazy(() => import('./ProjectorDraft.tsx').then((m) => ({ default: m.ProjectorDraft })));

/** F or a double click: full screen (the projector has no visible controls). */
function useFullscreenKey(): void {
  useEffect(() => {
    const toggle = () => {
      if (document.fullscreenElement) void document.exitFullscreen();
      else void document.documentElement.requestFullscreen?.().catch(() => undefined);
    };
    const onKey = (e: KeyboardEvent) => (e.key === 'f' || e.key === 'F') && toggle();
    window.addEventListener('keydown', onKey);
    window.addEventListener('dblclick', toggle);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('dblclick', toggle);
    };
  }, []);
}

export function ProjectorView() {
  const state = useRoomState();
  const item = activeAgendaItem(state);
  const second = state.secondLanguage;
  useDocumentTitle(state.title);
  useWakeLock();
  useFullscreenKey();

  // The moderator asked for the draft: it wins over the breakout view too.
  if (projectorView(state) === 'draft') {
    return (
      <Suspense fallback={null}>
        <ProjectorDraft />
      </Suspense>
    );
  }
  if (state.breakout) return <ProjectorBreakout />;
  const classes = ['projector', !state.settings.joinOpen && 'projector-no-join', state.broadcast && 'projector-with-broadcast'].filter(Boolean).join(' ');
  return (
    <div className={classes}>
      <header className="projector-header">
        <h1 className="projector-title">{state.title}</h1>
        {item ? (
          <p className="projector-item" data-testid="projector-agenda-item">
            <span className="projector-item-label">
              <Bilingual k="projector.agenda-item" second={second} />
            </span>
            <span className="projector-item-title">{item.title}</span>
          </p>
        ) : null}
      </header>
      <ProjectorBroadcast />
      <main className="projector-main">
        <ProjectorSpeaker />
        <aside className="projector-side">
          <ProjectorQueue />
          {state.settings.joinOpen ? <ProjectorJoin /> : null}
        </aside>
      </main>
    </div>
  );
}
