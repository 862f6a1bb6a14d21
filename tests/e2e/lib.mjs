// Shared helpers for the browser tests: configuration from the environment, launching Debian's
// chromium through playwright-core, logging in, axe-core checks, and small assertions.
//
// Assumptions about the server beyond docs/openapi.yaml are listed in tests/e2e/README.md.
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const HERE = dirname(fileURLToPath(import.meta.url));

// ---- configuration (environment variables; defaults fit web/dev/mock-api.mjs) ----
const env = process.env;
export const config = {
  baseUrl: (env.BASE_URL ?? 'http://127.0.0.1:8090').replace(/\/$/, ''),
  // A citizen with an open kindergarten-place offer (accepted by test 1).
  citizenPid: env.E2E_CITIZEN_PID ?? '05058012345',
  // A citizen with another open offer (declined by test 2); defaults to the same citizen.
  declinePid: env.E2E_DECLINE_PID ?? env.E2E_CITIZEN_PID ?? '05058012345',
  // A citizen with an open offer that is still open after tests 1 and 2 (keyboard test 5).
  keyboardPid: env.E2E_KEYBOARD_PID ?? '24124512345',
  acceptService: env.E2E_ACCEPT_SERVICE ?? 'kindergarten-place',
  // Optional "field=value" correction for test 1; default: derived from the first editable field.
  correction: env.E2E_CORRECTION ?? '',
  // A citizen with at least two consent requests waiting (issue 7: approve, reject, withdraw,
  // receipt; the keyboard test answers the last one).
  consentPid: env.E2E_CONSENT_PID ?? env.E2E_CITIZEN_PID ?? '05058012345',
  // A citizen with access-log entries (verified in the browser).
  accessLogPid: env.E2E_ACCESS_LOG_PID ?? env.E2E_CONSENT_PID ?? env.E2E_CITIZEN_PID ?? '05058012345',
  // A citizen with an offer whose messages have a delivery status (issue 6).
  messagesPid: env.E2E_MESSAGES_PID ?? env.E2E_CITIZEN_PID ?? '05058012345',
  adminKey: env.E2E_ADMIN_KEY ?? 'dev-admin-key',
  kommune: env.E2E_KOMMUNE ?? '4601',
  adminService: env.E2E_ADMIN_SERVICE ?? 'kindergarten-place',
  param: env.E2E_PARAM ?? '', // default: the service's first parameter
  paramValue: env.E2E_PARAM_VALUE ?? '', // default: derived from the type (month-day, integer)
  badParamValue: env.E2E_BAD_PARAM_VALUE ?? '', // default: derived from the type
  dmn: resolve(env.E2E_DMN ?? join(HERE, 'fixtures', 'kindergarten-candidate.dmn')),
  chromium: env.CHROMIUM ?? '/usr/bin/chromium',
  headed: env.E2E_HEADED === '1',
  slowMs: Number(env.E2E_SLOW_MS ?? 0),
};

export function dmnText() {
  return readFileSync(config.dmn, 'utf8');
}

// ---- browser ----
export async function launch() {
  return chromium.launch({
    executablePath: config.chromium,
    headless: !config.headed,
    slowMo: config.slowMs,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export async function newPage(browser, { lang = 'nb', viewport = { width: 1280, height: 900 } } = {}) {
  const context = await browser.newContext({ baseURL: config.baseUrl, viewport, locale: lang === 'en' ? 'en-GB' : 'nb-NO' });
  // The portal keeps the chosen language in localStorage; start every context in `lang`.
  await context.addInitScript((l) => {
    try {
      if (!window.localStorage.getItem('proaktiv.lang')) window.localStorage.setItem('proaktiv.lang', l);
    } catch {
      /* ignore */
    }
  }, lang);
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.jsErrors = errors;
  return page;
}

// Waits until the app has rendered a page heading (h1#page-heading) that is not "Loading".
export async function waitForPage(page) {
  await page.waitForSelector('h1#page-heading');
  await page.waitForFunction(() => !document.querySelector('[role=status] .ds-spinner, .loading'), null, { timeout: 15000 });
}

export async function goto(page, path) {
  await page.goto(path);
  await waitForPage(page);
}

// ---- logging in ----

// Logs a citizen in through the OpenID issuer. Assumption (documented in README.md): after
// /auth/login the browser reaches the issuer's /authorize page, which has a form with an input
// named "pid" and a submit button; submitting it completes the code flow back to the portal.
export async function loginAsCitizen(page, pid, returnTo = '/') {
  await page.goto(returnTo);
  await waitForPage(page);
  await page.click('#login-button');
  const pidInput = page.locator('input[name="pid"]');
  await pidInput.waitFor({ state: 'visible' });
  await pidInput.fill(pid);
  const form = page.locator('form:has(input[name="pid"])');
  await Promise.all([
    page.waitForURL((u) => u.href.startsWith(config.baseUrl) && !u.pathname.startsWith('/auth/'), { timeout: 20000 }),
    form.locator('button[type="submit"], input[type="submit"], button:not([type])').first().click(),
  ]);
  await waitForPage(page);
  const s = await apiGet(page, '/api/v1/session');
  assert(s.kind === 'citizen', `expected a citizen session after logging in, got ${JSON.stringify(s.kind)}`);
}

export async function loginAsStaff(page, key = config.adminKey) {
  await goto(page, '/admin');
  await page.fill('#api-key', key);
  await page.click('#admin-login-button');
  await page.waitForFunction(() => document.querySelector('h1#page-heading') && !document.querySelector('#api-key'));
  await waitForPage(page);
}

// Chooses the kommune on /admin (a number field when the key is admin:*, else a select).
export async function chooseKommune(page, kommune = config.kommune) {
  const field = page.locator('#kommune');
  if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption(kommune);
  else await field.fill(kommune);
  await page.click('#kommune-continue');
  await page.waitForURL(`**/admin/k/${kommune}/services`);
  await waitForPage(page);
}

// ---- API through the browser's cookies ----
export async function apiGet(page, path) {
  const res = await page.request.get(config.baseUrl + path, { headers: { Accept: 'application/json' } });
  const text = await res.text();
  if (!res.ok()) throw new Error(`GET ${path} → ${res.status()}: ${text.slice(0, 300)}`);
  return JSON.parse(text);
}

export const OPEN_STATES = new Set(['proposed', 'sent', 'opened']);

// ---- accessibility ----
export async function axeCheck(page, label, results) {
  const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const entry = { page: label, url: page.url().replace(config.baseUrl, ''), violations: r.violations.length, passes: r.passes.length, incomplete: r.incomplete.length };
  results?.push(entry);
  if (r.violations.length > 0) {
    const msg = r.violations
      .map((v) => `  [${v.impact}] ${v.id}: ${v.help}\n` + v.nodes.slice(0, 5).map((n) => `      ${n.target.join(' ')} — ${n.failureSummary?.split('\n').join(' ')}`).join('\n'))
      .join('\n');
    throw new Error(`axe found ${r.violations.length} violation(s) on ${label} (${entry.url}):\n${msg}`);
  }
  return entry;
}

// True when the focused element shows a focus indicator: an outline or box-shadow on the element
// or, for radios and checkboxes, on their Designsystemet field wrapper (which draws the ring).
export async function focusIsVisible(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return false;
    const ring = (node) => {
      if (!node) return false;
      const cs = getComputedStyle(node);
      const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0;
      return outline || (!!cs.boxShadow && cs.boxShadow !== 'none');
    };
    return ring(el) || (el.matches('input[type=radio], input[type=checkbox]') && ring(el.closest('.ds-field')));
  });
}

export async function activeInfo(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el) return null;
    return { tag: el.tagName, id: el.id, name: el.getAttribute('name'), type: el.getAttribute('type'), href: el.getAttribute('href'), text: (el.textContent ?? '').trim().slice(0, 60), focusVisible: el.matches(':focus-visible') };
  });
}

// Presses Tab until `predicate(activeInfo)` holds; checks the focus indicator at every stop.
export async function tabUntil(page, predicate, { max = 80, what = 'the target' } = {}) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const info = await activeInfo(page);
    if (info && info.tag !== 'BODY') {
      assert(await focusIsVisible(page), `no visible focus indicator on ${JSON.stringify(info)}`);
    }
    if (info && predicate(info)) return info;
  }
  throw new Error(`Tab did not reach ${what} within ${max} presses`);
}

// ---- assertions ----
export function assert(cond, message) {
  if (!cond) throw new Error(`assertion failed: ${message}`);
}
export function assertEq(actual, expected, message) {
  if (actual !== expected) throw new Error(`assertion failed: ${message}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}
