import { useSyncExternalStore } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { dismiss, getNotices, subscribeNotices } from '../../lib/notices.ts';

/** The one place transient messages appear; a live region so screen readers hear them. */
export function Notices() {
  const notices = useSyncExternalStore(subscribeNotices, getNotices);
  const { t } = useI18n();
  return (
    <div className="notices" role="status" aria-live="polite">
      {notices.map((n) => (
        <div key={n.id} className={`notice notice-${n.tone}`}>
          <span>{n.text}</span>
          <button type="button" className="notice-close" onClick={() => dismiss(n.id)} aria-label={t('common.dismiss')}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
