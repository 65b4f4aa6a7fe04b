import { useRef, type CSSProperties } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { planLayout } from '../../lib/planLayout.ts';
import { useRoomState } from '../../room/hooks.ts';
import { LanguagesLabel } from '../common/LanguagesLabel.tsx';
import { useFitToParent } from './useFitToParent.ts';

/** Who sits where: one column per table, numbered as on the tables in the hall. */
export function ProjectorTablePlan() {
  const { t } = useI18n();
  const state = useRoomState();
  const { cols, fontSize } = planLayout(state.tables.map((x) => x.members.length));
  const ref = useRef<HTMLOListElement>(null);
  useFitToParent(ref, fontSize);
  const style = { '--plan-cols': cols } as CSSProperties;
  return (
    <ol ref={ref} className="projector-plan" style={style} data-testid="projector-table-plan" aria-label={t('projector.table-plan')}>
      {state.tables.map((table) => (
        <li key={table.id} className="projector-plan-table">
          <p className="projector-plan-head">
            <span className="projector-plan-number">{t('tables.table-number', { number: table.number })}</span>
            {table.languages.length > 0 ? <LanguagesLabel languages={table.languages} className="projector-plan-lang" /> : null}
          </p>
          {table.name.trim() ? <p className="projector-plan-name">{table.name}</p> : null}
          <ul className="projector-plan-members">
            {table.members.map((id) => (
              <li key={id}>{state.participants[id]?.name ?? ''}</li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
