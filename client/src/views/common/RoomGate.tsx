import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { closedKey, refusalKey } from '../../i18n/errorMessages.ts';
import { useRoom } from '../../room/hooks.ts';
import { EndScreen } from './EndScreen.tsx';
import { Loading } from './Loading.tsx';

/**
 * Shows the room only once its state arrived, and a clear end screen (not an endless
 * spinner) when the server refused us or closed the room for good.
 */
export function RoomGate({ children, endActions }: { children: ReactNode; endActions?: ReactNode }) {
  const { t } = useI18n();
  const status = useRoom((s) => s.status);
  const refusal = useRoom((s) => s.refusal);
  const closedReason = useRoom((s) => s.closedReason);
  const hasState = useRoom((s) => s.state !== null);

  if (status === 'refused') {
    return (
      <EndScreen title={t('refused.title')} message={t(refusalKey(refusal))}>
        {endActions}
      </EndScreen>
    );
  }
  if (status === 'closed') {
    return (
      <EndScreen title={t(closedReason === 'deleted' ? 'closed.deleted-title' : 'closed.title')} message={t(closedKey(closedReason))}>
        {closedReason === 'deleted' ? null : endActions}
      </EndScreen>
    );
  }
  if (!hasState) return <Loading label={t(status === 'connecting' ? 'connection.connecting' : 'connection.reconnecting')} />;
  return <>{children}</>;
}
