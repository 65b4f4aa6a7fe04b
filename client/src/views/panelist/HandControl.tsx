import { useState } from 'react';
import { floorOf, queuePosition, tableById, type HandKind } from '@dr/shared';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { TranslationKey } from '../../i18n/translate.ts';
import { useCommand, useRoomState } from '../../room/hooks.ts';
import { KindBadge } from '../common/KindBadge.tsx';
import { KindChoice } from './KindChoice.tsx';

const RAISE_LABELS: Record<HandKind, TranslationKey> = {
  speak: 'panelist.raise-speak',
  reply: 'panelist.raise-reply',
  point: 'panelist.raise-point',
};

const EMPTY_FLOOR = { queue: [], speaker: null };

/**
 * The one big button. Raised, it becomes "Lower my hand" (same element, so focus
 * stays put) and the position in line is announced politely. At a breakout table
 * (`tableId`) it works on that table's queue, with plain hands only: a small group
 * needs no points of order.
 */
export function HandControl({ me, tableId }: { me: string; tableId?: string }) {
  const { t, tn } = useI18n();
  const state = useRoomState();
  const send = useCommand();
  const [chosen, setKind] = useState<HandKind>('speak');
  const [busy, setBusy] = useState(false);
  const floor = floorOf(state, tableId) ?? EMPTY_FLOOR;
  const kind = tableId === undefined ? chosen : 'speak';
  const index = queuePosition(floor.queue, me);
  const entry = floor.queue[index];
  const speaking = floor.speaker?.participantId === me;
  const inRound = tableId !== undefined && (tableById(state, tableId)?.round ?? null) !== null;
  const limit = state.settings.queueLimit;
  const left = limit === null ? null : Math.max(0, limit - (state.participants[me]?.raises ?? 0));

  async function toggle() {
    setBusy(true);
    const at = tableId === undefined ? {} : { tableId };
    await send(entry ? { type: 'hand.lower', ...at } : { type: 'hand.raise', kind, ...at });
    setBusy(false);
  }

  if (speaking) {
    // At a table it is the go-round's clock or the facilitator that ends a turn, not the moderator.
    const hint = tableId === undefined ? 'panelist.speaking-hint' : inRound ? 'table.speaking-hint-round' : 'table.speaking-hint';
    return <p className="hand-hint">{t(hint)}</p>;
  }
  return (
    <section className="hand" aria-label={t('panelist.hand-section')}>
      {entry || tableId !== undefined ? null : <KindChoice value={kind} onChange={setKind} hasSpeaker={floor.speaker !== null} />}
      <div aria-live="polite" className="hand-status">
        {entry ? (
          <p className="queue-position" data-testid="queue-position">
            <span className="queue-position-number">{t('panelist.position', { position: index + 1 })}</span>
            <KindBadge kind={entry.kind} />
          </p>
        ) : null}
      </div>
      <button
        type="button"
        className={entry ? 'big-button big-button-lower' : 'big-button'}
        onClick={toggle}
        disabled={busy || (!entry && left === 0)}
        aria-busy={busy}
        data-testid="raise-hand"
      >
        {entry ? <span data-testid="lower-hand">{t('panelist.lower-hand')}</span> : t(RAISE_LABELS[kind])}
      </button>
      {left !== null && !entry ? <p className="hand-hint">{left === 0 ? t('error.queue-limit-reached') : tn('panelist.raises-left', left)}</p> : null}
      {entry ? <p className="hand-hint">{index === 0 ? t('panelist.next-in-line') : tn('panelist.people-ahead', index)}</p> : null}
    </section>
  );
}
