import type { SeatingShortfall } from '@dr/shared';
import { useI18n } from '../../../i18n/I18nProvider.tsx';

/**
 * Why languages make seating impossible, one line per language group:
 * "7 people speak only Dutch, but the tables they can join seat 5."
 */
export function SeatingError({ shortfalls }: { shortfalls: SeatingShortfall[] }) {
  const { t } = useI18n();
  const line = (s: SeatingShortfall) => {
    const params = { people: s.people, seats: s.seats, languages: s.languages.map((l) => t(`language.name-${l}`)).join(t('seating.or')) };
    return s.seats === 0 ? t('seating.shortfall-none', params) : t('seating.shortfall', params);
  };
  return (
    <div className="form-error seating-error" role="alert" data-testid="seating-error">
      <p>{t('error.language-impossible')}</p>
      {shortfalls.length > 0 ? (
        <ul>
          {shortfalls.map((s) => (
            <li key={s.languages.join('+')}>{line(s)}</li>
          ))}
        </ul>
      ) : null}
      <p className="seating-error-fix">{t('seating.shortfall-fix')}</p>
    </div>
  );
}
