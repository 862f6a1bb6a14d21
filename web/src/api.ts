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
  messages?: OfferMessage[];
}

// Delivery (issue 6): each message of an offer to this citizen.
export type DeliveryChannel = 'mailbox' | 'sms' | 'email' | 'letter';
export type DeliveryStatus = 'queued' | 'sending' | 'sent' | 'delivered' | 'failed' | 'dead' | 'cancelled';
export interface OfferMessage {
  channel: DeliveryChannel;
  kind: 'offer' | 'reminder' | 'change';
  status: DeliveryStatus;
  queued_at?: string;
  updated_at?: string;
  sent_at?: string | null;
  delivered_at?: string | null;
}
export interface DeliveryCounts {
  kommune: string;
  from: string;
  to: string;
  rows: { day: string; channel: DeliveryChannel; status: DeliveryStatus; count: number }[];
  totals: Record<string, Record<string, number>>; // channel → status → count
}

// Consents (issue 7). Texts come in the citizen's language.
export type ConsentState = 'created' | 'opened' | 'accepted' | 'rejected' | 'revoked' | 'expired' | 'used';
export interface Consent {
  id: string;
  state: ConsentState;
  group: 'pending' | 'active' | 'past';
  consumer: { organisation_number?: string; name?: string };
  purpose: { id?: string; name?: string };
  items: { id: string; name?: string }[];
  message?: string;
  single_use: boolean;
  created_at: string;
  valid_to: string;
  updated_at?: string;
  events?: { from: ConsentState | null; to: ConsentState; by: 'citizen' | 'consumer' | 'system'; at: string }[];
}

// The transparency log (issue 7).
export interface AccessLogEntry {
  seq: number;
  time: string;
  time_unix_ms: number;
  actor: { kind: 'engine' | 'caseworker' | 'consumer'; id?: string; name?: string };
  items: string[];
  purpose: string;
  legal_basis: string;
  reference: string;
}
export interface AccessLogPage {
  entries: AccessLogEntry[];
  total: number;
  next_before: number | null;
}
export interface SignedCheckpoint {
  origin: string;
  tree_size: number;
  root_hash: string;
  time?: string;
  time_unix_ms: number;
  note: string;
  signature: string;
  key_id: string;
  public_key: string;
}
export interface InclusionProofDoc {
  seq: number;
  entry: string;
  record?: AccessLogEntry;
  salt: string;
  commitment: string;
  leaf_hash?: string;
  tree_size: number;
  inclusion_proof: string[];
  checkpoint: SignedCheckpoint;
}
export interface PublishedCheckpoint {
  checkpoint: SignedCheckpoint;
  public_key: string;
  algorithm?: string;
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

  myConsents: () => request<{ consents: Consent[] }>('GET', '/api/v1/me/consents'),
  myConsent: (id: string) => request<Consent>('GET', `/api/v1/me/consents/${encodeURIComponent(id)}`),
  consentAction: (id: string, action: 'open' | 'accept' | 'reject' | 'revoke') =>
    request<Consent>('POST', `/api/v1/me/consents/${encodeURIComponent(id)}/${action}`),
  // The receipt is a download (Content-Disposition: attachment): a plain link, not a fetch.
  consentReceiptUrl: (id: string) => withLang(`/api/v1/me/consents/${encodeURIComponent(id)}/receipt`),
  accessLog: (before?: number | null, limit = 20) =>
    request<AccessLogPage>(
      'GET',
      `/api/v1/me/access-log?limit=${limit}${before !== null && before !== undefined ? `&before=${before}` : ''}`,
    ),
  accessLogProof: (seq: number) => request<InclusionProofDoc>('GET', `/api/v1/me/access-log/${seq}/proof`),
  transparencyCheckpoint: () => request<PublishedCheckpoint>('GET', '/api/v1/transparency/checkpoint'),

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
  delivery: (kommune: string, from?: string, to?: string) =>
    request<DeliveryCounts>(
      'GET',
      `${k(kommune)}/delivery${from && to ? `?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}` : ''}`,
    ),
};
