import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';

/** A calm full-page message when there is nothing more this screen can do. */
export function EndScreen({ title, message, children }: { title: string; message: string; children?: ReactNode }) {
  const { t } = useI18n();
  return (
    <main className="end-screen" data-testid="end-screen">
      <div className="end-card">
        <h1>{title}</h1>
        <p>{message}</p>
        <div className="end-actions">
          {children}
          <a className="button button-secondary" href="/">
            {t('common.home')}
          </a>
        </div>
      </div>
    </main>
  );
}
