import { projectorView } from '@dr/shared';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { useCommand, useRoom } from '../../../room/hooks.ts';

/** Switches the hall's projector between the room and the plenary draft (`projector.show`). */
export function ProjectorToggle() {
  const { t } = useI18n();
  const send = useCommand();
  const showing = useRoom((s) => s.state !== null && projectorView(s.state) === 'draft');
  return (
    <div className="drafts-projector">
      <p className="drafts-projector-state" aria-live="polite">
        {t(showing ? 'draft.projector-showing' : 'draft.projector-room')}
      </p>
      <button
        type="button"
        className={showing ? 'button button-primary' : 'button'}
        aria-pressed={showing}
        onClick={() => void send({ type: 'projector.show', view: showing ? 'room' : 'draft' })}
        data-testid="draft-projector-toggle"
      >
        {t('draft.show-on-projector')}
      </button>
    </div>
  );
}
