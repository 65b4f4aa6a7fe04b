import { useMemo, useState } from 'react';
import type { CommandOf, SeatingShortfall } from '@dr/shared';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { errorKey } from '../../../i18n/errorMessages.ts';
import { notify } from '../../../lib/notices.ts';
import { useRoomClient, useRoomState } from '../../../room/hooks.ts';
import { BalanceChoice } from './BalanceChoice.tsx';
import { SeatingError } from './SeatingError.tsx';
import { SeatingReportView } from './SeatingReportView.tsx';
import { attributeKeys, languageShortfalls } from './seating.ts';

/** The protocol balances on at most this many attributes at once. */
const MAX_BALANCE = 6;

type Failure = { shortfalls: SeatingShortfall[] } | null;

/**
 * Seat everyone at once: at random, or balanced on chosen attributes (age, gender, …).
 * Both respect languages; when languages make it impossible, the desk says which group
 * does not fit, in the moderator's language. Single moves are in "People and tables".
 */
export function SeatingPanel() {
  const { t } = useI18n();
  const state = useRoomState();
  const client = useRoomClient();
  const keys = useMemo(() => attributeKeys(state), [state]);
  const [chosen, setChosen] = useState<string[] | null>(null);
  const balanceOn = (chosen ?? keys.slice(0, MAX_BALANCE)).filter((k) => keys.includes(k));
  const [failure, setFailure] = useState<Failure>(null);
  const [busy, setBusy] = useState(false);
  const disabled = busy || state.tables.length === 0 || state.breakout !== null;

  async function assign(mode: CommandOf<'tables.assign'>['mode']) {
    setBusy(true);
    const ack = await client.send({ type: 'tables.assign', mode, balanceOn: mode === 'balanced' ? balanceOn : [] });
    setBusy(false);
    if (ack.ok) return setFailure(null);
    if (ack.error.reason === 'language_impossible') return setFailure({ shortfalls: languageShortfalls(client.getSnapshot().state ?? state) });
    setFailure(null);
    notify(t(errorKey(ack.error)), 'error');
  }

  return (
    <section className="panel seating-panel" aria-labelledby="seating-title">
      <h2 id="seating-title">{t('seating.title')}</h2>
      <p className="field-hint">{t('seating.hint')}</p>
      {state.breakout ? <p className="panel-note">{t('seating.during-breakout')}</p> : null}
      <div className="button-row">
        <button type="button" className="button" onClick={() => assign('random')} disabled={disabled} data-testid="assign-random">
          {t('seating.random')}
        </button>
      </div>
      <BalanceChoice keys={keys} chosen={balanceOn} max={MAX_BALANCE} onChange={setChosen} />
      <div className="button-row">
        <button type="button" className="button button-primary" onClick={() => assign('balanced')} disabled={disabled} data-testid="assign-balanced">
          {balanceOn.length > 0 ? t('seating.balanced-on', { attributes: balanceOn.join(', ') }) : t('seating.balanced')}
        </button>
      </div>
      <div aria-live="polite">{failure ? <SeatingError shortfalls={failure.shortfalls} /> : null}</div>
      <SeatingReportView balanceOn={balanceOn} />
    </section>
  );
}
