import { useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { errorKey } from '../../i18n/errorMessages.ts';
import { ApiError, deleteRoom, exportRoom } from '../../lib/api.ts';
import { downloadBlob } from '../../lib/download.ts';
import { notify } from '../../lib/notices.ts';
import { forgetRoom } from '../../lib/storage.ts';
import { navigate } from '../../router.ts';
import { ConfirmButton } from './ConfirmButton.tsx';

/** Keep a record (export), or remove the room and everything in it for good. */
export function DangerZone({ roomId, moderatorKey }: { roomId: string; moderatorKey: string }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);

  const fail = (err: unknown) => notify(t(errorKey(err instanceof ApiError ? err : { code: 'network' })), 'error');

  async function doExport() {
    setBusy(true);
    try {
      downloadBlob(await exportRoom(roomId, moderatorKey), `deliberation-room-${roomId}.json`);
    } catch (err) {
      fail(err);
    }
    setBusy(false);
  }

  async function doDelete() {
    try {
      await deleteRoom(roomId, moderatorKey);
      forgetRoom(roomId);
      notify(t('desk.deleted'), 'success');
      navigate('/');
    } catch (err) {
      fail(err);
    }
  }

  return (
    <section className="panel danger-panel" aria-labelledby="records-title">
      <h2 id="records-title">{t('desk.records')}</h2>
      <p className="field-hint">{t('desk.export-hint')}</p>
      <button type="button" className="button" onClick={doExport} disabled={busy} data-testid="export-room">
        {t('desk.export')}
      </button>
      <hr />
      <p className="field-hint">{t('desk.delete-hint')}</p>
      <ConfirmButton label={t('desk.delete')} confirmLabel={t('desk.delete-confirm')} danger onConfirm={doDelete} testId="delete-room" />
    </section>
  );
}
