// DEVELOPMENT ONLY — consents of dev/mock-api.mjs: requests from data consumers to the test
// citizens in every state, the citizen's routes (/api/v1/me/consents…, the shapes of
// src/http/api/consent_views.cc) and the ISO/IEC TS 27560 receipt. State lives in memory.
import { randomBytes } from 'node:crypto';
import { localized } from './mock-data.mjs';

const DAY = 86_400_000;
const iso = (ms) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
const L = (nb, nn, en) => ({ nb, nn, en });

const PURPOSE = {
  'credit-assessment': L('Kredittvurdering ved søknad om lån', 'Kredittvurdering ved søknad om lån', 'Credit assessment for a loan application'),
};
const ITEMS = {
  'person.name': L('Navn', 'Namn', 'Name'),
  'person.birth_date': L('Fødselsdato', 'Fødselsdato', 'Date of birth'),
  'person.residence.address': L('Bostedsadresse', 'Bustadadresse', 'Residential address'),
  'person.residence.kommunenummer': L('Bostedskommune', 'Bustadkommune', 'Municipality of residence'),
  'person.civil_status': L('Sivilstand', 'Sivilstand', 'Civil status'),
  'person.children': L('Barn', 'Born', 'Children'),
};
const message = (bank) =>
  L(
    `${bank} ber om å få hente opplysninger fra folkeregisteret for å behandle søknaden din om boliglån. Opplysningene brukes bare til kredittvurderingen.`,
    `${bank} ber om å få hente opplysningar frå folkeregisteret for å handsame søknaden din om bustadlån. Opplysningane vert berre brukte til kredittvurderinga.`,
    `${bank} asks to fetch data from the population register to process your mortgage application. The data is used for the credit assessment only.`,
  );

// `history`: [state, by, days before now] after "created"; the last state is the consent's.
function consent(bank, org, items, { singleUse = false, createdDaysAgo, validDays, history = [] }) {
  const now = Date.now();
  const created = now - createdDaysAgo * DAY;
  const events = [{ from: null, to: 'created', by: 'consumer', at: created }];
  for (const [to, by, daysAgo] of history) events.push({ from: events.at(-1).to, to, by, at: now - daysAgo * DAY });
  return {
    id: randomBytes(16).toString('hex'), state: events.at(-1).to, consumer: { organisation_number: org, name: bank },
    purpose: 'credit-assessment', items, message: message(bank), single_use: singleUse,
    created_at: created, valid_to: created + validDays * DAY, updated_at: events.at(-1).at, events,
  };
}

export function createConsents() {
  const base = ['person.name', 'person.birth_date', 'person.residence.address'];
  const kari = [
    consent('Sparebanken Vest', '832554332', [...base, 'person.civil_status', 'person.children'], { createdDaysAgo: 1, validDays: 180 }),
    consent('Fana Sparebank', '937895321', base, { singleUse: true, createdDaysAgo: 3, validDays: 30, history: [['opened', 'citizen', 2]] }),
    consent('Storebrand Bank ASA', '953299216', [...base, 'person.civil_status'], { createdDaysAgo: 2, validDays: 90 }),
    consent('DNB Bank ASA', '984851006', [...base, 'person.residence.kommunenummer'], { createdDaysAgo: 40, validDays: 365, history: [['opened', 'citizen', 39], ['accepted', 'citizen', 39]] }),
    consent('Nordea Bank Abp, filial i Norge', '920058817', base, { createdDaysAgo: 60, validDays: 200, history: [['opened', 'citizen', 58], ['accepted', 'citizen', 58], ['revoked', 'citizen', 20]] }),
    consent('Sbanken ASA', '915287700', [...base, 'person.children'], { createdDaysAgo: 90, validDays: 60, history: [['opened', 'citizen', 88], ['rejected', 'citizen', 88]] }),
    consent('Bulder Bank', '923708956', base, { createdDaysAgo: 200, validDays: 30, history: [['expired', 'system', 170]] }),
    consent('Santander Consumer Bank AS', '981276957', ['person.name', 'person.birth_date'], { singleUse: true, createdDaysAgo: 120, validDays: 60, history: [['opened', 'citizen', 119], ['accepted', 'citizen', 119], ['used', 'system', 118]] }),
  ];
  return new Map([['05058012345', kari], ['24124512345', []]]);
}

const PENDING = new Set(['created', 'opened']);
const group = (state) => (PENDING.has(state) ? 'pending' : state === 'accepted' ? 'active' : 'past');

// A consent whose valid-to has passed becomes expired when it is read (as the server marks it).
function expire(c) {
  if ((PENDING.has(c.state) || c.state === 'accepted') && c.valid_to < Date.now()) move(c, 'expired', 'system');
}
function move(c, to, by) {
  const at = Date.now();
  c.events.push({ from: c.state, to, by, at });
  c.state = to;
  c.updated_at = at;
}

function out(c, lang, withEvents) {
  const o = {
    id: c.id, state: c.state, group: group(c.state), consumer: c.consumer,
    purpose: { id: c.purpose, name: localized(PURPOSE[c.purpose], lang) },
    items: c.items.map((id) => ({ id, name: localized(ITEMS[id], lang) ?? id })),
    message: localized(c.message, lang), single_use: c.single_use,
    created_at: iso(c.created_at), valid_to: iso(c.valid_to), updated_at: iso(c.updated_at),
  };
  if (withEvents) o.events = c.events.map((e) => ({ from: e.from, to: e.to, by: e.by, at: iso(e.at) }));
  return o;
}

function receipt(c, lang, citizen, pid) {
  return {
    schema: 'ISO/IEC TS 27560:2023', schema_version: '1.0', record_id: c.id, language: lang,
    pii_principal_id: `${pid.slice(0, 6)}*****`, pii_principal_name: citizen.name,
    pii_controllers: [{ name: 'Bergen kommune' }],
    recipient_third_parties: [{ name: c.consumer.name, organisation_number: c.consumer.organisation_number }],
    purposes: [{
      purpose_id: c.purpose, purpose: localized(PURPOSE[c.purpose], lang), lawful_basis: 'consent',
      lawful_basis_reference: 'GDPR art. 6(1)(a)',
      pii_information: c.items.map((id) => ({ id, description: localized(ITEMS[id], lang), source: 'Folkeregisteret' })),
      processing: ['collect', 'disclose'], withdrawal_method: 'https://proaktiv.example/consents',
    }],
    notice: localized(c.message, lang),
    duration: { from: iso(c.created_at), to: iso(c.valid_to), single_use: c.single_use },
    state: c.state,
    events: c.events.map((e) => ({ event_time: iso(e.at), event_type: e.from === null ? 'request' : 'state-change', event_state: e.to, event_by: e.by === 'consumer' ? c.consumer.organisation_number : e.by })),
  };
}

const ACTIONS = {
  open: { from: ['created'], to: 'opened', quiet: ['opened', 'accepted', 'rejected', 'revoked', 'expired', 'used'] },
  accept: { from: ['created', 'opened'], to: 'accepted' },
  reject: { from: ['created', 'opened'], to: 'rejected' },
  revoke: { from: ['accepted'], to: 'revoked' },
};

// Handles /api/v1/me/consents…; returns false when the path is not one of them.
export async function consentRoute(req, res, url, ctx) {
  const { list, citizen, pid, lang, json, problem, send, checkCsrf, readJson, session } = ctx;
  const p = url.pathname;
  if (!p.startsWith('/api/v1/me/consents')) return false;
  list.forEach(expire);
  if (p === '/api/v1/me/consents' && req.method === 'GET') {
    const sorted = [...list].sort((a, b) => b.created_at - a.created_at);
    json(res, 200, { language: lang, consents: sorted.map((c) => out(c, lang, false)) });
    return true;
  }
  const m = /^\/api\/v1\/me\/consents\/([^/]+)(?:\/(open|accept|reject|revoke|receipt))?$/.exec(p);
  if (!m) return false;
  const c = list.find((x) => x.id === m[1]);
  const action = m[2];
  if (req.method === 'POST' && action && action !== 'receipt') {
    if (!checkCsrf(req, res, session)) return true;
    if ((await readJson(req, res)) === undefined) return true;
    if (!c) return problem(res, 404, 'not-found', 'You have no consent with this id.'), true;
    const a = ACTIONS[action];
    if (a.from.includes(c.state)) move(c, a.to, 'citizen');
    else if (!a.quiet?.includes(c.state)) return problem(res, 409, 'conflict', `A consent that is ${c.state} cannot be ${a.to}.`), true;
    json(res, 200, out(c, lang, true));
    return true;
  }
  if (req.method !== 'GET') return false;
  if (!c) return problem(res, 404, 'not-found', 'You have no consent with this id.'), true;
  if (action === 'receipt') {
    send(res, 200, JSON.stringify(receipt(c, lang, citizen, pid), null, 2), {
      'Content-Type': 'application/json', 'Cache-Control': 'no-store',
      'Content-Disposition': `attachment; filename="consent-receipt-${c.id}.json"`,
    });
    return true;
  }
  if (action) return false;
  json(res, 200, out(c, lang, true));
  return true;
}
