import { useRef, type KeyboardEvent } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useRoomState } from '../../room/hooks.ts';
import { useBreakoutTime } from '../common/useBreakoutTime.ts';

export type DeskTab = 'plenary' | 'tables' | 'drafts';
const TABS: DeskTab[] = ['plenary', 'tables', 'drafts'];

export const tabId = (tab: DeskTab) => `desk-tab-${tab}`;
export const panelId = (tab: DeskTab) => `desk-panel-${tab}`;

/**
 * Plenary, tables or drafts, as ARIA tabs (arrow keys move between them). The bar stays on
 * screen while scrolling and always shows the breakout clock and any call for help,
 * so a moderator on the plenary tab still sees a table asking for them.
 */
export function DeskTabs({ tab, onChange }: { tab: DeskTab; onChange: (tab: DeskTab) => void }) {
  const { t, tn } = useI18n();
  const state = useRoomState();
  const time = useBreakoutTime();
  const refs = useRef<Record<DeskTab, HTMLButtonElement | null>>({ plenary: null, tables: null, drafts: null });
  const calls = state.tables.filter((x) => x.helpRequestedAt !== null).length;

  function onKey(e: KeyboardEvent) {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    e.preventDefault();
    const next = TABS[(TABS.indexOf(tab) + step + TABS.length) % TABS.length]!;
    onChange(next);
    refs.current[next]?.focus();
  }

  const label: Record<DeskTab, string> = {
    plenary: t('desk.tab-plenary'),
    tables: state.tables.length > 0 ? t('desk.tab-tables-count', { count: state.tables.length }) : t('desk.tab-tables'),
    drafts: t('draft.tab'),
  };
  return (
    <nav className="desk-tabs-bar" aria-label={t('desk.areas')}>
      <div role="tablist" className="desk-tabs" onKeyDown={onKey}>
        {TABS.map((x) => (
          <button
            key={x}
            ref={(el) => void (refs.current[x] = el)}
            type="button"
            role="tab"
            id={tabId(x)}
            aria-selected={tab === x}
            aria-controls={panelId(x)}
            tabIndex={tab === x ? 0 : -1}
            className={tab === x ? 'desk-tab selected' : 'desk-tab'}
            onClick={() => onChange(x)}
            data-testid={tabId(x)}
          >
            {label[x]}
          </button>
        ))}
      </div>
      <div className="desk-tabs-status">
        {time ? (
          <span className={time.warning ? 'breakout-pill ending' : 'breakout-pill'} data-testid="desk-breakout-status">
            {time.paused ? t('desk.breakout-paused-short', { time: time.text }) : t('desk.breakout-running-short', { time: time.text })}
          </span>
        ) : null}
        {/* Only the calls are live: the clock ticks every second and would be read out each time. */}
        <span aria-live="polite">
          {calls > 0 ? (
            <button type="button" className="help-pill" onClick={() => onChange('tables')} data-testid="desk-help-calls">
              {tn('desk.help-calls', calls)}
            </button>
          ) : null}
        </span>
      </div>
    </nav>
  );
}
