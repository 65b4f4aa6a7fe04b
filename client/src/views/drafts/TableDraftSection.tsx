import type { Table } from '@dr/shared';
import { lazy, Suspense, useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useDraftAccess } from './useDraftAccess.ts';

// Everything behind the "Open" button loads on the first press.
const TableDraftPanel = lazy(() => import('./TableDraftPanel.tsx').then((m) => ({ default: m.TableDraftPanel })));

const PLENARY = { kind: 'plenary' } as const;

/**
 * "Our table's draft" on a panelist's phone or a facilitator's tablet. Closed by default:
 * the floor (hand, queue, help) stays the page, and the draft opens inline below it, full
 * width, at a tap. `onToHand` brings the hand control back into view while writing.
 */
export function TableDraftSection({ table, facilitates, onToHand }: { table: Table; facilitates: boolean; onToHand?: () => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const plenary = useDraftAccess(PLENARY);
  const canSend = facilitates && plenary === 'write';
  return (
    <section className="draft-section" aria-labelledby="draft-section-title" data-testid="table-draft">
      <h2 id="draft-section-title" className="draft-section-title">
        {t('draft.section-title')}
      </h2>
      {open ? (
        <>
          {onToHand ? (
            <button type="button" className="button button-ghost draft-to-hand" onClick={onToHand} data-testid="draft-to-hand">
              {t('draft.to-hand')}
            </button>
          ) : null}
          <Suspense fallback={<p role="status">{t('draft.loading')}</p>}>
            <TableDraftPanel table={table} canSend={canSend} />
          </Suspense>
          <button type="button" className="button button-large" onClick={() => setOpen(false)} data-testid="draft-close">
            {t('draft.close')}
          </button>
        </>
      ) : (
        <>
          <p className="field-hint">{t('draft.section-hint')}</p>
          <button type="button" className="button button-primary button-large" onClick={() => setOpen(true)} data-testid="draft-open">
            {t('draft.open')}
          </button>
        </>
      )}
    </section>
  );
}
