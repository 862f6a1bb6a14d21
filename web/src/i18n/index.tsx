// Language state and translation. The chosen language is kept in localStorage, mirrored on
// <html lang>, and given to the API client (sent as `lang`). t(key, vars) fills `{name}`.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { setApiLang, type Lang } from '../api';
import { en } from './en';
import { nb, type Catalog, type MessageKey } from './nb';
import { nn } from './nn';

export type { MessageKey };
export const LANGS: Lang[] = ['nb', 'nn', 'en'];
const CATALOGS: Record<Lang, Catalog> = { nb, nn, en };
const STORAGE_KEY = 'proaktiv.lang';
const LOCALES: Record<Lang, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' };

export function isLang(x: unknown): x is Lang {
  return x === 'nb' || x === 'nn' || x === 'en';
}

export function storedLang(): Lang | null {
  try {
    const v = window.localStorage.getItem(STORAGE_KEY);
    return isLang(v) ? v : null;
  } catch {
    return null;
  }
}

export type TFunction = (key: MessageKey, vars?: Record<string, string | number>) => string;

interface I18nState {
  lang: Lang;
  setLang: (l: Lang) => void;
  t: TFunction;
  formatDate: (iso: string | null | undefined) => string;
  // A date-time (RFC 3339, UTC) in Norwegian time, e.g. "3. feb. 2026, 14:05".
  formatDateTime: (iso: string | null | undefined) => string;
  formatNumber: (n: number, digits?: number) => string;
}

const I18nContext = createContext<I18nState | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => storedLang() ?? 'nb');
  setApiLang(lang);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const setLang = useCallback((l: Lang) => {
    try {
      window.localStorage.setItem(STORAGE_KEY, l);
    } catch {
      // storage may be unavailable; the choice then lasts for this page only
    }
    setApiLang(l);
    setLangState(l);
  }, []);

  const value = useMemo<I18nState>(() => {
    const cat = CATALOGS[lang];
    const t: TFunction = (key, vars) => {
      let s = cat[key] ?? nb[key] ?? key;
      if (vars) for (const [k, v] of Object.entries(vars)) s = s.split(`{${k}}`).join(String(v));
      return s;
    };
    const dateFmt = new Intl.DateTimeFormat(LOCALES[lang], {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    const formatDate = (iso: string | null | undefined) => {
      if (!iso) return cat['common.empty'];
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
      if (!m) return iso;
      return dateFmt.format(new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])));
    };
    const dateTimeFmt = new Intl.DateTimeFormat(LOCALES[lang], {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: 'Europe/Oslo',
    });
    const formatDateTime = (iso: string | null | undefined) => {
      if (!iso) return cat['common.empty'];
      if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return formatDate(iso);
      const d = new Date(iso);
      return Number.isNaN(d.getTime()) ? iso : dateTimeFmt.format(d);
    };
    const formatNumber = (n: number, digits = 0) =>
      new Intl.NumberFormat(LOCALES[lang], {
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      }).format(n);
    return { lang, setLang, t, formatDate, formatDateTime, formatNumber };
  }, [lang, setLang]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nState {
  const c = useContext(I18nContext);
  if (!c) throw new Error('useI18n outside I18nProvider');
  return c;
}

// A readable label for an application or data field: the catalog's `field.<key>` if present,
// else the key with underscores as spaces and the first letter capitalised.
export function fieldLabel(t: TFunction, key: string): string {
  const k = `field.${key}` as MessageKey;
  if (k in nb) return t(k);
  const s = key.replace(/[_-]+/g, ' ').trim();
  return s.charAt(0).toUpperCase() + s.slice(1);
}
