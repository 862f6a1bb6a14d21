// The page's <h1>. It sets document.title and, after a client-side navigation (not on the first
// load, so the skip link stays first), takes focus so keyboard and screen-reader users start at
// the new page. tabIndex -1 makes it focusable by script only.
import { useEffect, useRef, type ReactNode } from 'react';
import { Heading } from '@digdir/designsystemet-react';
import { useRouter } from '../router';
import { useI18n } from '../i18n';

export function PageHeading({ children, title }: { children: ReactNode; title: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const { navCount, path } = useRouter();
  const { t } = useI18n();
  const admin = path.startsWith('/admin');

  useEffect(() => {
    document.title = `${title} – ${t(admin ? 'app.adminName' : 'app.name')}`;
  }, [title, t, admin]);

  useEffect(() => {
    if (navCount > 0) ref.current?.focus();
  }, [navCount]);

  return (
    <Heading level={1} data-size="lg" ref={ref} tabIndex={-1} id="page-heading" className="page-heading">
      {children}
    </Heading>
  );
}
