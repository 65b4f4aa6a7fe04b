import { useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useCommand, useRoomState } from '../../room/hooks.ts';

/** Shows the person's name as others see it, with a way to correct it. */
export function MyName({ me }: { me: string }) {
  const { t } = useI18n();
  const state = useRoomState();
  const send = useCommand();
  const name = state.participants[me]?.name ?? '';
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(name);

  async function save(e: FormEvent) {
    e.preventDefault();
    const next = draft.trim();
    if (next && next !== name) {
      const ack = await send({ type: 'participant.rename', participantId: me, name: next });
      if (!ack.ok) return;
    }
    setEditing(false);
  }

  if (!editing) {
    return (
      <section className="my-name">
        <p>
          {t('panelist.you-are')} <strong>{name}</strong>
        </p>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => {
            setDraft(name);
            setEditing(true);
          }}
        >
          {t('panelist.change-name')}
        </button>
      </section>
    );
  }
  return (
    <form className="my-name stack" onSubmit={save}>
      <label htmlFor="my-name-input" className="field-label">
        {t('panelist.your-name')}
      </label>
      <input id="my-name-input" value={draft} onChange={(e) => setDraft(e.target.value)} maxLength={60} required autoFocus />
      <div className="button-row">
        <button type="submit" className="button button-primary">
          {t('common.save')}
        </button>
        <button type="button" className="button button-secondary" onClick={() => setEditing(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
