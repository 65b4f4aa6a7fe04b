import { useId, useState } from 'react';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { errorKey } from '../../../i18n/errorMessages.ts';
import { ApiError, fetchFacilitatorLink } from '../../../lib/api.ts';
import { useRoomState } from '../../../room/hooks.ts';
import { CopyField } from '../../common/CopyField.tsx';
import { QrCode } from '../../common/QrCode.tsx';
import { Subject } from '../../common/Subject.tsx';

const QR_PX = 168;

/**
 * A table's facilitator link, fetched when asked for: it lets anyone holding it run the
 * table, so it is not put on screen unasked. Shown with copy, open and a QR code that a
 * helper scans from the desk with the tablet they will use.
 */
export function FacilitatorLink({ tableId, label, moderatorKey }: { tableId: string; label: string; moderatorKey: string }) {
  const { t } = useI18n();
  const roomId = useRoomState().roomId;
  const boxId = useId();
  const [open, setOpen] = useState(false);
  const [url, setUrl] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function toggle() {
    const opening = !open;
    setOpen(opening);
    // Fetched once: the link of a table never changes.
    if (!opening || url || busy) return;
    setBusy(true);
    setError(null);
    try {
      setUrl((await fetchFacilitatorLink(roomId, tableId, moderatorKey)).url);
    } catch (err) {
      setError(t(errorKey(err instanceof ApiError ? err : new ApiError(0, 'network'))));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="facilitator-link">
      <button type="button" className="button button-small button-secondary" aria-expanded={open} aria-controls={open ? boxId : undefined} onClick={toggle} data-testid="facilitator-link">
        {t('tables.facilitator-link')}
        <Subject of={label} />
      </button>
      {open ? (
        <div id={boxId} className="facilitator-link-box">
          {busy ? <p role="status">{t('tables.facilitator-link-loading')}</p> : null}
          {error ? (
            <p className="form-error" role="alert">
              {error}
            </p>
          ) : null}
          {url ? (
            <>
              <QrCode value={url} label={t('tables.facilitator-link-qr', { table: label })} size={QR_PX} testId="facilitator-link-qr" />
              <CopyField label={t('tables.facilitator-link-for', { table: label })} hint={t('tables.facilitator-link-hint')} value={url} openLabel={t('common.open')} testId="facilitator-link-open" />
            </>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
