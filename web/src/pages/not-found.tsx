// Shown for a path the app does not know.
import { Paragraph } from '@digdir/designsystemet-react';
import { PageHeading } from '../components/page-heading';
import { useI18n } from '../i18n';
import { AppLink, useRouter } from '../router';

export function NotFound() {
  const { t } = useI18n();
  const { path } = useRouter();
  return (
    <>
      <PageHeading title={t('notFound.title')}>{t('notFound.title')}</PageHeading>
      <Paragraph>{t('notFound.text')}</Paragraph>
      <Paragraph>
        <AppLink href={path.startsWith('/admin') ? '/admin' : '/'}>{t('notFound.home')}</AppLink>
      </Paragraph>
    </>
  );
}
