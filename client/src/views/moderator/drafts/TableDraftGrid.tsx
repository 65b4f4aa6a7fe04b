import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { useRoomState } from '../../../room/hooks.ts';
import { useDraftCredentials } from '../../drafts/useDraftAccess.ts';
import { TableDraftCard } from './TableDraftCard.tsx';

/** Every table's draft at a glance, as light previews (no editor per table). */
export function TableDraftGrid({ onOpen }: { onOpen: (tableId: string) => void }) {
  const { t } = useI18n();
  const state = useRoomState();
  const { roomId, roomKey } = useDraftCredentials();
  return (
    <>
      <h2 id="drafts-tables-title">{t('draft.tables-title')}</h2>
      {state.tables.length === 0 ? (
        <p className="empty">{t('draft.tables-none')}</p>
      ) : (
        <>
          <p className="field-hint">{t('draft.tables-hint')}</p>
          <ul className="drafts-grid" data-testid="draft-grid">
            {state.tables.map((table) => (
              <TableDraftCard key={table.id} table={table} roomId={roomId} roomKey={roomKey} onOpen={onOpen} />
            ))}
          </ul>
        </>
      )}
    </>
  );
}
