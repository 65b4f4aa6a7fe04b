import { useI18n } from '../../i18n/I18nProvider.tsx';
import { LanguagePicker } from '../../i18n/LanguagePicker.tsx';
import { useRoomState } from '../../room/hooks.ts';
import { ConnectionStatus } from '../common/ConnectionStatus.tsx';
import { QrCode } from '../common/QrCode.tsx';
import { useRoomLinks } from './links.ts';

/** Title, the join code large enough to read out, the QR, and the way to the projector. */
export function DeskHeader({ roomId, moderatorKey, onHelp }: { roomId: string; moderatorKey: string; onHelp: () => void }) {
  const { t } = useI18n();
  const state = useRoomState();
  const links = useRoomLinks(roomId, moderatorKey);
  return (
    <header className="desk-header">
      <div className="desk-title">
        <p className="eyebrow">{t('desk.title')}</p>
        <h1>{state.title}</h1>
        <ConnectionStatus />
      </div>
      <div className="desk-join">
        <QrCode value={links.joinUrl} size={84} label={t('desk.qr-label', { url: links.joinUrl })} />
        <div>
          <p className="eyebrow">{state.settings.joinOpen ? t('desk.join-code') : t('desk.join-closed')}</p>
          <p className="join-code" data-testid="join-code" aria-label={t('desk.join-code-aria', { code: state.joinCode.split('').join(' ') })}>
            {state.joinCode}
          </p>
          <p className="join-url">{links.joinUrl.replace(/^https?:\/\//, '')}</p>
        </div>
      </div>
      <div className="desk-tools">
        <a className="button button-secondary" href={links.displayPath} target="_blank" rel="noopener" data-testid="projector-link">
          {t('desk.open-projector')}
        </a>
        <button type="button" className="button button-ghost" onClick={onHelp} aria-keyshortcuts="?">
          {t('desk.help')}
        </button>
        <LanguagePicker compact />
      </div>
    </header>
  );
}
