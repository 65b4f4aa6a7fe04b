import { useEffect, useRef } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { TranslationKey } from '../../i18n/translate.ts';
import { SHORTCUT_LIST, type DeskAction } from './shortcuts.ts';

const ACTION_LABELS: Record<DeskAction, TranslationKey> = {
  next: 'help.next',
  'toggle-timer': 'help.toggle-timer',
  'add-30': 'help.add-30',
  'end-turn': 'help.end-turn',
  help: 'help.help',
};

/** Shortcuts and the queue rule, in a native modal dialog (focus trap and Esc for free). */
export function HelpDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);

  return (
    <dialog ref={ref} className="help-dialog" onClose={onClose} aria-labelledby="help-title" data-testid="help-dialog">
      <h2 id="help-title">{t('help.title')}</h2>
      <h3>{t('help.shortcuts')}</h3>
      <dl className="shortcut-list">
        {SHORTCUT_LIST.map((s) => (
          <div key={s.action}>
            <dt>
              <kbd>{s.keys === 'Space' ? t('desk.key-space') : s.keys}</kbd>
            </dt>
            <dd>{t(ACTION_LABELS[s.action])}</dd>
          </div>
        ))}
      </dl>
      <p className="field-hint">{t('help.not-while-typing')}</p>
      <h3>{t('help.queue-rule-title')}</h3>
      <p>{t('help.queue-rule')}</p>
      <p>{t('help.queue-moved')}</p>
      <p>{t('help.queue-progressive')}</p>
      <form method="dialog">
        <button type="submit" className="button button-primary">
          {t('common.close')}
        </button>
      </form>
    </dialog>
  );
}
