import { useI18n } from '../../../i18n/I18nProvider.tsx';

/** Which attributes the balanced seating mirrors; the keys are those found in people's profiles. */
export function BalanceChoice({ keys, chosen, max, onChange }: { keys: string[]; chosen: string[]; max: number; onChange: (chosen: string[]) => void }) {
  const { t } = useI18n();
  if (keys.length === 0) return <p className="field-hint">{t('seating.no-attributes')}</p>;
  const toggle = (key: string, on: boolean) => onChange(on ? [...chosen, key] : chosen.filter((k) => k !== key));
  return (
    <fieldset className="balance-choice">
      <legend className="field-label">{t('seating.balance-on')}</legend>
      {keys.map((key) => (
        <label key={key} className="balance-option">
          <input type="checkbox" checked={chosen.includes(key)} disabled={!chosen.includes(key) && chosen.length >= max} onChange={(e) => toggle(key, e.target.checked)} data-testid={`balance-${key}`} />
          {key}
        </label>
      ))}
    </fieldset>
  );
}
