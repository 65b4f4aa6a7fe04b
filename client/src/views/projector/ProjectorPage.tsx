import '../../styles/projector.css';
import '../../styles/projector-breakout.css';
import { I18nProvider, useI18n } from '../../i18n/I18nProvider.tsx';
import type { ReactNode } from 'react';
import { useRoom } from '../../room/hooks.ts';
import { RoomProvider } from '../../room/RoomProvider.tsx';
import { EndScreen } from '../common/EndScreen.tsx';
import { RoomGate } from '../common/RoomGate.tsx';
import { useRoomKey } from '../common/useRoomKey.ts';
import { ProjectorStorageStatus } from './ProjectorStorageStatus.tsx';
import { ProjectorView } from './ProjectorView.tsx';

/** The wall screen: read-only, in the room's language(s), not the viewer's. */
export function ProjectorPage({ roomId }: { roomId: string }) {
  const { t } = useI18n();
  const key = useRoomKey(roomId, 'display');
  if (!key) return <EndScreen title={t('projector.no-key-title')} message={t('projector.no-key')} />;
  return (
    <div className="projector-root">
      <RoomProvider roomId={roomId} roomKey={key}>
        <InRoomLanguage>
          <RoomGate>
            <ProjectorStorageStatus />
            <ProjectorView />
          </RoomGate>
        </InRoomLanguage>
      </RoomProvider>
    </div>
  );
}

/** Once the room is known, everything on the wall (end screens too) speaks its language. */
function InRoomLanguage({ children }: { children: ReactNode }) {
  const language = useRoom((s) => s.state?.language);
  return language ? <I18nProvider lang={language}>{children}</I18nProvider> : <>{children}</>;
}
