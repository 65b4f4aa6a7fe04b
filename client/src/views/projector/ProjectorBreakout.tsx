import { useRoomState } from '../../room/hooks.ts';
import { Bilingual } from './Bilingual.tsx';
import { ProjectorBreakoutClock } from './ProjectorBreakoutClock.tsx';
import { ProjectorBroadcast } from './ProjectorBroadcast.tsx';
import { ProjectorTablePlan } from './ProjectorTablePlan.tsx';

/** The wall during a breakout: time left, the moderator's message, and who sits where. */
export function ProjectorBreakout() {
  const state = useRoomState();
  return (
    <div className={state.broadcast ? 'projector projector-with-broadcast' : 'projector'}>
      <header className="projector-breakout-header">
        <div>
          <h1 className="projector-title">{state.title}</h1>
          <p className="projector-breakout-label">
            <Bilingual k="projector.breakout" second={state.secondLanguage} />
          </p>
        </div>
        <ProjectorBreakoutClock />
      </header>
      <ProjectorBroadcast />
      <main className="projector-plan-area">
        <ProjectorTablePlan />
      </main>
    </div>
  );
}
