import type { Table } from '@dr/shared';
import { BroadcastBanner } from '../common/BroadcastBanner.tsx';
import { TableDraftSection } from '../drafts/TableDraftSection.tsx';
import { BreakoutWarning } from '../panelist/BreakoutWarning.tsx';
import { FacilitatorControls } from '../panelist/FacilitatorControls.tsx';
import { MyTableCard } from '../panelist/MyTableCard.tsx';
import { NowSpeaking } from '../panelist/NowSpeaking.tsx';
import { RoundInfo } from '../panelist/RoundInfo.tsx';
import { HelpState } from './HelpState.tsx';
import { TableMembersList } from './TableMembersList.tsx';
import { TableQueue } from './TableQueue.tsx';

/**
 * The table's floor during a breakout. Messages from the room span the top; then, side by
 * side on a tablet (stacked on a phone), what is happening with the controls that change
 * it, and the people: the queue, and everyone at the table for a floor given without a hand.
 * The table's draft spans the width below, where the facilitator can send passages to the plenary.
 */
export function FacilitatorFloor({ table, label }: { table: Table; label: string }) {
  return (
    <>
      <BroadcastBanner />
      <BreakoutWarning />
      <div className="facilitator-columns">
        <div className="facilitator-col">
          <MyTableCard table={table} label={label} />
          <HelpState table={table} />
          <NowSpeaking me={null} tableId={table.id} />
          <RoundInfo table={table} me={null} />
          <FacilitatorControls table={table} />
        </div>
        <div className="facilitator-col">
          <TableQueue table={table} />
          <TableMembersList table={table} canGive />
        </div>
      </div>
      <TableDraftSection table={table} facilitates />
    </>
  );
}
