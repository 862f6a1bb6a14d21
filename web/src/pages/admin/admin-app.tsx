// The admin UI's routes (all under /admin):
//   /admin                                  log in with an API key, then choose the kommune
//   /admin/k/:kommune/services              services and their settings
//   /admin/k/:kommune/services/:service     edit a service; dry-run an uploaded DMN
//   /admin/k/:kommune/uptake                uptake funnel
//   /admin/k/:kommune/satisfaction          satisfaction with confidence intervals
//   /admin/k/:kommune/delivery              messages per channel, day and status
import { Loading } from '../../components/loading';
import { useI18n } from '../../i18n';
import { Layout, type NavItem } from '../../layout';
import { matchPath, useRouter } from '../../router';
import { useSession } from '../../session';
import { NotFound } from '../not-found';
import { AdminLogin, CitizenInAdmin } from './admin-login';
import { DeliveryPage } from './delivery-page';
import { KommuneChoice } from './kommune-choice';
import { SatisfactionPage } from './satisfaction-page';
import { ServicePage } from './service-page';
import { ServicesPage } from './services-page';
import { UptakePage } from './uptake-page';

const K = /^[0-9]{4}$/;

export function AdminApp() {
  const { t } = useI18n();
  const { session } = useSession();
  const { path } = useRouter();

  const services = matchPath('/admin/k/:kommune/services', path);
  const service = matchPath('/admin/k/:kommune/services/:service', path);
  const uptake = matchPath('/admin/k/:kommune/uptake', path);
  const satisfaction = matchPath('/admin/k/:kommune/satisfaction', path);
  const delivery = matchPath('/admin/k/:kommune/delivery', path);
  const kommune = (services ?? service ?? uptake ?? satisfaction ?? delivery)?.kommune;
  const staff = session?.kind === 'staff';

  const nav: NavItem[] =
    staff && kommune && K.test(kommune)
      ? [
          { href: `/admin/k/${kommune}/services`, label: t('admin.services') },
          { href: `/admin/k/${kommune}/uptake`, label: t('admin.uptake') },
          { href: `/admin/k/${kommune}/satisfaction`, label: t('admin.satisfaction') },
          { href: `/admin/k/${kommune}/delivery`, label: t('admin.delivery') },
          { href: '/admin', label: `${t('admin.changeKommune')} (${kommune})` },
        ]
      : [];

  let page;
  if (!session) page = <Loading />;
  else if (session.kind === 'citizen') page = <CitizenInAdmin />;
  else if (!staff) page = <AdminLogin />;
  else if (path === '/admin' || path === '/admin/') page = <KommuneChoice kommuner={session.kommuner ?? []} />;
  else if (!kommune || !K.test(kommune)) page = <NotFound />;
  else if (services) page = <ServicesPage kommune={kommune} />;
  else if (service) page = <ServicePage kommune={kommune} service={service.service} />;
  else if (uptake) page = <UptakePage kommune={kommune} />;
  else if (satisfaction) page = <SatisfactionPage kommune={kommune} />;
  else if (delivery) page = <DeliveryPage kommune={kommune} />;
  else page = <NotFound />;

  return (
    <Layout nav={nav} navLabel={t('admin.nav')} admin>
      {page}
    </Layout>
  );
}
