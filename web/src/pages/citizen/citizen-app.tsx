// The citizen portal's routes:
//   /              my offers (or the log-in page when not logged in)
//   /offers/:id    one offer
//   /my-data       what the municipality knows about me and why
//   /preferences   language and opt-outs
//   /consents      consent requests and consents (approve, reject, withdraw, receipts)
//   /access-log    who has read my data, each entry verifiable against the signed log
import { Layout, type NavItem } from '../../layout';
import { useI18n } from '../../i18n';
import { matchPath, useRouter } from '../../router';
import { useSession } from '../../session';
import { Loading } from '../../components/loading';
import { NotFound } from '../not-found';
import { AccessLogPage } from './access-log-page';
import { ConsentsPage } from './consents-page';
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
        { href: '/consents', label: t('nav.consents') },
        { href: '/access-log', label: t('nav.accessLog') },
        { href: '/preferences', label: t('nav.preferences') },
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
  else if (path === '/consents') page = <ConsentsPage />;
  else if (path === '/access-log') page = <AccessLogPage />;
  else page = <NotFound />;

  return (
    <Layout nav={nav} navLabel={t('nav.label')}>
      {page}
    </Layout>
  );
}

function isKnown(path: string): boolean {
  return (
    ['/', '/my-data', '/preferences', '/consents', '/access-log'].includes(path) || !!matchPath('/offers/:id', path)
  );
}
