import type { Table } from '@dr/shared';
import { useRef } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { BroadcastBanner } from '../common/BroadcastBanner.tsx';
import { TableDraftSection } from '../drafts/TableDraftSection.tsx';
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
 * warning or broadcast is never scrolled out of sight. The table's draft comes last: the
 * floor stays the page, and a person writing gets back to the hand with one tap.
 */
export function TableView({ table, me }: { table: Table; me: string }) {
  const { tn } = useI18n();
  const hand = useRef<HTMLDivElement>(null);
  const waiting = table.floor.queue.length;
  const facilitates = table.facilitatorId === me;
  const toHand = () => {
    hand.current?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    hand.current?.querySelector<HTMLButtonElement>('button:not(:disabled)')?.focus({ preventScroll: true });
  };
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
      <div ref={hand} className="hand-anchor">
        <HandControl me={me} tableId={table.id} />
      </div>
      {facilitates ? <FacilitatorControls table={table} /> : null}
      <HelpCall table={table} />
      <TableDraftSection table={table} facilitates={facilitates} onToHand={toHand} />
    </>
  );
}
