import { lazy, Suspense, useCallback, useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useRoomState } from '../../room/hooks.ts';
import { Loading } from '../common/Loading.tsx';
import { CommandFence, StorageStatus } from '../common/StorageStatus.tsx';
import { useDocumentTitle } from '../common/useDocumentTitle.ts';
import { DeskHeader } from './DeskHeader.tsx';
import { DeskTabs, panelId, tabId, type DeskTab } from './DeskTabs.tsx';
import { HelpDialog } from './HelpDialog.tsx';
import { PlenaryDesk } from './PlenaryDesk.tsx';
import { TablesArea } from './tables/TablesArea.tsx';
import { useDeskShortcuts } from './useDeskShortcuts.ts';

// The editor and its Yjs connections load with the tab, not with the desk.
const DraftsArea = lazy(() => import('./drafts/DraftsArea.tsx').then((m) => ({ default: m.DraftsArea })));

/** The desk: the plenary (floor, agenda, people), the breakout tables, or the drafts, one tab each. */
export function DeskView({ roomId, moderatorKey }: { roomId: string; moderatorKey: string }) {
  const { t } = useI18n();
  const state = useRoomState();
  // Opening the desk in the middle of a breakout (a reload) lands where the action is.
  const [tab, setTab] = useState<DeskTab>(() => (state.breakout ? 'tables' : 'plenary'));
  const [helpOpen, setHelpOpen] = useState(false);
  const toggleHelp = useCallback(() => setHelpOpen((o) => !o), []);
  // The floor keys run the plenary floor: only while it is on screen.
  useDeskShortcuts(toggleHelp, tab === 'plenary');
  useDocumentTitle(`${t('desk.title')} · ${state.title}`);

  return (
    <div className="desk">
      <DeskHeader roomId={roomId} moderatorKey={moderatorKey} onHelp={toggleHelp} />
      <StorageStatus audience="desk" />
      <DeskTabs tab={tab} onChange={setTab} />
      {/* The tabs, help and language stay usable: only what would change the room is fenced. */}
      <CommandFence>
        <div role="tabpanel" id={panelId(tab)} aria-labelledby={tabId(tab)}>
          {tab === 'plenary' ? <PlenaryDesk roomId={roomId} moderatorKey={moderatorKey} /> : null}
          {tab === 'tables' ? <TablesArea moderatorKey={moderatorKey} /> : null}
          {tab === 'drafts' ? (
            <Suspense fallback={<Loading />}>
              <DraftsArea />
            </Suspense>
          ) : null}
        </div>
      </CommandFence>
      <HelpDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
    </div>
  );
}
