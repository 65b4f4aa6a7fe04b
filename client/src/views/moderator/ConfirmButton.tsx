import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Subject } from '../common/Subject.tsx';

interface Props {
  label: string;
  confirmLabel: string;
  /** What it acts on, for screen readers (the visible label stays short). */
  subject?: string;
  danger?: boolean;
  testId?: string;
  onConfirm: () => unknown;
}

/**
 * Two steps in place (no browser `confirm()`, which blocks the page and that
 * automated browsers dismiss): press, then confirm or cancel.
 */
export function ConfirmButton({ label, confirmLabel, subject, danger = false, testId, onConfirm }: Props) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) confirmRef.current?.focus();
  }, [asking]);

  if (!asking) {
    return (
      <button type="button" className={danger ? 'button button-small button-danger-ghost' : 'button button-small button-ghost'} onClick={() => setAsking(true)} data-testid={testId}>
        {label}
        {subject ? <Subject of={subject} /> : null}
      </button>
    );
  }
  return (
    <span className="confirm-group">
      <button
        ref={confirmRef}
        type="button"
        className="button button-small button-danger"
        onClick={() => {
          setAsking(false);
          void onConfirm();
        }}
        data-testid={testId ? `${testId}-confirm` : undefined}
      >
        {confirmLabel}
        {subject ? <Subject of={subject} /> : null}
      </button>
      <button type="button" className="button button-small button-ghost" onClick={() => setAsking(false)}>
        {t('common.cancel')}
      </button>
    </span>
  );
}
