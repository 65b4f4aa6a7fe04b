import '../../../styles/desk-tables.css';
import '../../../styles/desk-overview.css';
import '../../../styles/desk-seating.css';
import { useRoomState } from '../../../room/hooks.ts';
import { BreakoutPanel } from './BreakoutPanel.tsx';
import { BroadcastPanel } from './BroadcastPanel.tsx';
import { PeoplePanel } from './PeoplePanel.tsx';
import { RosterImport } from './RosterImport.tsx';
import { SeatingPanel } from './SeatingPanel.tsx';
import { TableOverview } from './TableOverview.tsx';
import { TablesPanel } from './TablesPanel.tsx';

/**
 * Breakout tables on the desk. The clock and the message to all tables come first; during
 * a breakout the overview of every table follows; set-up (tables, seating, roster, people)
 * stays below, since people can still be moved while the tables talk.
 */
export function TablesArea({ moderatorKey }: { moderatorKey: string }) {
  const state = useRoomState();
  return (
    <main className="tables-area">
      <div className="tables-top">
        <BreakoutPanel />
        <BroadcastPanel />
      </div>
      {state.breakout && state.tables.length > 0 ? <TableOverview /> : null}
      {/* In working order: tables, then seating (with the roster it may balance on), then single moves. */}
      <div className="tables-setup">
        <div className="desk-col">
          <TablesPanel moderatorKey={moderatorKey} />
        </div>
        <div className="desk-col">
          <SeatingPanel />
          <RosterImport />
          <PeoplePanel />
        </div>
      </div>
    </main>
  );
}
