import { useId, useRef, useState } from 'react';
import { canSit, tableOf, type Participant } from '@dr/shared';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { useRoomState } from '../../../room/hooks.ts';
import { PersonAttributesForm } from './PersonAttributesForm.tsx';
import { PersonSeatFields } from './PersonSeatFields.tsx';

/**
 * One person: presence, attributes, the languages they deliberate in, and their table.
 * Attributes are edited behind a disclosure: a field per attribute for each of hundreds
 * of rows would bury the table choice, which is what the desk changes most.
 */
export function PersonSeatRow({ participant: p, online }: { participant: Participant; online: boolean }) {
  const { t } = useI18n();
  const state = useRoomState();
  const table = tableOf(state, p.id);
  const fits = !table || canSit(p, table);
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const formId = useId();
  // Back to the button when the form goes, so keyboard users do not fall to the top of the page.
  const closeEditor = () => {
    setEditing(false);
    editButton.current?.focus();
  };

  return (
    <li className="person-row" data-testid="person-row" data-participant-id={p.id}>
      <PersonWho participant={p} online={online} />
      <button
        ref={editButton}
        type="button"
        className="button button-ghost button-small person-attributes-toggle"
        aria-expanded={editing}
        aria-controls={editing ? formId : undefined}
        aria-label={t('people.attributes-edit-of', { name: p.name })}
        onClick={() => (editing ? closeEditor() : setEditing(true))}
        data-testid="person-attributes-edit"
      >
        {t('people.attributes-edit')}
      </button>
      <PersonSeatFields participant={p} table={table} />
      {!fits ? <p className="table-warning">{t('people.misfit')}</p> : null}
      {editing ? (
        <div id={formId} className="person-attributes-area">
          <PersonAttributesForm participant={p} onClose={closeEditor} />
        </div>
      ) : null}
    </li>
  );
}

/** Presence dot, name, and the facts the desk balances on, as one line. */
function PersonWho({ participant: p, online }: { participant: Participant; online: boolean }) {
  const { t } = useI18n();
  return (
    <>
      <span className={online ? 'presence presence-on' : 'presence'} aria-hidden="true" />
      <div className="person-who">
        <span className="participant-name">{p.name}</span>
        <span className="participant-meta">
          <span>{online ? t('desk.online') : t('desk.offline')}</span>
          {Object.entries(p.attributes).map(([k, v]) => (
            <span key={k}>
              {k}: {v}
            </span>
          ))}
        </span>
      </div>
    </>
  );
}
