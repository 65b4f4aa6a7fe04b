import '../../styles/panelist.css';
import '../../styles/panelist-hand.css';
import '../../styles/panelist-table.css';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { loadIdentity, saveIdentity, type Identity } from '../../lib/storage.ts';
import { navigate } from '../../router.ts';
import { RoomProvider } from '../../room/RoomProvider.tsx';
import { EndScreen } from '../common/EndScreen.tsx';
import { RoomGate } from '../common/RoomGate.tsx';
import { PanelistView } from './PanelistView.tsx';

/** A panelist's phone: resumes the identity this device got when it joined. */
export function PanelistPage({ roomId }: { roomId: string }) {
  const { t } = useI18n();
  const identity = loadIdentity(roomId);
  if (!identity) {
    return (
      <EndScreen title={t('panelist.not-joined-title')} message={t('panelist.not-joined')}>
        <a className="button button-primary" href="/join">
          {t('panelist.join-again')}
        </a>
      </EndScreen>
    );
  }
  return (
    <RoomProvider roomId={roomId} roomKey={identity.token}>
      <RoomGate endActions={<JoinAgain roomId={roomId} identity={identity} />}>
        <PanelistView />
      </RoomGate>
    </RoomProvider>
  );
}

/** After a revoked link (lost phone, new device) the person may join again with the code. */
function JoinAgain({ roomId, identity }: { roomId: string; identity: Identity }) {
  const { t } = useI18n();
  return (
    <button
      type="button"
      className="button button-primary"
      onClick={() => {
        saveIdentity(roomId, null);
        navigate(`/j/${identity.joinCode}`);
      }}
    >
      {t('panelist.join-again')}
    </button>
  );
}
