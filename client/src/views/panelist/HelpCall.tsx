import { useState } from 'react';
import type { Table } from '@dr/shared';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useCommand } from '../../room/hooks.ts';

/**
 * Call a moderator to the table. Once called, the button gives way to "Help is on the
 * way" until a moderator answers; the live region around it says so to screen readers.
 */
export function HelpCall({ table }: { table: Table }) {
  const { t } = useI18n();
  const send = useCommand();
  const [busy, setBusy] = useState(false);
  const called = table.helpRequestedAt !== null;

  async function call() {
    setBusy(true);
    await send({ type: 'help.request', tableId: table.id });
    setBusy(false);
  }

  return (
    <section className="help-call" aria-label={t('help-call.section')}>
      <div aria-live="polite">
        {called ? (
          <p className="help-pending" data-testid="help-pending">
            <strong>{t('help-call.on-the-way')}</strong> {t('help-call.on-the-way-hint')}
          </p>
        ) : null}
      </div>
      {called ? null : (
        <>
          <button type="button" className="button button-large help-button" onClick={call} disabled={busy} aria-busy={busy} data-testid="help-request">
            {t('help-call.button')}
          </button>
          <p className="hand-hint">{t('help-call.hint')}</p>
        </>
      )}
    </section>
  );
}
