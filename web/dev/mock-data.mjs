// DEVELOPMENT ONLY — fixed data for dev/mock-api.mjs (synthetic persons, not real identity
// numbers). Texts are given in nb, nn and en like the real server's catalogs.

export function localized(v, lang) {
  if (v && typeof v === 'object' && !Array.isArray(v)) return v[lang] ?? v.nb ?? '';
  return v;
}

export const SERVICES = {
  'kindergarten-place': {
    name: { nb: 'Barnehageplass', nn: 'Barnehageplass', en: 'Kindergarten place' },
    legal_reference: 'barnehageloven § 16',
    legal_url: 'https://lovdata.no/lov/2005-06-17-64/§16',
    parameters: {
      intake_deadline: {
        type: 'month-day', default: '03-01', kommuner: { '4601': '03-01', '5001': '02-15' },
        description: { nb: 'Søknadsfrist for hovedopptaket (MM-DD)', nn: 'Søknadsfrist for hovudopptaket (MM-DD)', en: 'Application deadline of the main intake (MM-DD)' },
      },
    },
  },
  'school-start': {
    name: { nb: 'Skolestart', nn: 'Skulestart', en: 'Starting school' },
    legal_reference: 'opplæringslova § 2-1',
    legal_url: 'https://lovdata.no/lov/1998-07-17-61/§2-1',
    parameters: {
      school_start: { type: 'month-day', default: '08-15', description: { nb: 'Første skoledag (MM-DD)', nn: 'Første skuledag (MM-DD)', en: 'First day of school (MM-DD)' } },
    },
  },
  sfo: {
    name: { nb: 'SFO', nn: 'SFO', en: 'After-school programme (SFO)' },
    legal_reference: 'opplæringslova § 13-7',
    legal_url: 'https://lovdata.no/lov/1998-07-17-61/§13-7',
    parameters: {
      school_start: { type: 'month-day', default: '08-15', description: { nb: 'Første skoledag (MM-DD)', nn: 'Første skuledag (MM-DD)', en: 'First day of school (MM-DD)' } },
    },
  },
  'senior-home-visit': {
    name: { nb: 'Hjemmebesøk for eldre', nn: 'Heimebesøk for eldre', en: 'Home visit for seniors' },
    legal_reference: 'helse- og omsorgstjenesteloven § 3-3',
    legal_url: 'https://lovdata.no/lov/2011-06-24-30/§3-3',
    parameters: {
      senior_visit_age: { type: 'integer', default: 80, min: 60, max: 100, description: { nb: 'Alder for tilbud om hjemmebesøk', nn: 'Alder for tilbod om heimebesøk', en: 'Age for the home-visit offer' } },
    },
  },
  'welcome-new-resident': {
    name: { nb: 'Velkommen til kommunen', nn: 'Velkomen til kommunen', en: 'Welcome to the municipality' },
    legal_reference: 'kommuneloven § 4-2',
    legal_url: 'https://lovdata.no/lov/2018-06-22-83/§4-2',
    parameters: {
      welcome_within_days: { type: 'integer', default: 14, min: 1, max: 90, description: { nb: 'Dager etter innflytting', nn: 'Dagar etter innflytting', en: 'Days after moving in' } },
    },
  },
  'bereavement-support': {
    name: { nb: 'Veiledning ved dødsfall', nn: 'Rettleiing ved dødsfall', en: 'Guidance after a death' },
    legal_reference: 'forvaltningsloven § 11',
    legal_url: 'https://lovdata.no/lov/1967-02-10/§11',
    parameters: {
      support_within_days: { type: 'integer', default: 7, min: 1, max: 60, description: { nb: 'Dager etter dødsfallet', nn: 'Dagar etter dødsfallet', en: 'Days after the death' } },
    },
  },
};

const ADDRESS = { street: 'Storgata', house_number: '12B', postal_code: '5003', postal_place: 'Bergen', kommunenummer: '4601' };

function offer(o) {
  return { version: 1, answer: null, history: [{ from: null, to: 'proposed', on: o.decided_on, cause: 'decided' }], explanation: {}, editable_fields: [], ...o, state: 'proposed' };
}

export function createCitizens() {
  const kari = {
    name: 'Kari Nordmann',
    kommune: '4601',
    prefs: { language: 'nb', opted_out: new Set() },
    offers: [
      offer({
        id: 101, service: 'kindergarten-place', kind: 'offer', decided_on: '2026-01-18', deadline: '2026-03-01',
        subject: { name: 'Nora Nordmann', relation: 'child' },
        title: { nb: 'Barnehageplass til Nora', nn: 'Barnehageplass til Nora', en: 'A kindergarten place for Nora' },
        message: {
          nb: 'Hei Kari! Nora fyller ett år innen utgangen av november 2026 og har rett til barnehageplass fra 1. august 2026. Søknaden er fylt ut for dere. Svar innen 1. mars 2026 for å være med i hovedopptaket i Bergen.',
          nn: 'Hei Kari! Nora fyller eitt år innan utgangen av november 2026 og har rett til barnehageplass frå 1. august 2026. Søknaden er fylt ut for dykk. Svar innan 1. mars 2026 for å vere med i hovudopptaket i Bergen.',
          en: 'Hello Kari! Nora turns one by the end of November 2026 and has a right to a kindergarten place from 1 August 2026. The application has been filled in for you. Reply by 1 March 2026 to take part in the main intake in Bergen.',
        },
        reason: {
          nb: 'Nora fyller ett år innen utgangen av november 2026 og har rett til barnehageplass fra 2026-08-01.',
          nn: 'Nora fyller eitt år innan utgangen av november 2026 og har rett til barnehageplass frå 2026-08-01.',
          en: 'Nora turns one by the end of November 2026 and has a right to a kindergarten place from 2026-08-01.',
        },
        application: {
          child_name: 'Nora Nordmann', child_birth_date: '2025-06-14', parents: ['Kari Nordmann', 'Per Nordmann'],
          address: ADDRESS, kommune: 'Bergen', intake_year: 2026, start_date: '2026-08-01', application_deadline: '2026-03-01',
        },
        editable_fields: ['start_date', 'child_name'],
        explanation: { rows_fired: ['turns-one-by-november'], parameters: { intake_deadline: '03-01' } },
      }),
      offer({
        id: 102, service: 'sfo', kind: 'offer', decided_on: '2026-01-10', deadline: '2026-04-15',
        subject: { name: 'Emil Nordmann', relation: 'child' },
        title: { nb: 'SFO-plass til Emil', nn: 'SFO-plass til Emil', en: 'An SFO place for Emil' },
        message: {
          nb: 'Hei Kari! Emil begynner på skolen i august og kan få plass i SFO med 12 gratis timer i uka.',
          nn: 'Hei Kari! Emil byrjar på skulen i august og kan få plass i SFO med 12 gratis timar i veka.',
          en: 'Hello Kari! Emil starts school in August and can have an SFO place with 12 free hours a week.',
        },
        reason: { nb: 'Emil begynner i 1. klasse høsten 2026.', nn: 'Emil byrjar i 1. klasse hausten 2026.', en: 'Emil starts first grade in autumn 2026.' },
        application: {
          child_name: 'Emil Nordmann', child_birth_date: '2020-03-02', parents: ['Kari Nordmann', 'Per Nordmann'],
          address: ADDRESS, kommune: 'Bergen', grade: 1, start_date: '2026-08-17', free_hours: 12, application_deadline: '2026-04-15',
        },
        editable_fields: ['start_date'],
      }),
      offer({
        id: 103, service: 'welcome-new-resident', kind: 'notice', decided_on: '2025-11-02', deadline: null,
        subject: { name: 'Kari Nordmann', relation: 'self' },
        title: { nb: 'Velkommen til Bergen', nn: 'Velkomen til Bergen', en: 'Welcome to Bergen' },
        message: {
          nb: 'Velkommen til Bergen kommune! Her er tjenester du kan ha nytte av.',
          nn: 'Velkomen til Bergen kommune! Her er tenester du kan ha nytte av.',
          en: 'Welcome to Bergen municipality! Here are services you may find useful.',
        },
        reason: { nb: 'Du flyttet til kommunen 20. oktober 2025.', nn: 'Du flytta til kommunen 20. oktober 2025.', en: 'You moved to the municipality on 20 October 2025.' },
        application: { name: 'Kari Nordmann', kommune: 'Bergen', moved_in: '2025-10-20', children: ['Emil Nordmann', 'Nora Nordmann'], suggested_services: ['Barnehage', 'SFO', 'Fastlege'] },
      }),
    ],
    data(lang) {
      const L = (nb, nn, en) => ({ nb, nn, en })[lang];
      const purpose = (id, nb, nn, en, services) => ({ id, name: L(nb, nn, en), services });
      const kg = purpose('kindergarten-offer', 'Tilbud om barnehageplass', 'Tilbod om barnehageplass', 'Kindergarten offer', ['kindergarten-place']);
      const welcome = purpose('welcome-information', 'Velkomstinformasjon', 'Velkomstinformasjon', 'Welcome information', ['welcome-new-resident']);
      const sfo = purpose('sfo-offer', 'Tilbud om SFO', 'Tilbod om SFO', 'SFO offer', ['sfo']);
      const src = L('Folkeregisteret', 'Folkeregisteret', 'National Population Register');
      return [
        { field: 'person.name', label: L('Navn', 'Namn', 'Name'), value: { first: 'Kari', last: 'Nordmann', full: 'Kari Nordmann' }, dataset: 'folkeregister', source: src, legal_basis: 'folkeregisterloven § 10-2', retention: L('Så lenge du bor i kommunen', 'Så lenge du bur i kommunen', 'While you live in the municipality'), purposes: [kg, welcome, sfo] },
        { field: 'person.birth_date', label: L('Fødselsdato', 'Fødselsdato', 'Date of birth'), value: '1990-05-05', dataset: 'folkeregister', source: src, legal_basis: 'folkeregisterloven § 10-2', retention: L('Så lenge du bor i kommunen', 'Så lenge du bur i kommunen', 'While you live in the municipality'), purposes: [welcome] },
        { field: 'person.residence.address', label: L('Bostedsadresse', 'Bustadadresse', 'Residential address'), value: ADDRESS, dataset: 'folkeregister', source: src, legal_basis: 'folkeregisterloven § 10-2', retention: L('Så lenge du bor i kommunen', 'Så lenge du bur i kommunen', 'While you live in the municipality'), purposes: [kg, sfo, welcome] },
        { field: 'person.parental_responsibility', label: L('Foreldreansvar', 'Foreldreansvar', 'Parental responsibility'), value: ['Nora Nordmann', 'Emil Nordmann'], dataset: 'folkeregister', source: src, legal_basis: 'barnehageloven § 16', retention: L('Til barnet fyller 18 år', 'Til barnet fyller 18 år', 'Until the child turns 18'), purposes: [kg, sfo] },
      ];
    },
  };
  const ola = {
    name: 'Ola Hansen',
    kommune: '4601',
    prefs: { language: 'nb', opted_out: new Set() },
    offers: [
      offer({
        id: 201, service: 'senior-home-visit', kind: 'offer', decided_on: '2026-02-01', deadline: '2026-03-15',
        subject: { name: 'Ola Hansen', relation: 'self' },
        title: { nb: 'Tilbud om hjemmebesøk', nn: 'Tilbod om heimebesøk', en: 'An offer of a home visit' },
        message: { nb: 'Hei Ola! Du fyller 80 år i år, og kommunen tilbyr et forebyggende hjemmebesøk.', nn: 'Hei Ola! Du fyller 80 år i år, og kommunen tilbyr eit førebyggjande heimebesøk.', en: 'Hello Ola! You turn 80 this year, and the municipality offers a preventive home visit.' },
        reason: { nb: 'Du fyller 80 år i 2026.', nn: 'Du fyller 80 år i 2026.', en: 'You turn 80 in 2026.' },
        application: { name: 'Ola Hansen', address: ADDRESS, kommune: 'Bergen', age: 80, visit_reason: 'forebyggende' },
        editable_fields: [],
      }),
    ],
    data: () => [],
  };
  return new Map([
    ['05058012345', kari],
    ['24124512345', ola],
  ]);
}

export function createKommuneState() {
  return { services: Object.fromEntries(Object.keys(SERVICES).map((id) => [id, { enabled: id !== 'bereavement-support', params: {} }])) };
}

export function uptakeRows(k) {
  const rows = [];
  const seed = Number(k) % 7;
  const months = ['2025-11', '2025-12', '2026-01', '2026-02', '2026-03'];
  Object.keys(SERVICES).forEach((service, si) => {
    months.forEach((month, mi) => {
      const eligible = 40 + ((si * 17 + mi * 11 + seed) % 60);
      const offered = Math.round(eligible * 0.96);
      const delivered = Math.round(offered * 0.93);
      const opened = Math.round(delivered * (0.7 + ((si + mi) % 3) * 0.05));
      const accepted = Math.round(opened * (0.55 + (si % 4) * 0.08));
      rows.push({ service, month, eligible, offered, delivered, opened, accepted });
    });
  });
  return rows;
}

export function satisfactionSeed(_k, service) {
  const table = {
    'kindergarten-place': [5, 5, 4, 5, 3, 4, 5, 5, 4, 2, 5, 4, 5, 5, 4],
    sfo: [4, 3, 4, 5, 4, 3],
    'school-start': [5, 4, 4, 5, 5, 3, 4, 5],
    'senior-home-visit': [3, 4, 2, 5, 4, 3, 4],
    'welcome-new-resident': [4],
    'bereavement-support': [],
  };
  return table[service] ?? [];
}
