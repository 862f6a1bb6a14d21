// The application: providers, then the citizen portal (/) or the admin UI (/admin).
import { lazy, Suspense, useEffect } from 'react';
import { Loading } from './components/loading';
import { I18nProvider, isLang, storedLang, useI18n } from './i18n';
import { CitizenApp } from './pages/citizen/citizen-app';

// The admin UI is a separate chunk: citizens never download it.
const AdminApp = lazy(() => import('./pages/admin/admin-app').then((m) => ({ default: m.AdminApp })));
import { RouterProvider, useRouter } from './router';
import { SessionProvider, useSession } from './session';

function Routes() {
  const { path } = useRouter();
  const { session } = useSession();
  const { setLang } = useI18n();

  // A citizen's saved language applies unless this browser has chosen one.
  useEffect(() => {
    if (session?.kind === 'citizen' && isLang(session.language) && !storedLang()) setLang(session.language);
  }, [session, setLang]);

  if (path === '/admin' || path.startsWith('/admin/')) {
    return (
      <Suspense fallback={<Loading />}>
        <AdminApp />
      </Suspense>
    );
  }
  return <CitizenApp />;
}

export function App() {
  return (
    <I18nProvider>
      <RouterProvider>
        <SessionProvider>
          <Routes />
        </SessionProvider>
      </RouterProvider>
    </I18nProvider>
  );
}
