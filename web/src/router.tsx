// A small client-side router over the History API. `useRoute()` gives the current path;
// `navigate(to)` pushes a new entry; <AppLink> renders a real <a href> (so it works without
// JavaScript, opens in new tabs, and is keyboard-reachable) and intercepts plain clicks.
// After every client-side navigation the page's <PageHeading> receives focus (see
// components/page-heading.tsx), so screen-reader and keyboard users start at the new content.
// The server must answer every non-API GET path with index.html (SPA fallback).
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type AnchorHTMLAttributes,
  type MouseEvent,
  type ReactNode,
} from 'react';
import { Link } from '@digdir/designsystemet-react';

interface RouterState {
  path: string; // pathname only
  search: string;
  navCount: number; // 0 on the initial load; +1 per client-side navigation
  navigate: (to: string, opts?: { replace?: boolean }) => void;
}

const RouterContext = createContext<RouterState | null>(null);

export function RouterProvider({ children }: { children: ReactNode }) {
  const [loc, setLoc] = useState({
    path: window.location.pathname,
    search: window.location.search,
    navCount: 0,
  });

  useEffect(() => {
    // A change of the fragment only (the skip link) is not a navigation.
    const onPop = () =>
      setLoc((l) =>
        l.path === window.location.pathname && l.search === window.location.search
          ? l
          : { path: window.location.pathname, search: window.location.search, navCount: l.navCount + 1 },
      );
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const navigate = useCallback((to: string, opts?: { replace?: boolean }) => {
    if (opts?.replace) window.history.replaceState(null, '', to);
    else window.history.pushState(null, '', to);
    window.scrollTo(0, 0);
    setLoc((l) => ({
      path: window.location.pathname,
      search: window.location.search,
      navCount: l.navCount + 1,
    }));
  }, []);

  const value = useMemo(() => ({ ...loc, navigate }), [loc, navigate]);
  return <RouterContext.Provider value={value}>{children}</RouterContext.Provider>;
}

export function useRouter(): RouterState {
  const r = useContext(RouterContext);
  if (!r) throw new Error('useRouter outside RouterProvider');
  return r;
}

// Matches `pattern` (segments, `:name` captures) against `path`; null when it does not match.
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split('/').filter(Boolean);
  const s = path.split('/').filter(Boolean);
  if (p.length !== s.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    if (p[i].startsWith(':')) params[p[i].slice(1)] = decodeURIComponent(s[i]);
    else if (p[i] !== s[i]) return null;
  }
  return params;
}

type AppLinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { href: string };

// A Designsystemet Link that navigates client-side for plain left clicks.
export function AppLink({ href, onClick, children, ...rest }: AppLinkProps) {
  const { navigate } = useRouter();
  const handle = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (
      e.defaultPrevented ||
      e.button !== 0 ||
      e.metaKey ||
      e.ctrlKey ||
      e.shiftKey ||
      e.altKey ||
      rest.target
    )
      return;
    e.preventDefault();
    navigate(href);
  };
  return (
    <Link href={href} onClick={handle} {...rest}>
      {children}
    </Link>
  );
}
