import { DraftEditor } from '../../drafts/DraftEditor.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useRoomState } from '../../room/hooks.ts';
import { useDraftTarget } from '../drafts/useDraftAccess.ts';
import { Bilingual } from './Bilingual.tsx';

const PLENARY = { kind: 'plenary' } as const;

/**
 * The plenary draft on the wall, large and read-only, with everyone's carets; it scrolls by
 * itself to keep the moderator's caret in view, as nobody is at the projector to scroll.
 */
export function ProjectorDraft() {
  const { t } = useI18n();
  const state = useRoomState();
  const target = useDraftTarget(PLENARY);
  return (
    <div className="projector projector-draft" data-testid="projector-draft">
      <header className="projector-header">
        <h1 className="projector-title">{state.title}</h1>
        <p className="projector-item">
          <span className="projector-item-label">
            <Bilingual k="draft.plenary-title" second={state.secondLanguage} />
          </span>
        </p>
      </header>
      {/* A reader: `user` is null whatever the key, so the wall never shows up as a caret. */}
      <DraftEditor roomId={target.roomId} roomKey={target.roomKey} draft={PLENARY} user={null} label={t('draft.plenary-title')} variant="projector" />
    </div>
  );
}
