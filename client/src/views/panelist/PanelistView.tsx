import { activeAgendaItem } from '@dr/shared';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { LanguagePicker } from '../../i18n/LanguagePicker.tsx';
import { useMyParticipantId, useRoomState } from '../../room/hooks.ts';
import { ConnectionStatus } from '../common/ConnectionStatus.tsx';
import { useDocumentTitle } from '../common/useDocumentTitle.ts';
import { HandControl } from './HandControl.tsx';
import { MyName } from './MyName.tsx';
import { NowSpeaking } from './NowSpeaking.tsx';

/** Phone first: who speaks, how long is left, and one big button. */
export function PanelistView() {
  const { t } = useI18n();
  const state = useRoomState();
  const me = useMyParticipantId();
  const item = activeAgendaItem(state);
  useDocumentTitle(state.title);
  return (
    <div className="panelist">
      <header className="panelist-header">
        <h1 className="panelist-title">{state.title}</h1>
        <p className="panelist-item">{item ? t('panelist.agenda-item', { title: item.title }) : t('panelist.no-agenda-item')}</p>
        <div className="panelist-toolbar">
          <ConnectionStatus keptNote="connection.place-kept" />
          <LanguagePicker compact />
        </div>
      </header>
      <main className="panelist-main">
        <NowSpeaking me={me} />
        {me ? <HandControl me={me} /> : null}
        {me ? <MyName me={me} /> : null}
      </main>
    </div>
  );
}
