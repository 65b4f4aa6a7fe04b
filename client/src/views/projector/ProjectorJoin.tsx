import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useRoom, useRoomState } from '../../room/hooks.ts';
import { QrCode } from '../common/QrCode.tsx';
import { Bilingual } from './Bilingual.tsx';

/** Shown while joining is open: scan, or type the address and the code. */
export function ProjectorJoin() {
  const { t } = useI18n();
  const state = useRoomState();
  const publicUrl = useRoom((s) => s.publicUrl) ?? window.location.origin;
  const joinUrl = `${publicUrl}/j/${state.joinCode}`;
  return (
    <section className="projector-join" aria-labelledby="projector-join-title">
      <h2 id="projector-join-title" className="projector-label">
        <Bilingual k="projector.join" second={state.secondLanguage} />
      </h2>
      <div className="projector-join-body">
        <QrCode value={joinUrl} size={220} label={t('desk.qr-label', { url: joinUrl })} testId="projector-qr" />
        <p className="projector-join-code" data-testid="projector-join-code">
          {state.joinCode}
        </p>
        <p className="projector-join-url">{joinUrl.replace(/^https?:\/\//, '')}</p>
      </div>
    </section>
  );
}
