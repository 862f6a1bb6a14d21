// The browser tests. Each takes (browser, axeResults) and throws on failure. run.mjs runs them
// in the order of TESTS: the accessibility sweep first (it only opens offers), then the tests
// that answer offers and change settings, then those of consents, the access log and delivery
// (tests-privacy.mjs, tests-delivery.mjs).
import {
  apiGet, assert, assertEq, axeCheck, chooseKommune, config, dmnText, goto, loginAsCitizen,
  loginAsStaff, newPage, OPEN_STATES, tabUntil, waitForPage, activeInfo, focusIsVisible,
} from './lib.mjs';
import { testDelivery, testKeyboardPrivacy } from './tests-delivery.mjs';
import { testAccessLog, testConsents } from './tests-privacy.mjs';

async function headingFocused(page) {
  return page.evaluate(() => document.activeElement?.id === 'page-heading');
}

async function openOffers(page, filter = () => true) {
  const { offers } = await apiGet(page, '/api/v1/me/offers');
  return offers.filter((o) => o.kind === 'offer' && OPEN_STATES.has(o.state) && filter(o));
}

// A corrected value for an application field, from its current value and input type.
function correctedValue(type, value) {
  if (type === 'date') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (m) return `${m[1]}-${m[2]}-${m[3] === '15' ? '16' : '15'}`;
  }
  if (/^-?\d+(\.\d+)?$/.test(value)) return String(Number(value) + 1);
  return `${value} Testesen`;
}

// ---------------------------------------------------------------------------------------------
// (4) axe-core on every page, citizen and admin; also the language switch (html lang, `lang` sent
// to the API, saved with PUT /api/v1/me/preferences).
export async function testAxeEveryPage(browser, axe) {
  const page = await newPage(browser);
  await goto(page, '/');
  await axeCheck(page, 'citizen: log-in page (anonymous)', axe);
  await loginAsCitizen(page, config.citizenPid);
  await axeCheck(page, 'citizen: my offers', axe);
  const { offers } = await apiGet(page, '/api/v1/me/offers');
  assert(offers.length > 0, 'the citizen has offers');
  const open = offers.find((o) => o.kind === 'offer' && OPEN_STATES.has(o.state)) ?? offers[0];
  await goto(page, `/offers/${open.id}`);
  await axeCheck(page, 'citizen: an open offer', axe);
  const notice = offers.find((o) => o.kind === 'notice');
  if (notice) {
    await goto(page, `/offers/${notice.id}`);
    await axeCheck(page, 'citizen: a notice', axe);
  }
  await goto(page, '/my-data');
  await page.waitForSelector('table, .lead');
  await axeCheck(page, 'citizen: what the municipality knows about me', axe);
  await goto(page, '/preferences');
  await page.waitForSelector('#prefs-save');
  await axeCheck(page, 'citizen: preferences', axe);
  await goto(page, '/no-such-page');
  await axeCheck(page, 'citizen: not found', axe);

  // Language switch: html lang follows, the API gets lang=…, the preference is saved.
  const seen = [];
  page.on('request', (r) => seen.push({ url: r.url(), method: r.method(), body: r.postData() }));
  await goto(page, '/');
  for (const [lang, label] of [['nn', 'Nynorsk'], ['en', 'English']]) {
    seen.length = 0;
    const listed = page.waitForResponse((r) => r.url().includes('/api/v1/me/offers') && r.url().includes(`lang=${lang}`));
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/me/preferences') && r.request().method() === 'PUT');
    await page.click(`.lang-switch button[lang="${lang}"]`);
    await page.waitForFunction((l) => document.documentElement.lang === l, lang);
    await Promise.all([listed, saved]);
    const put = seen.find((r) => r.method === 'PUT' && r.url.endsWith('/api/v1/me/preferences'));
    assert(put && JSON.parse(put.body).language === lang, `PUT /api/v1/me/preferences with language ${lang}`);
    assertEq(await page.getAttribute(`.lang-switch button[lang="${lang}"]`, 'aria-pressed'), 'true', `${label} pressed`);
    await waitForPage(page);
    await axeCheck(page, `citizen: my offers (${lang})`, axe);
  }
  const prefs = await apiGet(page, '/api/v1/me/preferences');
  assertEq(prefs.language, 'en', 'saved language');
  const savedNb = page.waitForResponse((r) => r.url().endsWith('/api/v1/me/preferences') && r.request().method() === 'PUT');
  await page.click('.lang-switch button[lang="nb"]');
  await page.waitForFunction(() => document.documentElement.lang === 'nb');
  await savedNb;
  await page.context().close();

  const admin = await newPage(browser);
  await goto(admin, '/admin');
  await axeCheck(admin, 'admin: log-in page', axe);
  await admin.click('#admin-login-button'); // empty key: a validation message linked to the field
  await admin.waitForSelector('#api-key[aria-invalid="true"]');
  await axeCheck(admin, 'admin: log-in page with an error', axe);
  await loginAsStaff(admin);
  await axeCheck(admin, 'admin: choose kommune', axe);
  await chooseKommune(admin);
  await admin.waitForSelector('.services-table');
  await axeCheck(admin, 'admin: services', axe);
  await goto(admin, `/admin/k/${config.kommune}/services/${config.adminService}`);
  await admin.waitForSelector('#service-save');
  await axeCheck(admin, 'admin: service settings', axe);
  await admin.setInputFiles('#dmn-file', config.dmn);
  await admin.click('#dry-run-button');
  await admin.waitForSelector('#dry-run-result', { timeout: 60000 });
  await axeCheck(admin, 'admin: dry-run result', axe);
  await goto(admin, `/admin/k/${config.kommune}/uptake`);
  await admin.waitForSelector('.funnel-chart, .lead');
  await axeCheck(admin, 'admin: uptake', axe);
  await goto(admin, `/admin/k/${config.kommune}/satisfaction`);
  await admin.waitForSelector('.ci-chart, .lead');
  await axeCheck(admin, 'admin: satisfaction', axe);
  await admin.click('.lang-switch button[lang="en"]');
  await admin.waitForFunction(() => document.documentElement.lang === 'en');
  await waitForPage(admin);
  await axeCheck(admin, 'admin: satisfaction (en)', axe);
  assert(admin.jsErrors.length === 0, `no JavaScript errors: ${admin.jsErrors.join('; ')}`);
  await admin.context().close();
}

// ---------------------------------------------------------------------------------------------
// (1) A citizen logs in, sees the kindergarten offer, accepts it with a corrected field and
// satisfaction 5; the API then says "accepted".
export async function testCitizenAccepts(browser, axe) {
  const page = await newPage(browser);
  await loginAsCitizen(page, config.citizenPid);
  const [offer] = await openOffers(page, (o) => o.service === config.acceptService);
  assert(offer, `citizen has an open ${config.acceptService} offer`);

  const row = page.locator(`tr[data-offer-id="${offer.id}"]`);
  await row.waitFor();
  assert((await row.locator('.state-tag').innerText()).trim().length > 0, 'the offer shows a state badge');
  await row.locator('a.offer-link').click();
  await page.waitForURL(`**/offers/${offer.id}`);
  await waitForPage(page);
  assert(await headingFocused(page), 'focus moved to the page heading after navigation');

  const lang = await page.evaluate(() => document.documentElement.lang);
  const detail = await apiGet(page, `/api/v1/me/offers/${offer.id}?lang=${lang}`);
  if (detail.message) assert((await page.locator('main').innerText()).includes(detail.message.split('\n')[0].slice(0, 40)), 'the message is shown');
  if (detail.legal_url) assertEq(await page.getAttribute('#legal-link', 'href'), detail.legal_url, 'legal reference link');
  const readOnly = await page.locator('.application-form input[readonly], .application-form textarea[readonly]').count();
  const editableCount = (detail.editable_fields ?? []).length;
  if (Object.keys(detail.application ?? {}).length > editableCount) assert(readOnly > 0, 'non-editable fields are read-only');

  // Correct one editable field.
  let field;
  let value;
  if (config.correction) {
    [field, value] = config.correction.split(/=(.*)/s);
  } else {
    assert(editableCount > 0, 'the offer has an editable field to correct (or set E2E_CORRECTION)');
    const input = page.locator('.application-form [data-editable="true"]').first();
    field = await input.getAttribute('name');
    value = correctedValue(await input.getAttribute('type'), await input.inputValue());
  }
  await page.locator(`.application-form [name="${field}"]`).fill(value);
  await page.check('input[name="satisfaction"][value="5"]');
  await page.fill('#comment', 'Fint å slippe å fylle ut alt selv.');
  await page.click('#accept-button');
  await page.waitForSelector('#offer-outcome');
  assert(await page.evaluate(() => document.activeElement?.id === 'offer-outcome'), 'focus moved to the confirmation');
  await axeCheck(page, 'citizen: offer accepted', axe);

  const after = await apiGet(page, `/api/v1/me/offers/${offer.id}`);
  assertEq(after.state, 'accepted', 'state through the API');
  const top = field.split('.')[0];
  if (after.answer?.application && top === field) assertEq(String(after.answer.application[field]), value, `corrected ${field} stored`);
  if (after.answer && 'satisfaction' in after.answer) assertEq(after.answer.satisfaction, 5, 'satisfaction stored');
  assert(page.jsErrors.length === 0, `no JavaScript errors: ${page.jsErrors.join('; ')}`);
  await page.context().close();
}

// ---------------------------------------------------------------------------------------------
// (2) A citizen declines another offer (after confirming); the API then says "declined".
export async function testCitizenDeclines(browser, axe) {
  const page = await newPage(browser);
  await loginAsCitizen(page, config.declinePid);
  const candidates = await openOffers(page, (o) => config.declinePid !== config.citizenPid || o.service !== config.acceptService);
  const offer = candidates[0];
  assert(offer, 'the citizen has another open offer to decline');
  await page.locator(`tr[data-offer-id="${offer.id}"] a.offer-link`).click();
  await page.waitForURL(`**/offers/${offer.id}`);
  await waitForPage(page);
  await page.click('#decline-button');
  await page.waitForSelector('#confirm-decline');
  assert(await page.evaluate(() => document.activeElement?.id === 'confirm-decline'), 'focus moved to the confirmation question');
  await axeCheck(page, 'citizen: confirm decline', axe);
  await page.click('#confirm-decline-yes');
  await page.waitForSelector('#offer-outcome');
  const after = await apiGet(page, `/api/v1/me/offers/${offer.id}`);
  assertEq(after.state, 'declined', 'state through the API');
  assertEq(await page.locator('#accept-button').count(), 0, 'no answer buttons after declining');
  await page.context().close();
}

// ---------------------------------------------------------------------------------------------
// (3) Staff log in with an API key, change a parameter (an invalid value first: the problem's
// detail is shown at the field), then dry-run an uploaded DMN and see gained and lost.
export async function testAdmin(browser, axe) {
  const page = await newPage(browser);
  await loginAsStaff(page);
  const session = await apiGet(page, '/api/v1/session');
  assertEq(session.kind, 'staff', 'staff session');
  await chooseKommune(page);
  await page.locator(`tr[data-service="${config.adminService}"] a`).click();
  await page.waitForURL(`**/services/${config.adminService}`);
  await waitForPage(page);
  assert(await headingFocused(page), 'focus moved to the page heading after navigation');

  const services = (await apiGet(page, `/api/v1/admin/kommuner/${config.kommune}/services`)).services;
  const svc = services.find((s) => s.id === config.adminService);
  assert(svc && svc.parameters.length > 0, `${config.adminService} has parameters`);
  const param = svc.parameters.find((p) => p.name === (config.param || svc.parameters[0].name));
  assert(param, `parameter ${config.param} exists`);
  const original = param.value;
  const good =
    config.paramValue ||
    (param.type === 'month-day' ? (original === '02-20' ? '02-21' : '02-20') : param.type === 'integer' ? String(Number(original) + 1) : `${original}`);
  const bad = config.badParamValue || (param.type === 'month-day' ? '13-45' : param.type === 'integer' ? '-99999' : '');

  const input = page.locator(`#param-${param.name}`);
  if (bad) {
    await input.fill(bad);
    await page.click('#service-save');
    await page.waitForSelector(`#param-${param.name}[aria-invalid="true"]`);
    const describedBy = (await input.getAttribute('aria-describedby')) ?? '';
    const messages = await page.evaluate(
      (ids) => ids.map((id) => document.getElementById(id)).filter((el) => el?.classList.contains('ds-validation-message')).map((el) => el.textContent),
      describedBy.split(/\s+/).filter(Boolean),
    );
    assert(messages.length === 1 && messages[0].length > 0, `the validation message is linked to the field by aria-describedby (${describedBy})`);
    await page.waitForSelector('ds-error-summary');
    await axeCheck(page, 'admin: parameter validation error', axe);
  }
  await input.fill(good);
  await page.click('#service-save');
  await page.waitForSelector('#service-saved');
  let now = (await apiGet(page, `/api/v1/admin/kommuner/${config.kommune}/services`)).services.find((s) => s.id === config.adminService);
  assertEq(String(now.parameters.find((p) => p.name === param.name).value), good, 'saved parameter value');
  // Put it back.
  await page.locator(`#param-${param.name}`).fill(String(original ?? ''));
  await page.click('#service-save');
  await page.waitForFunction(() => !document.querySelector('#service-save[aria-busy="true"]'));
  await page.waitForSelector('#service-saved');

  // Dry run.
  await page.setInputFiles('#dmn-file', config.dmn);
  const [resp] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith(`/services/${config.adminService}/dry-run`), { timeout: 60000 }),
    page.click('#dry-run-button'),
  ]);
  assertEq(resp.request().headers()['content-type'], 'application/xml', 'dry-run Content-Type');
  assertEq(resp.request().postData(), dmnText(), 'the DMN file is the body');
  assertEq(resp.status(), 200, 'dry-run status');
  const result = await resp.json();
  await page.waitForSelector('#dry-run-result');
  const gainedH = await page.locator('#gained-h').innerText();
  const lostH = await page.locator('#lost-h').innerText();
  assert(gainedH.includes(`(${result.gained.length})`), `gained heading shows ${result.gained.length}: ${gainedH}`);
  assert(lostH.includes(`(${result.lost.length})`), `lost heading shows ${result.lost.length}: ${lostH}`);
  assertEq(await page.locator('#gained tbody tr').count(), result.gained.length, 'gained rows');
  assertEq(await page.locator('#lost tbody tr').count(), result.lost.length, 'lost rows');
  const shown = (sel) => page.locator(sel).innerText().then((s) => Number(s.replace(/\D/g, '')));
  assertEq(await shown('[data-testid="current-eligible"]'), result.current_eligible, 'current eligible shown');
  assertEq(await shown('[data-testid="candidate-eligible"]'), result.candidate_eligible, 'candidate eligible shown');
  assert(page.jsErrors.length === 0, `no JavaScript errors: ${page.jsErrors.join('; ')}`);
  await page.context().close();
}

// ---------------------------------------------------------------------------------------------
// (5) Keyboard only: skip link, tab to an offer, open it, pick satisfaction 5 with the arrow
// keys, accept it — with a visible focus indicator at every stop.
export async function testKeyboardOnly(browser) {
  const page = await newPage(browser);
  await loginAsCitizen(page, config.keyboardPid);
  const [offer] = await openOffers(page);
  assert(offer, 'the keyboard-test citizen has an open offer');
  await goto(page, '/');

  await page.keyboard.press('Tab');
  const skip = await activeInfo(page);
  assertEq(skip?.href, '#main', 'the first Tab stop is the skip link');
  assert(await focusIsVisible(page), 'the skip link shows focus');
  await page.keyboard.press('Enter');
  assertEq(await page.evaluate(() => document.activeElement?.id), 'main', 'the skip link moves focus to main');

  await tabUntil(page, (i) => i.href === `/offers/${offer.id}`, { what: `the link to offer ${offer.id}` });
  await page.keyboard.press('Enter');
  await page.waitForURL(`**/offers/${offer.id}`);
  await waitForPage(page);
  assert(await headingFocused(page), 'focus is on the page heading after opening the offer');

  await tabUntil(page, (i) => i.name === 'satisfaction', { what: 'the satisfaction radio group' });
  await page.keyboard.press('Space');
  for (let k = 0; k < 4; k++) await page.keyboard.press('ArrowDown');
  assertEq(await page.evaluate(() => document.querySelector('input[name="satisfaction"]:checked')?.value), '5', 'satisfaction 5 chosen by keyboard');
  await tabUntil(page, (i) => i.id === 'accept-button', { what: 'the accept button' });
  await page.keyboard.press('Enter');
  await page.waitForSelector('#offer-outcome');
  assertEq(await page.evaluate(() => document.activeElement?.id), 'offer-outcome', 'focus on the confirmation');
  const after = await apiGet(page, `/api/v1/me/offers/${offer.id}`);
  assertEq(after.state, 'accepted', 'state through the API');
  await page.context().close();
}

export const TESTS = [
  ['(4) axe-core on every page, citizen and admin; language switch', testAxeEveryPage],
  ['(1) citizen accepts the kindergarten offer with a correction and satisfaction 5', testCitizenAccepts],
  ['(2) citizen declines another offer', testCitizenDeclines],
  ['(3) admin: API-key log-in, parameter change with validation, DMN dry run', testAdmin],
  ['(5) keyboard only: skip link, open an offer, accept it; focus visible', testKeyboardOnly],
  ['(6) consents: approve, reject, receipt download, withdraw with a confirmation dialog', testConsents],
  ['(7) access log: entries, paging, inclusion verified in the browser, tampering caught', testAccessLog],
  ['(8) delivery: message status on an offer; the admin delivery panel', testDelivery],
  ['(9) keyboard only: approve and withdraw a consent, verify an access-log entry', testKeyboardPrivacy],
];
