import { useId, useState, type KeyboardEvent } from 'react';
import { useI18n } from '../../../i18n/I18nProvider.tsx';

/** The protocol's longest attribute name (`participant.profile` in shared/src/protocol.ts). */
const MAX_NAME_LENGTH = 40;

/**
 * A name for an attribute nobody has yet (e.g. "age"). `onAdd` answers with a message
 * when the name cannot be added, shown under the field.
 */
export function NewAttributeField({ onAdd }: { onAdd: (name: string) => string | null }) {
  const { t } = useI18n();
  const id = useId();
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  function add() {
    const trimmed = name.trim();
    if (!trimmed) return;
    const refused = onAdd(trimmed);
    setProblem(refused);
    if (!refused) setName('');
  }

  // Enter adds the name rather than saving the whole form half-filled.
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    add();
  };

  return (
    <div className="field person-attribute-new">
      <label htmlFor={id} className="field-label">
        {t('people.attribute-new')}
      </label>
      <div className="person-attribute-new-row">
        <input
          id={id}
          value={name}
          maxLength={MAX_NAME_LENGTH}
          onChange={(e) => setName(e.target.value)}
          onKeyDown={onKeyDown}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-problem` : undefined}
          data-testid="person-attribute-new"
        />
        <button type="button" className="button button-small" onClick={add} disabled={!name.trim()} data-testid="person-attribute-add">
          {t('people.attribute-add')}
        </button>
      </div>
      {problem ? (
        <p id={`${id}-problem`} className="form-error" role="alert">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
