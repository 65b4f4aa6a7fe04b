import '../../styles/panelist.css';
import '../../styles/panelist-table.css';
import '../../styles/facilitator.css';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { RoomProvider } from '../../room/RoomProvider.tsx';
import { EndScreen } from '../common/EndScreen.tsx';
import { RoomGate } from '../common/RoomGate.tsx';
import { FacilitatorView } from './FacilitatorView.tsx';
import { useFacilitatorKey } from './useFacilitatorKey.ts';

/**
 * A helper's tablet or phone running one table's floor without sitting at it. The key
 * comes from the link the moderator shared (or this device's memory of it).
 */
export function FacilitatorPage({ roomId }: { roomId: string }) {
  const { t } = useI18n();
  const key = useFacilitatorKey(roomId);
  if (!key) return <EndScreen title={t('facilitate.no-key-title')} message={t('facilitate.no-key')} />;
  return (
    <RoomProvider roomId={roomId} roomKey={key}>
      <RoomGate>
        <FacilitatorView roomId={roomId} roomKey={key} />
      </RoomGate>
    </RoomProvider>
  );
}
