import type { Table } from '@dr/shared';
import { useI18n } from '../../i18n/I18nProvider.tsx';

/**
 * A member's call for a moderator, as the facilitator sees it: answering is the
 * moderator's (on the desk), so this only says the call is out. The live region is
 * always present, so the call is announced when it arrives.
 */
export function HelpState({ table }: { table: Table }) {
  const { t } = useI18n();
  const called = table.helpRequestedAt !== null;
  return (
    <div aria-live="polite" className="facilitator-help">
      {called ? (
        <p className="help-pending" data-testid="help-pending">
          <strong>{t('facilitate.help-called')}</strong> {t('facilitate.help-called-hint')}
        </p>
      ) : null}
    </div>
  );
}
