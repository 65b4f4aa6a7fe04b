import { lazy, Suspense } from 'react';
import { useI18n } from './i18n/I18nProvider.tsx';
import { parseRoute, usePathname, type Route } from './router.ts';
import { EndScreen } from './views/common/EndScreen.tsx';
import { Loading } from './views/common/Loading.tsx';
import { Notices } from './views/common/Notices.tsx';

// One chunk per page: a phone joining over a hall's Wi-Fi loads only what it shows.
const LandingPage = lazy(() => import('./views/landing/LandingPage.tsx').then((m) => ({ default: m.LandingPage })));
const JoinPage = lazy(() => import('./views/join/JoinPage.tsx').then((m) => ({ default: m.JoinPage })));
const PanelistPage = lazy(() => import('./views/panelist/PanelistPage.tsx').then((m) => ({ default: m.PanelistPage })));
const ModeratorPage = lazy(() => import('./views/moderator/ModeratorPage.tsx').then((m) => ({ default: m.ModeratorPage })));
const FacilitatorPage = lazy(() => import('./views/facilitator/FacilitatorPage.tsx').then((m) => ({ default: m.FacilitatorPage })));
const ProjectorPage = lazy(() => import('./views/projector/ProjectorPage.tsx').then((m) => ({ default: m.ProjectorPage })));

function Page({ route }: { route: Route }) {
  const { t } = useI18n();
  switch (route.name) {
    case 'landing':
      return <LandingPage />;
    case 'join':
      return <JoinPage code={route.code} />;
    case 'panelist':
      return <PanelistPage roomId={route.roomId} />;
    case 'moderator':
      return <ModeratorPage roomId={route.roomId} />;
    case 'display':
      return <ProjectorPage roomId={route.roomId} />;
    case 'facilitate':
      return <FacilitatorPage roomId={route.roomId} />;
    case 'not-found':
      return <EndScreen title={t('not-found.title')} message={t('not-found.message')} />;
  }
}

export function App() {
  const route = parseRoute(usePathname());
  return (
    <>
      <Suspense fallback={<Loading />}>
        <Page key={route.name + ('roomId' in route ? route.roomId : '')} route={route} />
      </Suspense>
      <Notices />
    </>
  );
}
