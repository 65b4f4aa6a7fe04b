import { activeAgendaItem, tableOf } from '@dr/shared';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { LanguagePicker } from '../../i18n/LanguagePicker.tsx';
import { useMyParticipantId, useRoomState } from '../../room/hooks.ts';
import { BroadcastBanner } from '../common/BroadcastBanner.tsx';
import { ConnectionStatus } from '../common/ConnectionStatus.tsx';
import { CommandFence, StorageStatus } from '../common/StorageStatus.tsx';
import { useDocumentTitle } from '../common/useDocumentTitle.ts';
import { HandControl } from './HandControl.tsx';
import { MyLanguages } from './MyLanguages.tsx';
import { MyName } from './MyName.tsx';
import { NowSpeaking } from './NowSpeaking.tsx';
import { TableView } from './TableView.tsx';
import { useBreakoutNotices } from './useBreakoutNotices.ts';
import { useScrollTopOnChange } from './useScrollTopOnChange.ts';
import { useSendJoinLanguages } from './useSendJoinLanguages.ts';
import { YourTable } from './YourTable.tsx';

/**
 * Phone first: who speaks, how long is left, and one big button. During a breakout,
 * the person's table instead; when it ends the plenary comes back by itself.
 */
export function PanelistView() {
  const { t } = useI18n();
  const state = useRoomState();
  const me = useMyParticipantId();
  const item = activeAgendaItem(state);
  const table = me ? tableOf(state, me) : undefined;
  const atTable = state.breakout !== null && table !== undefined && me !== null;
  useDocumentTitle(state.title);
  useSendJoinLanguages(state.roomId, me);
  useBreakoutNotices(state.breakout !== null, table?.number ?? null);
  // Off to a table, moved to another, or back: the table number, or the plenary, comes first.
  useScrollTopOnChange(atTable ? table.id : null);
  const subtitle = state.breakout ? t('panelist.breakout-running') : item ? t('panelist.agenda-item', { title: item.title }) : t('panelist.no-agenda-item');
  return (
    <div className="panelist">
      <StorageStatus audience="plain" />
      <header className="panelist-header">
        <h1 className="panelist-title">{state.title}</h1>
        <p className="panelist-item">{subtitle}</p>
        <div className="panelist-toolbar">
          <ConnectionStatus keptNote="connection.place-kept" />
          <LanguagePicker compact />
        </div>
      </header>
      <CommandFence>
        <main className="panelist-main">
          {atTable ? (
            <TableView table={table} me={me} />
          ) : (
            <>
              <BroadcastBanner />
              {state.breakout ? <p className="no-table-note">{t('panelist.no-table')}</p> : null}
              {table ? <YourTable table={table} /> : null}
              <NowSpeaking me={me} />
              {me ? <HandControl me={me} /> : null}
              {me ? <MyName me={me} /> : null}
              {me ? <MyLanguages me={me} /> : null}
            </>
          )}
        </main>
      </CommandFence>
    </div>
  );
}
