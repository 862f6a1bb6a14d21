// Browser tests of issue 6 (an offer's messages and their delivery status; the admin's delivery
// panel) and the keyboard-only walk through the issue 7 pages. Registered in tests.mjs.
import {
  apiGet, assert, assertEq, axeCheck, chooseKommune, config, goto, loginAsCitizen, loginAsStaff, newPage, tabUntil,
  waitForPage,
} from './lib.mjs';
import { focusedId, pendingConsents } from './tests-privacy.mjs';

// ---------------------------------------------------------------------------------------------
// (8) The first offer with messages shows each one (channel, kind, status, time); the admin's
// delivery panel shows the API's totals per channel, and a bad period is refused at the field.
export async function testDelivery(browser, axe) {
  const page = await newPage(browser);
  await loginAsCitizen(page, config.messagesPid);
  const { offers } = await apiGet(page, '/api/v1/me/offers');
  let offer = null;
  for (const o of offers) {
    const d = await apiGet(page, `/api/v1/me/offers/${o.id}`);
    if ((d.messages ?? []).length > 0) {
      offer = d;
      break;
    }
  }
  assert(offer, 'the citizen has an offer with messages (see README.md, test data)');
  await goto(page, `/offers/${offer.id}`);
  await page.waitForSelector('#offer-messages');
  const rows = page.locator('#offer-messages tbody tr');
  assertEq(await rows.count(), offer.messages.length, 'one row per message');
  for (let i = 0; i < offer.messages.length; i++) {
    const m = offer.messages[i];
    const row = rows.nth(i);
    assertEq(await row.getAttribute('data-channel'), m.channel, `message ${i} channel`);
    assertEq(await row.locator('.delivery-status').getAttribute('data-status'), m.status, `message ${i} status`);
    assert((await row.locator('.delivery-status').innerText()).trim().length > 0, 'the status is written out');
  }
  await axeCheck(page, 'citizen: offer with its messages', axe);
  await page.context().close();

  const admin = await newPage(browser);
  await loginAsStaff(admin);
  await chooseKommune(admin);
  await admin.click(`nav a[href="/admin/k/${config.kommune}/delivery"]`);
  await admin.waitForURL(`**/admin/k/${config.kommune}/delivery`);
  await waitForPage(admin);
  const counts = await apiGet(admin, `/api/v1/admin/kommuner/${config.kommune}/delivery`);
  const channels = Object.keys(counts.totals);
  if (channels.length > 0) {
    await admin.waitForSelector('svg.delivery-chart');
    for (const c of channels) {
      const total = Object.values(counts.totals[c]).reduce((a, b) => a + b, 0);
      const cell = admin.locator(`.delivery-totals tr[data-channel="${c}"] [data-status="total"]`);
      assertEq(Number((await cell.innerText()).replace(/\D/g, '')), total, `total for ${c}`);
      const delivered = admin.locator(`.delivery-totals tr[data-channel="${c}"] [data-status="delivered"]`);
      assertEq(Number((await delivered.innerText()).replace(/\D/g, '')), counts.totals[c].delivered ?? 0, `delivered for ${c}`);
    }
    const days = new Set(counts.rows.map((r) => r.day));
    assertEq(await admin.locator('.delivery-days tbody tr').count(), days.size, 'one row per day');
  } else {
    await admin.waitForSelector('#delivery-period');
  }
  await axeCheck(admin, 'admin: delivery', axe);

  // A period with from after to is refused at the field; a valid one is asked for.
  await admin.fill('#delivery-from', counts.to);
  await admin.fill('#delivery-to', counts.from);
  await admin.click('#delivery-show');
  await admin.waitForSelector('#delivery-from[aria-invalid="true"]');
  await axeCheck(admin, 'admin: delivery with a period error', axe);
  await admin.fill('#delivery-from', counts.from);
  await admin.fill('#delivery-to', counts.to);
  const [resp] = await Promise.all([
    admin.waitForResponse((r) => r.url().includes('/delivery?') && r.url().includes(`from=${counts.from}`)),
    admin.click('#delivery-show'),
  ]);
  assertEq(resp.status(), 200, 'delivery for a chosen period');
  assert(admin.jsErrors.length === 0, `no JavaScript errors: ${admin.jsErrors.join('; ')}`);
  await admin.context().close();
}

// ---------------------------------------------------------------------------------------------
// (9) Keyboard only on the issue 7 pages: Tab to "Consents", approve the last waiting request,
// withdraw it through the dialog; then Tab to "Who has looked at my data" and verify the
// newest entry. A visible focus indicator at every stop.
export async function testKeyboardPrivacy(browser) {
  const page = await newPage(browser);
  await loginAsCitizen(page, config.consentPid);
  await goto(page, '/');
  await tabUntil(page, (i) => i.href === '/consents', { what: 'the consents link' });
  await page.keyboard.press('Enter');
  await page.waitForURL('**/consents');
  await waitForPage(page);
  assertEq(await focusedId(page), 'page-heading', 'focus on the heading');
  const pending = await pendingConsents(page);
  assert(pending.length >= 1, 'a consent request is still waiting for the keyboard test (see README.md, test data)');
  const target = pending.at(-1);
  await tabUntil(page, (i) => i.id === `approve-${target.id}`, { what: 'the approve button', max: 150 });
  await page.keyboard.press('Enter');
  await page.waitForSelector('#consent-outcome');
  assertEq(await focusedId(page), 'consent-outcome', 'focus on the confirmation');
  await tabUntil(page, (i) => i.id === `revoke-${target.id}`, { what: 'the withdraw button', max: 150 });
  await page.keyboard.press('Enter');
  await page.waitForSelector('#revoke-dialog[open]');
  assertEq(await focusedId(page), 'revoke-cancel', 'the dialog opens on Cancel');
  await page.keyboard.press('Shift+Tab');
  assertEq(await focusedId(page), 'revoke-confirm', 'Shift+Tab reaches the confirm button');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#revoke-dialog:not([open])', { state: 'attached' });
  await page.waitForFunction(() => document.activeElement?.id === 'consent-outcome');
  assertEq((await apiGet(page, `/api/v1/me/consents/${target.id}`)).state, 'revoked', 'withdrawn through the API');

  await goto(page, '/');
  await tabUntil(page, (i) => i.href === '/access-log', { what: 'the access-log link' });
  await page.keyboard.press('Enter');
  await page.waitForURL('**/access-log');
  await waitForPage(page);
  const { entries } = await apiGet(page, '/api/v1/me/access-log');
  if (entries.length > 0) {
    await tabUntil(page, (i) => i.id === `verify-${entries[0].seq}`, { what: 'the first verify button' });
    await page.keyboard.press('Enter');
    await page.waitForSelector('#verify-result');
    assertEq(await focusedId(page), 'verify-h', 'focus on the verification result');
  }
  await page.context().close();
}
