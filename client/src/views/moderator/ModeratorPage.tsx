import '../../styles/desk.css';
import '../../styles/desk-floor.css';
import '../../styles/desk-lists.css';
import '../../styles/desk-tabs.css';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { RoomProvider } from '../../room/RoomProvider.tsx';
import { EndScreen } from '../common/EndScreen.tsx';
import { RoomGate } from '../common/RoomGate.tsx';
import { useRoomKey } from '../common/useRoomKey.ts';
import { DeskView } from './DeskView.tsx';

/** The moderator's desk: needs the moderator key from the link or this device's memory. */
export function ModeratorPage({ roomId }: { roomId: string }) {
  const { t } = useI18n();
  const key = useRoomKey(roomId, 'moderator');
  if (!key) return <EndScreen title={t('desk.no-key-title')} message={t('desk.no-key')} />;
  return (
    <RoomProvider roomId={roomId} roomKey={key}>
      <RoomGate>
        <DeskView roomId={roomId} moderatorKey={key} />
      </RoomGate>
    </RoomProvider>
  );
}
