import { useId, useRef, useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { copyText } from '../../lib/clipboard.ts';

/**
 * A link with Copy and Open. Where copying is impossible (plain http, old browser)
 * the text is selected so the person can press Ctrl+C.
 */
export function CopyField({ label, value, hint, testId, openLabel }: { label: string; value: string; hint?: string; testId?: string; openLabel?: string }) {
  const { t } = useI18n();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<'idle' | 'copied' | 'manual'>('idle');

  async function copy() {
    const ok = await copyText(value);
    setState(ok ? 'copied' : 'manual');
    if (!ok) input.current?.select();
    setTimeout(() => setState('idle'), 3000);
  }

  return (
    <div className="copy-field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {hint ? <p className="field-hint">{hint}</p> : null}
      <div className="copy-row">
        <input id={id} ref={input} readOnly value={value} onFocus={(e) => e.target.select()} />
        <button type="button" className="button button-small" onClick={copy}>
          {state === 'copied' ? t('common.copied') : t('common.copy')}
        </button>
        {openLabel ? (
          <a className="button button-small button-secondary" href={value} target="_blank" rel="noopener" data-testid={testId}>
            {openLabel}
          </a>
        ) : null}
      </div>
      <p className="field-hint" role="status">
        {state === 'manual' ? t('common.copy-manual') : ''}
      </p>
    </div>
  );
}
