import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';

/** A switch that applies at once: toggles are cheap to undo. */
export function SettingToggle({ label, hint, checked, onChange, testId }: { label: string; hint?: string; checked: boolean; onChange: (v: boolean) => void; testId?: string }) {
  const id = useId();
  return (
    <div className="setting">
      <div className="toggle-row">
        <input id={id} type="checkbox" role="switch" checked={checked} onChange={(e) => onChange(e.target.checked)} aria-describedby={hint ? `${id}-hint` : undefined} data-testid={testId} />
        <label htmlFor={id}>{label}</label>
      </div>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

interface TextProps {
  label: string;
  hint?: string;
  value: string;
  /** Returns an error message, or null once saved. */
  onSave: (draft: string) => Promise<string | null>;
  inputMode?: 'text' | 'decimal' | 'numeric';
  maxLength?: number;
  testId?: string;
  children?: ReactNode;
}

/** A text setting with its own Save button, enabled only when the draft differs. */
export function SettingText({ label, hint, value, onSave, inputMode = 'text', maxLength, testId }: TextProps) {
  const { t } = useI18n();
  const id = useId();
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string | null>(null);
  // Another moderator (or this one, elsewhere) changed it: show the new value.
  useEffect(() => setDraft(value), [value]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(await onSave(draft));
  }

  return (
    <form className="setting" onSubmit={submit}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <div className="copy-row">
        <input id={id} value={draft} inputMode={inputMode} maxLength={maxLength} onChange={(e) => setDraft(e.target.value)} aria-describedby={hint ? `${id}-hint` : undefined} aria-invalid={error ? true : undefined} data-testid={testId} />
        <button type="submit" className="button button-small" disabled={draft.trim() === value.trim()}>
          {t('common.save')}
        </button>
      </div>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}
