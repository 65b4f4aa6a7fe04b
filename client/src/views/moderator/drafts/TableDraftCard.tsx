import type { Table } from '@dr/shared';
import { useRef } from 'react';
import { LiveDraftPreview } from '../../../drafts/LiveDraftPreview.tsx';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { tableName } from '../../common/tableName.ts';
import { useInView } from './useInView.ts';

/** One table's draft in the desk's grid: a live preview, connected while on screen. */
export function TableDraftCard({ table, roomId, roomKey, onOpen }: { table: Table; roomId: string; roomKey: string; onOpen: (tableId: string) => void }) {
  const { t } = useI18n();
  const ref = useRef<HTMLLIElement>(null);
  const visible = useInView(ref);
  const name = tableName(t, table);
  return (
    <li ref={ref} className="drafts-card" data-testid="draft-card" data-table-id={table.id}>
      <div className="drafts-card-head">
        <span className="drafts-card-name">{name}</span>
        <button type="button" className="button button-small" onClick={() => onOpen(table.id)} aria-label={t('draft.open-table', { table: name })} data-testid="draft-card-open">
          {t('common.open')}
        </button>
      </div>
      {/* A click anywhere on the preview opens it too; the button is the keyboard's way in. */}
      <div className="drafts-card-body" onClick={() => onOpen(table.id)}>
        {visible ? <LiveDraftPreview roomId={roomId} roomKey={roomKey} draft={{ kind: 'table', tableId: table.id }} /> : null}
      </div>
    </li>
  );
}
