// Who is logged in (GET /api/v1/session), shared by all pages. refresh() reloads it after a
// log-in or log-out; the CSRF token it carries is handed to the API client.
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { api, setCsrfToken, type Session } from './api';

interface SessionState {
  session: Session | null; // null while loading
  error: string | null;
  refresh: () => Promise<Session | null>;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(null);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    try {
      const s = await api.session();
      setCsrfToken(s.csrf_token);
      setSession(s);
      setError(null);
      return s;
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setSession({ kind: 'anonymous' });
      return null;
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  return (
    <SessionContext.Provider value={{ session, error, refresh }}>{children}</SessionContext.Provider>
  );
}

export function useSession(): SessionState {
  const c = useContext(SessionContext);
  if (!c) throw new Error('useSession outside SessionProvider');
  return c;
}
