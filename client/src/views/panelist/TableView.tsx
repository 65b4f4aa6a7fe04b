import type { Table } from '@dr/shared';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { BroadcastBanner } from '../common/BroadcastBanner.tsx';
import { BreakoutWarning } from './BreakoutWarning.tsx';
import { FacilitatorControls } from './FacilitatorControls.tsx';
import { HandControl } from './HandControl.tsx';
import { HelpCall } from './HelpCall.tsx';
import { MyTableCard } from './MyTableCard.tsx';
import { NowSpeaking } from './NowSpeaking.tsx';
import { RoundInfo } from './RoundInfo.tsx';

/**
 * A panelist's phone during a breakout: where to sit and for how long, what the
 * moderator says, then their table's floor. Messages from the room come first, so a
 * warning or broadcast is never scrolled out of sight.
 */
export function TableView({ table, me }: { table: Table; me: string }) {
  const { tn } = useI18n();
  const waiting = table.floor.queue.length;
  return (
    <>
      <BroadcastBanner />
      <BreakoutWarning />
      <MyTableCard table={table} />
      <NowSpeaking me={me} tableId={table.id} />
      <RoundInfo table={table} me={me} />
      <p className="table-queue-count" data-testid="table-queue-count">
        {tn('table.waiting', waiting)}
      </p>
      <HandControl me={me} tableId={table.id} />
      {table.facilitatorId === me ? <FacilitatorControls table={table} /> : null}
      <HelpCall table={table} />
    </>
  );
}
