// The page frame shared by the portal and the admin UI: skip link, header (name, language,
// who is logged in, log out), the section's navigation, <main id="main">, footer.
import { Button, Paragraph, SkipLink } from '@digdir/designsystemet-react';
import { useState, type ReactNode } from 'react';
import { api } from './api';
import { LanguageSwitch } from './components/language-switch';
import { useI18n } from './i18n';
import { AppLink, useRouter } from './router';
import { useSession } from './session';

export interface NavItem {
  href: string | null; // null: a named place for a later feature, shown as text, not a link
  label: string;
  note?: string;
}

export function Layout({
  children,
  nav,
  navLabel,
  admin,
}: {
  children: ReactNode;
  nav: NavItem[];
  navLabel: string;
  admin?: boolean;
}) {
  const { t } = useI18n();
  const { session, refresh } = useSession();
  const { path, navigate } = useRouter();
  const [busy, setBusy] = useState(false);
  const loggedIn = session && session.kind !== 'anonymous';

  const logout = async () => {
    setBusy(true);
    try {
      await api.logout();
    } catch {
      // the session may already be gone; reload it either way
    }
    await refresh();
    setBusy(false);
    navigate(admin ? '/admin' : '/');
  };

  return (
    <>
      <SkipLink href="#main">{t('common.skip')}</SkipLink>
      <header className="site-header">
        <div className="container header-row">
          <AppLink href={admin ? '/admin' : '/'} className="brand" data-color="neutral">
            {t(admin ? 'app.adminName' : 'app.name')}
          </AppLink>
          <div className="header-tools">
            <LanguageSwitch />
            {loggedIn && (
              <div className="user-box">
                {session.name && (
                  <Paragraph data-size="sm" className="user-name">
                    {t('common.loggedInAs', { name: session.name })}
                  </Paragraph>
                )}
                <Button variant="secondary" data-size="sm" onClick={logout} disabled={busy}>
                  {t('common.logout')}
                </Button>
              </div>
            )}
          </div>
        </div>
        {nav.length > 0 && (
          <nav aria-label={navLabel} className="container site-nav">
            <ul>
              {nav.map((item) => (
                <li key={item.label}>
                  {item.href ? (
                    <AppLink
                      href={item.href}
                      aria-current={isCurrent(path, item.href) ? 'page' : undefined}
                    >
                      {item.label}
                    </AppLink>
                  ) : (
                    <span className="nav-later">
                      {item.label} <span className="nav-note">({item.note})</span>
                    </span>
                  )}
                </li>
              ))}
            </ul>
          </nav>
        )}
      </header>
      <main id="main" tabIndex={-1} className="container site-main">
        {children}
      </main>
      <footer className="site-footer">
        <div className="container">
          <Paragraph data-size="sm">{t('common.footer')}</Paragraph>
        </div>
      </footer>
    </>
  );
}

function isCurrent(path: string, href: string): boolean {
  if (href === '/' || href === '/admin' || /^\/admin\/k\/[^/]+\/services$/.test(href)) return path === href;
  return path === href || path.startsWith(href + '/');
}
