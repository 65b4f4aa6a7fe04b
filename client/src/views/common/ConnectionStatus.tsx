import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { TranslationKey } from '../../i18n/translate.ts';
import { useConnectionStatus } from '../../room/hooks.ts';
import type { ConnectionStatus as Status } from '../../room/RoomClient.ts';

const LABELS: Record<Status, TranslationKey> = {
  connecting: 'connection.connecting',
  online: 'connection.online',
  reconnecting: 'connection.reconnecting',
  offline: 'connection.offline',
  refused: 'connection.offline',
  closed: 'connection.offline',
};

/**
 * Always present (tests and people can check it), discreet when all is well and a
 * clear banner when not. `keptNote` reassures a panelist their place is safe.
 */
export function ConnectionStatus({ keptNote }: { keptNote?: TranslationKey }) {
  const { t } = useI18n();
  const status = useConnectionStatus();
  const ok = status === 'online';
  return (
    <div className={ok ? 'connection connection-ok' : 'connection connection-bad'} data-testid="connection-status" data-status={status} role="status" aria-live="polite">
      <span className="connection-dot" aria-hidden="true" />
      <span>{t(LABELS[status])}</span>
      {!ok && keptNote ? <span className="connection-note">{t(keptNote)}</span> : null}
    </div>
  );
}
