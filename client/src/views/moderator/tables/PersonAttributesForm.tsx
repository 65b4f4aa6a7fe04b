import { useId, useMemo, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { Participant } from '@dr/shared';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { useCommand, useRoomState } from '../../../room/hooks.ts';
import { NewAttributeField } from './NewAttributeField.tsx';
import { attributeValues } from './seating.ts';

/** The protocol's limits on one person's attributes (`participant.profile` in shared/src/protocol.ts). */
const MAX_ATTRIBUTES = 12;
const MAX_VALUE_LENGTH = 60;

interface Props {
  participant: Participant;
  /** Called after a save or a cancel; the row closes the form and takes focus back. */
  onClose: () => void;
}

/**
 * One person's balancing attributes, set by hand: a field for every attribute name used
 * in the room (suggesting the values already in use), and room for a new name. Saving
 * sends the whole record, because `participant.profile` replaces it.
 */
export function PersonAttributesForm({ participant: p, onClose }: Props) {
  const { t } = useI18n();
  const state = useRoomState();
  const send = useCommand();
  const id = useId();
  const known = useMemo(() => attributeValues(state), [state]);
  // Every name in the room is offered, empty, so balancing data stays comparable across people.
  const [draft, setDraft] = useState<Record<string, string>>(() => ({ ...Object.fromEntries([...known.keys()].map((k) => [k, ''])), ...p.attributes }));
  const [added, setAdded] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function save(e: FormEvent) {
    e.preventDefault();
    const attributes = filledIn(draft);
    if (Object.keys(attributes).length > MAX_ATTRIBUTES) return setError(t('people.attributes-too-many', { max: MAX_ATTRIBUTES }));
    setBusy(true);
    const ack = await send({ type: 'participant.profile', participantId: p.id, attributes });
    setBusy(false);
    if (ack.ok) onClose();
  }

  function addName(name: string): string | null {
    if (Object.keys(draft).some((k) => k.toLocaleLowerCase() === name.toLocaleLowerCase())) return t('people.attribute-exists', { name });
    setDraft({ ...draft, [name]: '' });
    setAdded(name);
    setError(null);
    return null;
  }

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') onClose();
  };

  return (
    <form className="person-attributes" onSubmit={save} onKeyDown={onKeyDown} data-testid="person-attributes-form">
      <fieldset>
        <legend className="visually-hidden">{t('people.attributes-of', { name: p.name })}</legend>
        <p className="field-hint">{t('people.attributes-hint')}</p>
        <div className="person-attribute-fields">
          {Object.entries(draft).map(([name, value], i) => (
            <AttributeInput key={name} id={`${id}-${i}`} name={name} value={value} known={known.get(name) ?? []} focus={name === added} onChange={(v) => setDraft({ ...draft, [name]: v })} />
          ))}
        </div>
        <NewAttributeField onAdd={addName} />
      </fieldset>
      <div aria-live="polite">{error ? <p className="form-error">{error}</p> : null}</div>
      <div className="button-row">
        <button type="submit" className="button button-primary button-small" disabled={busy} data-testid="person-attributes-save">
          {t('common.save')}
        </button>
        <button type="button" className="button button-ghost button-small" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/** Trimmed, and without the empty ones: an empty field means "no value", not the value "". */
function filledIn(draft: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(draft)
      .map(([k, v]) => [k, v.trim()])
      .filter(([, v]) => v !== ''),
  );
}

interface InputProps {
  id: string;
  name: string;
  value: string;
  /** Values others already have for this name. */
  known: string[];
  /** Just added: the moderator types its value next. */
  focus: boolean;
  onChange: (value: string) => void;
}

function AttributeInput({ id, name, value, known, focus, onChange }: InputProps) {
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {name}
      </label>
      {/* A list of known values, yet free text: a new age band must be possible. */}
      <input id={id} list={`${id}-values`} value={value} maxLength={MAX_VALUE_LENGTH} autoFocus={focus} onChange={(e) => onChange(e.target.value)} data-testid="person-attribute-input" data-attribute={name} />
      <datalist id={`${id}-values`}>
        {known.map((v) => (
          <option key={v} value={v} />
        ))}
      </datalist>
    </div>
  );
}
