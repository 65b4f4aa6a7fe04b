import { useEffect, useRef } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { notify } from '../../lib/notices.ts';

/**
 * Says what changed under the person's eyes (never on load): the breakout ended, or the
 * moderator moved them to another table while it runs. The big number changes too, but
 * someone looking up at the room would miss that.
 */
export function useBreakoutNotices(inBreakout: boolean, tableNumber: number | null): void {
  const { t } = useI18n();
  const was = useRef({ inBreakout, tableNumber });
  useEffect(() => {
    const before = was.current;
    was.current = { inBreakout, tableNumber };
    if (before.inBreakout && !inBreakout) notify(t('panelist.back-to-plenary'), 'info');
    else if (inBreakout && before.inBreakout && tableNumber !== null && before.tableNumber !== null && tableNumber !== before.tableNumber) notify(t('table.moved', { number: tableNumber }), 'info');
  }, [inBreakout, tableNumber, t]);
}
