// The citizen portal's routes:
//   /              my offers (or the log-in page when not logged in)
//   /offers/:id    one offer
//   /my-data       what the municipality knows about me and why
//   /preferences   language and opt-outs
// Consents and the access log have named places in the navigation; a later issue adds them.
import { Layout, type NavItem } from '../../layout';
import { useI18n } from '../../i18n';
import { matchPath, useRouter } from '../../router';
import { useSession } from '../../session';
import { Loading } from '../../components/loading';
import { NotFound } from '../not-found';
import { LoginPage, StaffInPortal } from './login-page';
import { MyDataPage } from './my-data-page';
import { OfferPage } from './offer-page';
import { OffersPage } from './offers-page';
import { PreferencesPage } from './preferences-page';

export function CitizenApp() {
  const { t } = useI18n();
  const { session } = useSession();
  const { path } = useRouter();
  const citizen = session?.kind === 'citizen';

  const nav: NavItem[] = citizen
    ? [
        { href: '/', label: t('nav.offers') },
        { href: '/my-data', label: t('nav.myData') },
        { href: '/preferences', label: t('nav.preferences') },
        // Placeholders for the consents and access-log issue: named, not links, no pages yet.
        { href: null, label: t('nav.consents'), note: t('nav.comingSoon') },
        { href: null, label: t('nav.accessLog'), note: t('nav.comingSoon') },
      ]
    : [];

  let page;
  const offer = matchPath('/offers/:id', path);
  if (!session) page = <Loading />;
  else if (session.kind === 'staff') page = <StaffInPortal />;
  else if (!citizen) page = isKnown(path) ? <LoginPage /> : <NotFound />;
  else if (path === '/') page = <OffersPage />;
  else if (offer && /^\d+$/.test(offer.id)) page = <OfferPage id={Number(offer.id)} />;
  else if (path === '/my-data') page = <MyDataPage />;
  else if (path === '/preferences') page = <PreferencesPage />;
  else page = <NotFound />;

  return (
    <Layout nav={nav} navLabel={t('nav.label')}>
      {page}
    </Layout>
  );
}

function isKnown(path: string): boolean {
  return path === '/' || path === '/my-data' || path === '/preferences' || !!matchPath('/offers/:id', path);
}
