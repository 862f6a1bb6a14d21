#!/usr/bin/env node
// DEVELOPMENT ONLY — a stand-in for `proaktiv serve` so the portal and its browser tests can run
// while the real server is unfinished. It is never built into web/dist nor used in production.
//
// It serves web/dist (with index.html for every other non-API GET path, as the real server must)
// and implements docs/openapi.yaml's /api/v1 and /auth paths from fixed in-memory data, plus a
// tiny OpenID-issuer look-alike at /mock-issuer/authorize: a form with an input named "pid" and
// a submit button (the shape tests/e2e/lib.mjs#loginAsCitizen expects from the dev issuer).
//
//   node web/dev/mock-api.mjs [--port 8090] [--host 127.0.0.1] [--dist web/dist]
//
// Test citizens: 05058012345 (Kari: kindergarten place, SFO, welcome notice; consents in every
// state; access-log entries) and 24124512345 (Ola: senior home visit). Staff API keys: dev-admin-key (admin:*), dev-admin-4601 (admin:4601).
// State lives in memory and is reset on restart.
import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCitizens, createKommuneState, SERVICES, uptakeRows, satisfactionSeed, localized } from './mock-data.mjs';
import { consentRoute, createConsents } from './mock-consents.mjs';
import { deliveryCounts, messagesFor } from './mock-delivery.mjs';
import { accessLogRoute, seedTransparency, transparencyRoute } from './mock-transparency.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []),
);
const PORT = Number(args.port ?? process.env.PORT ?? 8090);
const HOST = args.host ?? '127.0.0.1';
const DIST = resolve(args.dist ?? join(here, '..', 'dist'));

const STAFF_KEYS = { 'dev-admin-key': ['*'], 'dev-admin-4601': ['4601'] };
const sessions = new Map(); // sid -> {kind, pid?, name, kommuner?, csrf}
const pendingLogins = new Map(); // state -> return_to
const codes = new Map(); // code -> pid
const citizens = createCitizens();
const consents = createConsents(); // pid -> consents
seedTransparency(citizens, consents);
const kommuneState = new Map(); // kommune -> {services: {id: {enabled, params}}}
const feedback = []; // {kommune, service, satisfaction}

// ---------- helpers ----------
const MIME = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json', '.woff2': 'font/woff2', '.ico': 'image/x-icon' };

function send(res, status, body, headers = {}) {
  res.writeHead(status, headers);
  res.end(body);
}
function json(res, status, obj, headers = {}) {
  send(res, status, JSON.stringify(obj), { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...headers });
}
function problem(res, status, code, detail) {
  const titles = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 409: 'Conflict', 415: 'Unsupported Media Type', 422: 'Unprocessable Content' };
  send(res, status, JSON.stringify({ type: `https://proaktiv.no/problems/${code}`, title: titles[status] ?? 'Error', status, detail, code }), {
    'Content-Type': 'application/problem+json',
    'Cache-Control': 'no-store',
  });
}
function cookies(req) {
  return Object.fromEntries((req.headers.cookie ?? '').split(/;\s*/).filter(Boolean).map((c) => { const i = c.indexOf('='); return [c.slice(0, i), decodeURIComponent(c.slice(i + 1))]; }));
}
function session(req) {
  const sid = cookies(req).proaktiv_session;
  return sid ? sessions.get(sid) : undefined;
}
function newSession(res, data) {
  const sid = randomBytes(18).toString('base64url');
  sessions.set(sid, { ...data, csrf: randomBytes(18).toString('base64url') });
  res.setHeader('Set-Cookie', `proaktiv_session=${sid}; Path=/; HttpOnly; SameSite=Lax`);
  return sid;
}
async function readBody(req, limit = 5 << 20) {
  const chunks = [];
  let n = 0;
  for await (const c of req) {
    n += c.length;
    if (n > limit) throw Object.assign(new Error('too large'), { status: 413 });
    chunks.push(c);
  }
  return Buffer.concat(chunks).toString('utf8');
}
async function readJson(req, res) {
  const ct = (req.headers['content-type'] ?? '').split(';')[0].trim();
  if (ct !== 'application/json') {
    problem(res, 415, 'unsupported-media-type', `Expected Content-Type application/json, got '${ct || 'none'}'.`);
    return undefined;
  }
  const text = await readBody(req);
  try {
    return text ? JSON.parse(text) : {};
  } catch {
    problem(res, 400, 'bad-json', 'The request body is not valid JSON.');
    return undefined;
  }
}
function checkCsrf(req, res, s) {
  if (req.headers['x-csrf-token'] !== s.csrf) {
    problem(res, 403, 'csrf', 'The X-CSRF-Token header is missing or does not match the session.');
    return false;
  }
  return true;
}
function langOf(url, s) {
  const q = url.searchParams.get('lang');
  if (q === 'nb' || q === 'nn' || q === 'en') return q;
  if (s?.pid && citizens.get(s.pid)?.prefs.language) return citizens.get(s.pid).prefs.language;
  return 'nb';
}
function isoToday() {
  return new Date().toISOString().slice(0, 10);
}

// ---------- citizen ----------
function summary(o, lang) {
  return {
    id: o.id, service: o.service, service_name: localized(SERVICES[o.service].name, lang), kind: o.kind, state: o.state,
    version: o.version, subject: o.subject, decided_on: o.decided_on, deadline: o.deadline, title: localized(o.title, lang),
  };
}
function detail(o, lang) {
  return {
    ...summary(o, lang),
    message: localized(o.message, lang), reason: localized(o.reason, lang),
    legal_reference: SERVICES[o.service].legal_reference, legal_url: SERVICES[o.service].legal_url,
    application: o.application, editable_fields: o.editable_fields, explanation: o.explanation,
    history: o.history, answer: o.answer, messages: messagesFor(o),
  };
}
function transition(o, to, cause) {
  o.history.push({ from: o.state, to, on: isoToday(), cause });
  o.state = to;
  o.version += 1;
}
const OPEN = new Set(['proposed', 'sent', 'opened']);

function validateAnswer(body, o, accept) {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return 'The answer must be a JSON object.';
  if (body.satisfaction !== undefined && !(Number.isInteger(body.satisfaction) && body.satisfaction >= 1 && body.satisfaction <= 5))
    return `satisfaction must be a whole number from 1 to 5, got ${JSON.stringify(body.satisfaction)}.`;
  if (body.comment !== undefined && (typeof body.comment !== 'string' || body.comment.length > 2000)) return 'comment must be a text of at most 2000 characters.';
  if (body.application !== undefined) {
    if (!accept) return 'application is only allowed when accepting.';
    if (typeof body.application !== 'object' || body.application === null) return 'application must be an object.';
    for (const [k, v] of Object.entries(body.application)) {
      if (!o.editable_fields.includes(k)) return `The field ${k} cannot be corrected.`;
      const orig = o.application[k];
      if (/^\d{4}-\d{2}-\d{2}$/.test(String(orig)) && !(typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v))))
        return `The field ${k} must be a date (YYYY-MM-DD), got ${JSON.stringify(v)}.`;
      if (typeof orig === 'string' && typeof v === 'string' && v.trim() === '') return `The field ${k} must not be empty.`;
      if (typeof orig === 'number' && typeof v !== 'number') return `The field ${k} must be a number.`;
    }
  }
  return null;
}

async function citizenRoutes(req, res, url, s) {
  const c = citizens.get(s.pid);
  const lang = langOf(url, s);
  const p = url.pathname;
  const ctx = { list: consents.get(s.pid) ?? [], citizen: c, pid: s.pid, lang, json, problem, send, checkCsrf, readJson, session: s };
  if (await consentRoute(req, res, url, ctx)) return;
  if (accessLogRoute(req, res, url, s.pid, { json, problem })) return;
  let m;
  if (p === '/api/v1/me/offers' && req.method === 'GET') {
    return json(res, 200, { offers: [...c.offers].sort((a, b) => b.decided_on.localeCompare(a.decided_on) || b.id - a.id).map((o) => summary(o, lang)) });
  }
  if ((m = /^\/api\/v1\/me\/offers\/(\d+)$/.exec(p)) && req.method === 'GET') {
    const o = c.offers.find((x) => x.id === Number(m[1]));
    if (!o) return problem(res, 404, 'not-found', `No offer ${m[1]} for you.`);
    if (o.state === 'proposed') transition(o, 'sent', 'shown in the portal');
    if (o.state === 'sent') transition(o, 'opened', 'opened in the portal');
    return json(res, 200, detail(o, lang));
  }
  if ((m = /^\/api\/v1\/me\/offers\/(\d+)\/(accept|decline)$/.exec(p)) && req.method === 'POST') {
    if (!checkCsrf(req, res, s)) return;
    const body = await readJson(req, res);
    if (body === undefined) return;
    const o = c.offers.find((x) => x.id === Number(m[1]));
    if (!o) return problem(res, 404, 'not-found', `No offer ${m[1]} for you.`);
    if (o.kind !== 'offer' || !OPEN.has(o.state)) return problem(res, 409, 'not-open', `The offer is ${o.state} and can no longer be answered.`);
    const accept = m[2] === 'accept';
    const err = validateAnswer(body, o, accept);
    if (err) return problem(res, 422, 'invalid-answer', err);
    const answer = { answered_on: isoToday(), decision: accept ? 'accepted' : 'declined' };
    if (accept) answer.application = { ...o.application, ...(body.application ?? {}) };
    if (body.satisfaction !== undefined) answer.satisfaction = body.satisfaction;
    if (body.comment) answer.comment = body.comment;
    o.answer = answer;
    transition(o, accept ? 'accepted' : 'declined', accept ? 'accepted in the portal' : 'declined in the portal');
    if (body.satisfaction !== undefined) feedback.push({ kommune: c.kommune, service: o.service, satisfaction: body.satisfaction });
    return json(res, 200, detail(o, lang));
  }
  if (p === '/api/v1/me/data' && req.method === 'GET') {
    return json(res, 200, { fields: c.data(lang) });
  }
  if (p === '/api/v1/me/preferences') {
    const prefsOut = () => ({
      language: c.prefs.language,
      services: Object.keys(SERVICES).map((id) => ({ id, name: localized(SERVICES[id].name, lang), opted_out: c.prefs.opted_out.has(id) })),
    });
    if (req.method === 'GET') return json(res, 200, prefsOut());
    if (req.method === 'PUT') {
      if (!checkCsrf(req, res, s)) return;
      const body = await readJson(req, res);
      if (body === undefined) return;
      if (body.language !== undefined && !['nb', 'nn', 'en'].includes(body.language))
        return problem(res, 422, 'invalid-preferences', `language must be nb, nn or en, got ${JSON.stringify(body.language)}.`);
      if (body.services !== undefined && !Array.isArray(body.services)) return problem(res, 422, 'invalid-preferences', 'services must be a list.');
      for (const sv of body.services ?? []) {
        if (!SERVICES[sv.id]) return problem(res, 422, 'invalid-preferences', `Unknown service '${sv.id}'.`);
      }
      if (body.language) c.prefs.language = body.language;
      for (const sv of body.services ?? []) {
        if (sv.opted_out) c.prefs.opted_out.add(sv.id);
        else c.prefs.opted_out.delete(sv.id);
      }
      return json(res, 200, prefsOut());
    }
  }
  return problem(res, 404, 'not-found', `No route ${req.method} ${p}.`);
}

// ---------- admin ----------
function stateFor(k) {
  if (!kommuneState.has(k)) kommuneState.set(k, createKommuneState(k));
  return kommuneState.get(k);
}
function settingsOut(k, id, lang) {
  const svc = SERVICES[id];
  const st = stateFor(k).services[id];
  return {
    id, name: localized(svc.name, lang), enabled: st.enabled,
    parameters: Object.entries(svc.parameters).map(([name, def]) => {
      const own = st.params[name];
      const yamlValue = def.kommuner?.[k];
      return {
        name, type: def.type, default: def.default, description: localized(def.description, lang),
        value: own !== undefined ? own : yamlValue !== undefined ? yamlValue : def.default,
        source: own !== undefined ? 'kommune' : yamlValue !== undefined ? 'service.yaml' : 'default',
      };
    }),
  };
}
function validParam(name, def, v) {
  if (def.type === 'month-day') {
    if (typeof v !== 'string' || !/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(v)) return `${name} must be a month and day as MM-DD, got ${JSON.stringify(v)}.`;
  } else if (def.type === 'integer') {
    if (!Number.isInteger(v)) return `${name} must be a whole number, got ${JSON.stringify(v)}.`;
    if (def.min !== undefined && v < def.min) return `${name} must be at least ${def.min}, got ${v}.`;
    if (def.max !== undefined && v > def.max) return `${name} must be at most ${def.max}, got ${v}.`;
  }
  return null;
}
function mean(xs) {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

async function adminRoutes(req, res, url, s) {
  const m = /^\/api\/v1\/admin\/kommuner\/([^/]+)(\/.*)?$/.exec(url.pathname);
  if (!m) return problem(res, 404, 'not-found', `No route ${req.method} ${url.pathname}.`);
  const k = m[1];
  const rest = m[2] ?? '';
  if (!/^[0-9]{4}$/.test(k)) return problem(res, 400, 'bad-kommune', `The kommune must be four digits, got '${k}'.`);
  if (!(s.kommuner.includes('*') || s.kommuner.includes(k))) return problem(res, 403, 'forbidden', `Your key has no admin scope for kommune ${k}.`);
  const lang = langOf(url, s);
  let mm;
  if (rest === '/services' && req.method === 'GET') {
    return json(res, 200, { services: Object.keys(SERVICES).map((id) => settingsOut(k, id, lang)) });
  }
  if ((mm = /^\/services\/([a-z0-9-]+)$/.exec(rest)) && req.method === 'PUT') {
    if (!checkCsrf(req, res, s)) return;
    const id = mm[1];
    if (!SERVICES[id]) return problem(res, 404, 'not-found', `No service '${id}'.`);
    const body = await readJson(req, res);
    if (body === undefined) return;
    if (body.enabled !== undefined && typeof body.enabled !== 'boolean') return problem(res, 422, 'invalid-settings', 'enabled must be true or false.');
    const params = body.parameters ?? {};
    for (const [name, v] of Object.entries(params)) {
      const def = SERVICES[id].parameters[name];
      if (!def) return problem(res, 422, 'invalid-settings', `Unknown parameter ${name} for ${id}.`);
      if (v !== null) {
        const err = validParam(name, def, v);
        if (err) return problem(res, 422, 'invalid-parameter', err);
      }
    }
    const st = stateFor(k).services[id];
    if (body.enabled !== undefined) st.enabled = body.enabled;
    for (const [name, v] of Object.entries(params)) {
      if (v === null) delete st.params[name];
      else st.params[name] = v;
    }
    return json(res, 200, settingsOut(k, id, lang));
  }
  if ((mm = /^\/services\/([a-z0-9-]+)\/dry-run$/.exec(rest)) && req.method === 'POST') {
    if (!checkCsrf(req, res, s)) return;
    const id = mm[1];
    if (!SERVICES[id]) return problem(res, 404, 'not-found', `No service '${id}'.`);
    const ct = (req.headers['content-type'] ?? '').split(';')[0].trim();
    if (ct !== 'application/xml' && ct !== 'text/xml') return problem(res, 415, 'unsupported-media-type', `Expected application/xml, got '${ct || 'none'}'.`);
    const xml = await readBody(req);
    if (!/<definitions[\s>]/.test(xml) || !/<\/definitions>\s*$/.test(xml.trim()))
      return problem(res, 422, 'invalid-dmn', 'The DMN model could not be read: no <definitions> element.');
    // Deterministic pseudo-result from the model's text, so a different model gives a different answer.
    let h = 0;
    for (let i = 0; i < xml.length; i++) h = (h * 31 + xml.charCodeAt(i)) >>> 0;
    const gainedN = 1 + (h % 4);
    const lostN = h % 3;
    const person = (i, tag) => ({ person: `${String(10000 + ((h >> i) % 89999)).padStart(6, '0').slice(0, 6)}*****`, birth_year: 2020 + (i % 5), reason: tag });
    const gained = Array.from({ length: gainedN }, (_, i) => person(i, 'turns-one-by-november'));
    const lost = Array.from({ length: lostN }, (_, i) => person(i + 7, 'school-age'));
    return json(res, 200, { persons: 1842, current_eligible: 57, candidate_eligible: 57 + gainedN - lostN, gained, lost, seconds: 0.42 });
  }
  if (rest === '/uptake' && req.method === 'GET') {
    const svc = url.searchParams.get('service');
    return json(res, 200, { rows: uptakeRows(k).filter((r) => !svc || r.service === svc) });
  }
  if (rest === '/delivery' && req.method === 'GET') {
    const d = deliveryCounts(k, url);
    return d.error ? problem(res, 422, 'invalid-parameter', d.error) : json(res, 200, d);
  }
  if (rest === '/satisfaction' && req.method === 'GET') {
    const out = Object.keys(SERVICES).map((id) => {
      const xs = [...satisfactionSeed(k, id), ...feedback.filter((f) => f.kommune === k && f.service === id).map((f) => f.satisfaction)];
      const distribution = [1, 2, 3, 4, 5].map((v) => xs.filter((x) => x === v).length);
      if (xs.length === 0) return { service: id, answers: 0, mean: null, ci95_low: null, ci95_high: null, distribution };
      const mu = mean(xs);
      const sd = xs.length > 1 ? Math.sqrt(xs.reduce((a, x) => a + (x - mu) ** 2, 0) / (xs.length - 1)) : 0;
      const half = xs.length > 1 ? (1.96 * sd) / Math.sqrt(xs.length) : null;
      return { service: id, answers: xs.length, mean: mu, ci95_low: half === null ? null : Math.max(1, mu - half), ci95_high: half === null ? null : Math.min(5, mu + half), distribution };
    });
    return json(res, 200, { services: out });
  }
  return problem(res, 404, 'not-found', `No route ${req.method} ${url.pathname}.`);
}

// ---------- auth ----------
function issuerPage(state) {
  const people = [...citizens.entries()].map(([pid, c]) => `<li>${c.name}: <code>${pid}</code></li>`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Mock issuer – log in</title></head>
<body><main><h1>Mock OpenID issuer (development only)</h1>
<form method="get" action="/mock-issuer/approve"><input type="hidden" name="state" value="${state}">
<label for="pid">Identity number</label> <input id="pid" name="pid" inputmode="numeric" autocomplete="off">
<button type="submit">Log in</button></form><p>Test persons:</p><ul>${people}</ul></main></body></html>`;
}

async function authRoutes(req, res, url) {
  const p = url.pathname;
  if (p === '/auth/login' && req.method === 'GET') {
    const rt = url.searchParams.get('return_to') ?? '/';
    const state = randomBytes(12).toString('base64url');
    pendingLogins.set(state, rt.startsWith('/') && !rt.startsWith('//') ? rt : '/');
    return send(res, 302, '', { Location: `/mock-issuer/authorize?state=${state}` });
  }
  if (p === '/mock-issuer/authorize') {
    return send(res, 200, issuerPage(url.searchParams.get('state') ?? ''), { 'Content-Type': 'text/html; charset=utf-8' });
  }
  if (p === '/mock-issuer/approve') {
    const pid = (url.searchParams.get('pid') ?? '').trim();
    if (!citizens.has(pid)) return send(res, 400, 'Unknown test person.', { 'Content-Type': 'text/plain' });
    const code = randomBytes(12).toString('base64url');
    codes.set(code, pid);
    return send(res, 302, '', { Location: `/auth/callback?code=${code}&state=${encodeURIComponent(url.searchParams.get('state') ?? '')}` });
  }
  if (p === '/auth/callback' && req.method === 'GET') {
    const state = url.searchParams.get('state');
    const pid = codes.get(url.searchParams.get('code'));
    if (!pid || !pendingLogins.has(state)) return problem(res, 400, 'bad-callback', 'Unknown or used login state.');
    const rt = pendingLogins.get(state);
    pendingLogins.delete(state);
    codes.delete(url.searchParams.get('code'));
    newSession(res, { kind: 'citizen', pid, name: citizens.get(pid).name });
    return send(res, 302, '', { Location: rt });
  }
  if (p === '/auth/logout' && req.method === 'POST') {
    const sid = cookies(req).proaktiv_session;
    const s = sid && sessions.get(sid);
    if (s && !checkCsrf(req, res, s)) return;
    if (sid) sessions.delete(sid);
    return send(res, 204, '', { 'Set-Cookie': 'proaktiv_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0' });
  }
  if (p === '/auth/staff-session' && req.method === 'POST') {
    const body = await readJson(req, res);
    if (body === undefined) return;
    const kommuner = STAFF_KEYS[body.api_key];
    if (!kommuner) return problem(res, 401, 'bad-api-key', 'The API key is not valid.');
    newSession(res, { kind: 'staff', name: 'Saksbehandler (dev)', kommuner });
    return send(res, 204, '');
  }
  return problem(res, 404, 'not-found', `No route ${req.method} ${p}.`);
}

// ---------- static ----------
async function serveStatic(req, res, url) {
  let rel = decodeURIComponent(url.pathname);
  const file = normalize(join(DIST, rel));
  if (file.startsWith(DIST) && rel !== '/') {
    try {
      const st = await stat(file);
      if (st.isFile()) {
        const immutable = rel.startsWith('/assets/');
        return send(res, 200, await readFile(file), {
          'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
          'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
        });
      }
    } catch {
      // fall through
    }
  }
  if (rel.startsWith('/assets/')) return send(res, 404, 'Not found', { 'Content-Type': 'text/plain' });
  try {
    return send(res, 200, await readFile(join(DIST, 'index.html')), { 'Content-Type': MIME['.html'], 'Cache-Control': 'no-cache' });
  } catch {
    return send(res, 503, 'web/dist is not built: run scripts/web.sh', { 'Content-Type': 'text/plain' });
  }
}

// ---------- dispatch ----------
const server = createServer(async (req, res) => {
  try {
    const url = new URL(req.url, `http://${req.headers.host ?? 'localhost'}`);
    const p = url.pathname;
    if (p === '/health') return json(res, 200, { status: 'ok', database: 'ok' });
    if (p === '/api/v1/session' && req.method === 'GET') {
      const s = session(req);
      if (!s) return json(res, 200, { kind: 'anonymous' });
      const out = { kind: s.kind, name: s.name, csrf_token: s.csrf };
      if (s.kind === 'citizen') out.language = citizens.get(s.pid).prefs.language;
      if (s.kind === 'staff') out.kommuner = s.kommuner;
      return json(res, 200, out);
    }
    if (p.startsWith('/auth/') || p.startsWith('/mock-issuer/')) return await authRoutes(req, res, url);
    if (p.startsWith('/api/v1/me/')) {
      const s = session(req);
      if (!s || s.kind !== 'citizen') return problem(res, 401, 'unauthenticated', 'Log in as a citizen first.');
      return await citizenRoutes(req, res, url, s);
    }
    if (p.startsWith('/api/v1/admin/')) {
      let s = session(req);
      const auth = req.headers.authorization ?? '';
      if (auth.startsWith('ApiKey ')) {
        const kommuner = STAFF_KEYS[auth.slice(7)];
        if (!kommuner) return problem(res, 401, 'bad-api-key', 'The API key is not valid.');
        s = { kind: 'staff', kommuner, csrf: req.headers['x-csrf-token'] }; // header auth needs no CSRF
      }
      if (!s || s.kind !== 'staff') return problem(res, 401, 'unauthenticated', 'Log in as staff first.');
      return await adminRoutes(req, res, url, s);
    }
    if (p.startsWith('/api/v1/transparency/') && req.method === 'GET') return transparencyRoute(req, res, url, { json, problem });
    if (p.startsWith('/api/')) return problem(res, 404, 'not-found', `No route ${req.method} ${p}.`);
    if (req.method !== 'GET' && req.method !== 'HEAD') return problem(res, 405, 'method', 'Method not allowed.');
    return await serveStatic(req, res, url);
  } catch (e) {
    console.error('mock-api error:', e);
    if (!res.headersSent) problem(res, e.status ?? 500, 'internal', 'Internal error in the mock.');
  }
});

server.listen(PORT, HOST, () => {
  const addr = server.address();
  console.log(`mock-api (development only) on http://${addr.address}:${addr.port}/ serving ${DIST}`);
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.close(() => process.exit(0)));
