// The HTTP client for docs/openapi.yaml. Every request uses credentials 'same-origin' (cookie
// sessions); POST/PUT/DELETE send X-CSRF-Token (from GET /api/v1/session) and JSON unless a body
// type is given. Errors become ApiError carrying the RFC 9457 problem (its `detail` is shown to
// the user). Reads pass the chosen language as the `lang` query parameter.

export type Lang = 'nb' | 'nn' | 'en';

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  code?: string;
  [extra: string]: unknown;
}

export class ApiError extends Error {
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.detail || problem.title || `HTTP ${problem.status}`);
    this.problem = problem;
  }
  get status(): number {
    return this.problem.status;
  }
}

let csrfToken = '';
let currentLang: Lang = 'nb';

export function setCsrfToken(token: string | undefined): void {
  csrfToken = token ?? '';
}
export function setApiLang(lang: Lang): void {
  currentLang = lang;
}

function withLang(path: string): string {
  const sep = path.includes('?') ? '&' : '?';
  return `${path}${sep}lang=${currentLang}`;
}

async function toProblem(res: Response): Promise<Problem> {
  const text = await res.text();
  try {
    const body = JSON.parse(text) as Partial<Problem>;
    if (body && typeof body === 'object') return { ...body, status: body.status ?? res.status };
  } catch {
    // not JSON; fall through
  }
  return { status: res.status, title: res.statusText, detail: text.slice(0, 300) || undefined };
}

async function request<T>(
  method: string,
  path: string,
  body?: unknown,
  contentType = 'application/json',
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  let payload: BodyInit | undefined;
  if (method !== 'GET') {
    if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
    headers['Content-Type'] = contentType;
    if (body !== undefined) {
      payload = contentType === 'application/json' ? JSON.stringify(body) : (body as string);
    } else if (contentType === 'application/json') {
      payload = '{}';
    }
  }
  let res: Response;
  try {
    res = await fetch(method === 'GET' ? withLang(path) : path, {
      method,
      headers,
      body: payload,
      credentials: 'same-origin',
    });
  } catch (e) {
    throw new ApiError({ status: 0, title: 'network', detail: String(e) });
  }
  if (!res.ok) throw new ApiError(await toProblem(res));
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

// ---- Types (from docs/openapi.yaml) ----

export type OfferState =
  | 'proposed'
  | 'sent'
  | 'opened'
  | 'accepted'
  | 'declined'
  | 'expired'
  | 'withdrawn';

export interface Session {
  kind: 'anonymous' | 'citizen' | 'staff';
  name?: string;
  language?: string;
  kommuner?: string[];
  csrf_token?: string;
}

export interface OfferSummary {
  id: number;
  service: string;
  service_name: string;
  kind: 'offer' | 'notice';
  state: OfferState;
  version: number;
  subject: { name?: string; relation?: string };
  decided_on: string;
  deadline?: string | null;
  title?: string;
}

export interface HistoryEntry {
  from: string | null;
  to: string;
  on: string;
  cause?: string;
}

export interface OfferDetail extends OfferSummary {
  message?: string;
  reason?: string;
  legal_reference?: string;
  legal_url?: string;
  application?: Record<string, unknown>;
  editable_fields?: string[];
  explanation?: Record<string, unknown>;
  history?: HistoryEntry[];
  answer?: Record<string, unknown> | null;
}

export interface Answer {
  application?: Record<string, unknown>;
  comment?: string;
  satisfaction?: number;
}

export interface MyDataField {
  field: string;
  label: string;
  value: unknown;
  dataset: string;
  source: string;
  legal_basis?: string;
  retention?: string;
  purposes: { id: string; name: string; services: string[] }[];
}

export interface Preferences {
  language?: Lang;
  services?: { id: string; name: string; opted_out: boolean }[];
}

export interface Parameter {
  name: string;
  type: string;
  value: unknown;
  default: unknown;
  description?: string;
  source?: 'default' | 'service.yaml' | 'kommune';
}

export interface ServiceSettings {
  id: string;
  name: string;
  enabled: boolean;
  parameters: Parameter[];
}

export interface DryRunResult {
  persons: number;
  current_eligible: number;
  candidate_eligible: number;
  gained: Record<string, unknown>[];
  lost: Record<string, unknown>[];
  seconds: number;
}

export interface UptakeRow {
  service: string;
  month: string;
  eligible: number;
  offered: number;
  delivered: number;
  opened: number;
  accepted: number;
}

export interface SatisfactionRow {
  service: string;
  answers: number;
  mean: number | null;
  ci95_low: number | null;
  ci95_high: number | null;
  distribution: number[];
}

const k = (kommune: string) => `/api/v1/admin/kommuner/${encodeURIComponent(kommune)}`;

export const api = {
  session: () => request<Session>('GET', '/api/v1/session'),
  logout: () => request<void>('POST', '/auth/logout'),
  staffSession: (apiKey: string) =>
    request<void>('POST', '/auth/staff-session', { api_key: apiKey }),

  myOffers: () => request<{ offers: OfferSummary[] }>('GET', '/api/v1/me/offers'),
  myOffer: (id: number) => request<OfferDetail>('GET', `/api/v1/me/offers/${id}`),
  accept: (id: number, answer: Answer) =>
    request<OfferDetail>('POST', `/api/v1/me/offers/${id}/accept`, answer),
  decline: (id: number, answer: Answer) =>
    request<OfferDetail>('POST', `/api/v1/me/offers/${id}/decline`, answer),
  myData: () => request<{ fields: MyDataField[] }>('GET', '/api/v1/me/data'),
  preferences: () => request<Preferences>('GET', '/api/v1/me/preferences'),
  putPreferences: (p: Preferences) => request<Preferences>('PUT', '/api/v1/me/preferences', p),

  services: (kommune: string) =>
    request<{ services: ServiceSettings[] }>('GET', `${k(kommune)}/services`),
  putService: (
    kommune: string,
    service: string,
    body: { enabled?: boolean; parameters?: Record<string, unknown> },
  ) =>
    request<ServiceSettings>(
      'PUT',
      `${k(kommune)}/services/${encodeURIComponent(service)}`,
      body,
    ),
  dryRun: (kommune: string, service: string, dmnXml: string) =>
    request<DryRunResult>(
      'POST',
      `${k(kommune)}/services/${encodeURIComponent(service)}/dry-run`,
      dmnXml,
      'application/xml',
    ),
  uptake: (kommune: string, service?: string) =>
    request<{ rows: UptakeRow[] }>(
      'GET',
      `${k(kommune)}/uptake${service ? `?service=${encodeURIComponent(service)}` : ''}`,
    ),
  satisfaction: (kommune: string) =>
    request<{ services: SatisfactionRow[] }>('GET', `${k(kommune)}/satisfaction`),
};
