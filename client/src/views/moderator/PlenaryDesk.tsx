import { AgendaPanel } from './AgendaPanel.tsx';
import { DangerZone } from './DangerZone.tsx';
import { ParticipantsPanel } from './ParticipantsPanel.tsx';
import { QueuePanel } from './QueuePanel.tsx';
import { SettingsPanel } from './SettingsPanel.tsx';
import { SharePanel } from './SharePanel.tsx';
import { SpeakerPanel } from './SpeakerPanel.tsx';

/** Laptop layout: the floor on the left, the agenda in the middle, people on the right. */
export function PlenaryDesk({ roomId, moderatorKey }: { roomId: string; moderatorKey: string }) {
  return (
    <>
      <main className="desk-grid">
        <div className="desk-col">
          <SpeakerPanel />
          <QueuePanel />
        </div>
        <div className="desk-col">
          <AgendaPanel />
        </div>
        <div className="desk-col">
          <ParticipantsPanel />
        </div>
      </main>
      <div className="desk-bottom">
        <SettingsPanel />
        <SharePanel roomId={roomId} moderatorKey={moderatorKey} />
        <DangerZone roomId={roomId} moderatorKey={moderatorKey} />
      </div>
    </>
  );
}
