#!/usr/bin/env node
// Saves the main pages as PNG files in docs/screenshots/ (1280 px wide, full page).
//
//   BASE_URL=http://127.0.0.1:8080 node tests/e2e/screenshots.mjs
//
// Uses the same environment as run.mjs (E2E_CITIZEN_PID, E2E_ADMIN_KEY, E2E_KOMMUNE, …). Run it
// against fresh data (run-with-mock.mjs --screenshots does) so the offer is still open.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { apiGet, chooseKommune, config, goto, HERE, launch, loginAsCitizen, loginAsStaff, newPage, OPEN_STATES } from './lib.mjs';

const OUT = process.env.E2E_SCREENSHOTS_DIR ?? join(HERE, '..', '..', 'docs', 'screenshots');
mkdirSync(OUT, { recursive: true });
const saved = [];

async function shot(page, name) {
  const file = join(OUT, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  saved.push(file);
}

const browser = await launch();
try {
  const page = await newPage(browser);
  await goto(page, '/');
  await shot(page, 'citizen-1-login');
  await loginAsCitizen(page, config.citizenPid);
  await shot(page, 'citizen-2-offers');
  const { offers } = await apiGet(page, '/api/v1/me/offers');
  const offer = offers.find((o) => o.service === config.acceptService && OPEN_STATES.has(o.state)) ?? offers[0];
  if (offer) {
    await goto(page, `/offers/${offer.id}`);
    await shot(page, 'citizen-3-offer');
  }
  await goto(page, '/my-data');
  await shot(page, 'citizen-4-my-data');
  await goto(page, '/preferences');
  await page.waitForSelector('#prefs-save');
  await shot(page, 'citizen-5-preferences');
  await page.context().close();

  const privacy = await newPage(browser);
  await loginAsCitizen(privacy, config.consentPid);
  await goto(privacy, '/consents');
  await privacy.waitForSelector('#pending-consents');
  await shot(privacy, 'citizen-6-consents');
  await goto(privacy, '/access-log');
  const first = privacy.locator('.verify-button').first();
  if (await first.count()) {
    await first.click();
    await privacy.waitForSelector('#verify-result');
  }
  await shot(privacy, 'citizen-7-access-log');
  await privacy.context().close();

  const admin = await newPage(browser);
  await goto(admin, '/admin');
  await shot(admin, 'admin-1-login');
  await loginAsStaff(admin);
  await chooseKommune(admin);
  await admin.waitForSelector('.services-table');
  await shot(admin, 'admin-2-services');
  await goto(admin, `/admin/k/${config.kommune}/services/${config.adminService}`);
  await admin.waitForSelector('#service-save');
  await admin.setInputFiles('#dmn-file', config.dmn);
  await admin.click('#dry-run-button');
  await admin.waitForSelector('#dry-run-result', { timeout: 60000 });
  await shot(admin, 'admin-3-service-dry-run');
  await goto(admin, `/admin/k/${config.kommune}/uptake`);
  await admin.waitForSelector('.funnel-chart, .lead');
  await shot(admin, 'admin-4-uptake');
  await goto(admin, `/admin/k/${config.kommune}/satisfaction`);
  await admin.waitForSelector('.ci-chart, .lead');
  await shot(admin, 'admin-5-satisfaction');
  await goto(admin, `/admin/k/${config.kommune}/delivery`);
  await admin.waitForSelector('.delivery-chart, #delivery-period');
  await shot(admin, 'admin-6-delivery');
  await admin.context().close();
} finally {
  await browser.close();
}
for (const f of saved) console.log(`saved ${f}`);
console.log(`screenshots: ${saved.length} saved`);
