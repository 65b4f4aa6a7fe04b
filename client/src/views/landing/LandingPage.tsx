import '../../styles/landing.css';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { LanguagePicker } from '../../i18n/LanguagePicker.tsx';
import { useDocumentTitle } from '../common/useDocumentTitle.ts';
import { CreateRoomForm } from './CreateRoomForm.tsx';
import { JoinCodeBox } from './JoinCodeBox.tsx';
import { RecentRooms } from './RecentRooms.tsx';

export function LandingPage() {
  const { t } = useI18n();
  useDocumentTitle('');
  return (
    <div className="landing">
      <header className="topbar">
        <span className="brand">
          <span className="brand-mark" aria-hidden="true" />
          Deliberation Room
        </span>
        <LanguagePicker compact />
      </header>
      <main className="landing-main">
        <div className="hero">
          <h1>{t('landing.headline')}</h1>
          <p>{t('landing.tagline')}</p>
        </div>
        <div className="landing-grid">
          <JoinCodeBox />
          <CreateRoomForm />
        </div>
        <RecentRooms />
      </main>
    </div>
  );
}
