import type { Table } from '@dr/shared';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { roundProgress } from '../../lib/tables.ts';
import { useRoomState } from '../../room/hooks.ts';

/** During a go-round: which turn this is, and who speaks next (or that it is me; `me` is null for a facilitator link). */
export function RoundInfo({ table, me }: { table: Table; me: string | null }) {
  const { t } = useI18n();
  const state = useRoomState();
  const round = roundProgress(table);
  if (!round) return null;
  const name = (id: string | null) => (id ? (state.participants[id]?.name ?? '') : '');
  return (
    <section className="round-info" aria-labelledby="round-info-title" data-testid="round-info">
      <h2 id="round-info-title" className="round-title">
        {t('round.title', { turn: round.turn, total: round.total })}
      </h2>
      <p className="round-next" aria-live="polite">
        {round.next === null ? t('round.last-turn') : round.next === me ? t('round.you-are-next') : t('round.next', { name: name(round.next) })}
      </p>
    </section>
  );
}
