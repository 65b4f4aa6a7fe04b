import { tableById } from '@dr/shared';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { LanguagePicker } from '../../i18n/LanguagePicker.tsx';
import { useMyTableId, useRoom, useRoomState } from '../../room/hooks.ts';
import { BroadcastBanner } from '../common/BroadcastBanner.tsx';
import { ConnectionStatus } from '../common/ConnectionStatus.tsx';
import { CommandFence, StorageStatus } from '../common/StorageStatus.tsx';
import { EndScreen } from '../common/EndScreen.tsx';
import { tableName } from '../common/tableName.ts';
import { useDocumentTitle } from '../common/useDocumentTitle.ts';
import { MyTableCard } from '../panelist/MyTableCard.tsx';
import { FacilitatorFloor } from './FacilitatorFloor.tsx';
import { TableMembersList } from './TableMembersList.tsx';
import { useRememberFacilitatorKey } from './useFacilitatorKey.ts';

/**
 * One table, for the person running it: its number as big as on a panelist's phone (the
 * helper walks up to the same number), then its floor during a breakout, or who sits there
 * and a plain word on when things start.
 */
export function FacilitatorView({ roomId, roomKey }: { roomId: string; roomKey: string }) {
  const { t } = useI18n();
  const state = useRoomState();
  const role = useRoom((s) => s.role);
  const tableId = useMyTableId();
  useRememberFacilitatorKey(roomId, roomKey);
  const table = tableId ? tableById(state, tableId) : undefined;
  useDocumentTitle(table ? `${tableName(t, table)} · ${state.title}` : state.title);

  // A moderator's or panelist's link pasted here opens no table: say so rather than show an empty page.
  if (role !== 'facilitator') return <EndScreen title={t('facilitate.wrong-link-title')} message={t('facilitate.wrong-link')} />;
  // The moderator removed the tables: this link can no longer do anything.
  if (!table) return <EndScreen title={t('facilitate.gone-title')} message={t('facilitate.gone')} />;
  const label = t('facilitate.your-table');
  return (
    <div className="panelist facilitator-page" data-testid="facilitator-view">
      <StorageStatus audience="plain" />
      <header className="panelist-header">
        <p className="facilitator-role">{t('facilitate.role')}</p>
        <h1 className="panelist-title">{state.title}</h1>
        <div className="panelist-toolbar">
          <ConnectionStatus />
          <LanguagePicker compact />
        </div>
      </header>
      <CommandFence>
        <main className="panelist-main">
          {state.breakout ? (
            <FacilitatorFloor table={table} label={label} />
          ) : (
            <>
              <BroadcastBanner />
              <MyTableCard table={table} label={label} />
              <p className="facilitator-waiting" data-testid="facilitator-waiting">
                <strong>{t('facilitate.waiting')}</strong> {t('facilitate.waiting-hint')}
              </p>
              <TableMembersList table={table} canGive={false} />
            </>
          )}
        </main>
      </CommandFence>
    </div>
  );
}
