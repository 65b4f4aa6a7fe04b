import type { HandKind } from '@dr/shared';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { TranslationKey } from '../../i18n/translate.ts';

const OPTIONS: { kind: HandKind; label: TranslationKey; hint: TranslationKey }[] = [
  { kind: 'speak', label: 'kind.speak', hint: 'panelist.kind-speak-hint' },
  { kind: 'reply', label: 'kind.reply', hint: 'panelist.kind-reply-hint' },
  { kind: 'point', label: 'kind.point', hint: 'panelist.kind-point-hint' },
];

/** What the person wants to do, as large radio cards with a plain-words explanation. */
export function KindChoice({ value, onChange, hasSpeaker }: { value: HandKind; onChange: (k: HandKind) => void; hasSpeaker: boolean }) {
  const { t } = useI18n();
  return (
    <fieldset className="kind-choice">
      <legend>{t('panelist.kind-legend')}</legend>
      {OPTIONS.map((o) => (
        <label key={o.kind} className={value === o.kind ? 'kind-option selected' : 'kind-option'}>
          <input type="radio" name="hand-kind" value={o.kind} checked={value === o.kind} onChange={() => onChange(o.kind)} data-testid={`hand-kind-${o.kind}`} />
          <span className="kind-text">
            <span className="kind-label">{t(o.label)}</span>
            <span className="kind-hint">{o.kind === 'reply' && !hasSpeaker ? t('panelist.kind-reply-nobody') : t(o.hint)}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
