import { useI18n } from '../../i18n/I18nProvider.tsx';

export function Loading({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <main className="loading" aria-busy="true">
      <div className="spinner" aria-hidden="true" />
      <p role="status">{label ?? t('common.loading')}</p>
    </main>
  );
}
