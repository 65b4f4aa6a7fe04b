import { useI18n } from '../../i18n/I18nProvider.tsx';
import { CopyField } from '../common/CopyField.tsx';
import { useRoomLinks } from './links.ts';

/** The three links: for panelists, for the projector, and (secret) for a co-moderator. */
export function SharePanel({ roomId, moderatorKey }: { roomId: string; moderatorKey: string }) {
  const { t } = useI18n();
  const links = useRoomLinks(roomId, moderatorKey);
  return (
    <section className="panel share-panel" aria-labelledby="share-title">
      <h2 id="share-title">{t('desk.share')}</h2>
      <CopyField label={t('desk.join-link')} hint={t('desk.join-link-hint')} value={links.joinUrl} />
      <CopyField
        label={t('desk.projector-link')}
        hint={links.hasDisplayKey ? t('desk.projector-link-hint') : t('desk.projector-link-moderator-key')}
        value={links.displayUrl}
        openLabel={t('common.open')}
      />
      <CopyField label={t('desk.moderator-link')} hint={t('desk.moderator-link-hint')} value={links.moderatorUrl} />
    </section>
  );
}
