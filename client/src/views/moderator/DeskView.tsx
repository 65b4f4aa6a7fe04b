import { useCallback, useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useRoomState } from '../../room/hooks.ts';
import { useDocumentTitle } from '../common/useDocumentTitle.ts';
import { AgendaPanel } from './AgendaPanel.tsx';
import { DangerZone } from './DangerZone.tsx';
import { DeskHeader } from './DeskHeader.tsx';
import { HelpDialog } from './HelpDialog.tsx';
import { ParticipantsPanel } from './ParticipantsPanel.tsx';
import { QueuePanel } from './QueuePanel.tsx';
import { SettingsPanel } from './SettingsPanel.tsx';
import { SharePanel } from './SharePanel.tsx';
import { SpeakerPanel } from './SpeakerPanel.tsx';
import { useDeskShortcuts } from './useDeskShortcuts.ts';

/** Laptop layout: the floor on the left, the agenda in the middle, people on the right. */
export function DeskView({ roomId, moderatorKey }: { roomId: string; moderatorKey: string }) {
  const { t } = useI18n();
  const state = useRoomState();
  const [helpOpen, setHelpOpen] = useState(false);
  const toggleHelp = useCallback(() => setHelpOpen((o) => !o), []);
  useDeskShortcuts(toggleHelp);
  useDocumentTitle(`${t('desk.title')} · ${state.title}`);

  return (
    <div className="desk">
      <DeskHeader roomId={roomId} moderatorKey={moderatorKey} onHelp={toggleHelp} />
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
      <HelpDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
    </div>
  );
}
