import { useMemo } from 'react';
import { seatingReport, type AttributeCount } from '@dr/shared';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { misfits } from '../../../lib/tables.ts';
import { useRoomState } from '../../../room/hooks.ts';
import { tableName } from '../../common/tableName.ts';
import { currentSeats, seatingInput } from './seating.ts';

/** A count this far from a perfect mirror of the room is worth the moderator's eye. */
const OFF_BY = 1;
const one = (n: number) => (Math.round(n * 10) / 10).toLocaleString();

function Counts({ counts }: { counts: AttributeCount[] }) {
  return (
    <>
      {counts.map((c) => (
        <span key={c.value} className={Math.abs(c.count - c.expected) >= OFF_BY ? 'report-value off' : 'report-value'}>
          {c.value} {c.count} <span className="report-expected">({one(c.expected)})</span>
        </span>
      ))}
    </>
  );
}

/**
 * How the seating as it stands mirrors the room: per table, its size, whether everyone
 * speaks its language, and per balanced attribute the count against the room's share
 * (in brackets). Manual moves show up here at once.
 */
export function SeatingReportView({ balanceOn }: { balanceOn: string[] }) {
  const { t, tn } = useI18n();
  const state = useRoomState();
  const balanceKey = balanceOn.join('\n');
  // Keyed by the attribute names, not the array: the caller builds a new one every render.
  const report = useMemo(() => seatingReport(seatingInput(state, balanceKey ? balanceKey.split('\n') : []), currentSeats(state)), [state, balanceKey]);
  if (!state.tables.some((x) => x.members.length > 0)) return null;
  const attributes = report.tables[0] ? Object.keys(report.tables[0].attributes) : [];

  return (
    <div className="seating-report" data-testid="seating-report">
      <h3>{t('seating.report-title')}</h3>
      <div className="report-scroll">
        <table className="report-table">
          <thead>
            <tr>
              <th scope="col">{t('seating.report-table')}</th>
              <th scope="col">{t('seating.report-size')}</th>
              <th scope="col">{t('seating.report-languages')}</th>
              {attributes.map((a) => (
                <th key={a} scope="col">
                  {a}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {report.tables.map((row, i) => {
              const table = state.tables[i]!;
              const wrong = misfits(table, state.participants).length;
              return (
                <tr key={row.tableId}>
                  <th scope="row">{tableName(t, table)}</th>
                  <td>{row.size}</td>
                  <td className={wrong > 0 ? 'report-misfit' : 'report-fit'}>{wrong > 0 ? tn('seating.report-misfits', wrong) : t('seating.report-fits')}</td>
                  {attributes.map((a) => (
                    <td key={a}>
                      <Counts counts={row.attributes[a] ?? []} />
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="panel-note">
        {attributes.length > 0 ? `${t('seating.report-imbalance', { score: one(report.imbalance) })} ` : ''}
        {tn('seating.report-repeats', report.repeatPairs)}
      </p>
    </div>
  );
}
