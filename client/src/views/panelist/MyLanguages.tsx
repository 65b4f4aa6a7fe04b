import { useState, type FormEvent } from 'react';
import type { Language } from '@dr/shared';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useCommand, useRoomState } from '../../room/hooks.ts';
import { LanguageCheckboxes } from '../common/LanguageCheckboxes.tsx';
import { LanguagesLabel } from '../common/LanguagesLabel.tsx';

/**
 * The languages the person said they can discuss in (the moderators seat tables with them),
 * with a way to change them. Only languages: other profile details stay with the moderators.
 */
export function MyLanguages({ me }: { me: string }) {
  const { t } = useI18n();
  const state = useRoomState();
  const send = useCommand();
  const languages = state.participants[me]?.languages ?? [];
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState<Language[]>(languages);

  async function save(e: FormEvent) {
    e.preventDefault();
    const ack = await send({ type: 'participant.profile', participantId: me, languages: draft });
    if (ack.ok) setEditing(false);
  }

  if (!editing) {
    return (
      <section className="my-name my-languages" data-testid="my-languages">
        <p>
          {t('profile.my-languages')} {languages.length > 0 ? <LanguagesLabel languages={languages} /> : <strong>{t('profile.languages-none')}</strong>}
        </p>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => {
            setDraft(languages);
            setEditing(true);
          }}
          data-testid="change-languages"
        >
          {t('profile.change-languages')}
        </button>
      </section>
    );
  }
  return (
    <form className="my-name my-languages stack" onSubmit={save}>
      <LanguageCheckboxes value={draft} onChange={setDraft} legend={t('profile.languages-legend')} hint={t('profile.languages-hint')} />
      <div className="button-row">
        <button type="submit" className="button button-primary" data-testid="save-languages">
          {t('common.save')}
        </button>
        <button type="button" className="button button-secondary" onClick={() => setEditing(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
