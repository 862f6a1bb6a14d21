// The portal's front page for a visitor who is not logged in: what the service is and a log-in
// button that goes to /auth/login?return_to=<current path> (a full page load: the OpenID
// Connect code flow runs through the issuer and /auth/callback).
import { Button, Paragraph } from '@digdir/designsystemet-react';
import { PageHeading } from '../../components/page-heading';
import { useI18n } from '../../i18n';
import { AppLink, useRouter } from '../../router';

export function loginHref(returnTo: string): string {
  return `/auth/login?return_to=${encodeURIComponent(returnTo)}`;
}

export function LoginPage() {
  const { t } = useI18n();
  const { path, search } = useRouter();
  return (
    <>
      <PageHeading title={t('login.title')}>{t('login.title')}</PageHeading>
      <Paragraph className="lead">{t('login.intro')}</Paragraph>
      <Button asChild data-size="lg">
        <a href={loginHref(path + search)} id="login-button">
          {t('login.button')}
        </a>
      </Button>
      <Paragraph className="block">
        {t('login.staff')} <AppLink href="/admin">{t('login.staffLink')}</AppLink>
      </Paragraph>
    </>
  );
}

export function StaffInPortal() {
  const { t } = useI18n();
  return (
    <>
      <PageHeading title={t('login.title')}>{t('login.title')}</PageHeading>
      <Paragraph>{t('login.staffSession')}</Paragraph>
      <Paragraph>
        <AppLink href="/admin">{t('login.staffLink')}</AppLink>
      </Paragraph>
    </>
  );
}
