// Browser tests of issue 7: consents (approve, reject, withdraw, receipt) and the access log
// (entries, paging, inclusion verified in the browser, tampering detected). Registered in
// tests.mjs. What they need from the server: README.md ("Test data").
import { readFileSync } from 'node:fs';
import { apiGet, assert, assertEq, axeCheck, config, loginAsCitizen, newPage, waitForPage } from './lib.mjs';

const digits = (s) => (s ?? '').replace(/\D/g, '');
export const focusedId = (page) => page.evaluate(() => document.activeElement?.id ?? '');

// Clicks the navigation link to `href` and waits for the page; focus must be on its <h1>.
export async function viaNav(page, href) {
  await page.click(`nav a[href="${href}"]`);
  await page.waitForURL(`**${href}`);
  await waitForPage(page);
  assertEq(await focusedId(page), 'page-heading', `focus on the heading after opening ${href}`);
}

export async function pendingConsents(page) {
  const { consents } = await apiGet(page, '/api/v1/me/consents');
  return consents.filter((c) => c.group === 'pending');
}

// ---------------------------------------------------------------------------------------------
// (6) Consents: showing a request marks it opened; approve one (the first), reject another when
// there are three or more, download a receipt, cancel and then confirm withdrawing the consent.
export async function testConsents(browser, axe) {
  const page = await newPage(browser);
  await loginAsCitizen(page, config.consentPid);
  await viaNav(page, '/consents');
  await page.waitForSelector('#pending-consents');
  await axeCheck(page, 'citizen: consents', axe);

  const pending = await pendingConsents(page);
  assert(pending.length >= 1, 'the citizen has a consent request waiting (see README.md, test data)');
  for (const c of pending) assertEq(c.state, 'opened', `request ${c.id} is marked opened once shown`);
  const target = pending[0];
  const card = page.locator(`.consent-card[data-consent-id="${target.id}"]`);
  const text = await card.innerText();
  assert(text.includes(target.consumer.name), `the request names the consumer ${target.consumer.name}`);
  assert(digits(text).includes(target.consumer.organisation_number), 'the request shows the organisation number');
  assert(text.includes(target.purpose.name), `the request shows the purpose ${target.purpose.name}`);
  for (const item of target.items) assert(text.includes(item.name), `the request lists the item ${item.name}`);
  if (target.message) assert(text.includes(target.message.split('\n')[0].slice(0, 40)), "the consumer's message is shown");

  await card.locator('.approve-button').click();
  await page.waitForSelector('#consent-outcome');
  assertEq(await focusedId(page), 'consent-outcome', 'focus on the confirmation after approving');
  await axeCheck(page, 'citizen: consent approved', axe);
  let now = await apiGet(page, `/api/v1/me/consents/${target.id}`);
  assertEq(now.state, 'accepted', 'approved consent through the API');
  assert(now.events.some((e) => e.to === 'accepted' && e.by === 'citizen'), 'the approval is in the history');
  const active = page.locator(`#active-consents .consent-card[data-consent-id="${target.id}"]`);
  await active.waitFor();

  if (pending.length >= 3) {
    const other = pending[1];
    await page.click(`#reject-${other.id}`);
    await page.waitForSelector(`#past-consents [data-consent-id="${other.id}"]`);
    assertEq((await apiGet(page, `/api/v1/me/consents/${other.id}`)).state, 'rejected', 'rejected request through the API');
  }

  // The receipt: the ISO/IEC TS 27560 JSON as a file.
  const [download] = await Promise.all([page.waitForEvent('download'), active.locator('.receipt-link').click()]);
  assert(/\.json$/.test(download.suggestedFilename()), `the receipt is a .json file: ${download.suggestedFilename()}`);
  const receiptText = readFileSync(await download.path(), 'utf8');
  const receipt = JSON.parse(receiptText);
  assertEq(receipt.schema, 'ISO/IEC TS 27560:2023', 'receipt schema');
  assertEq(receipt.record_id, target.id, 'receipt record id');
  assertEq(receipt.state, 'accepted', 'receipt state');
  assert(JSON.stringify(receipt.recipient_third_parties ?? []).includes(target.consumer.organisation_number), 'the receipt names the consumer');
  assert(!/\b\d{11}\b/.test(receiptText), 'no identity number in the receipt');

  // Withdraw: Escape cancels (focus back on the button), then confirm.
  await active.locator('.revoke-button').click();
  await page.waitForSelector('#revoke-dialog[open]');
  assert(await page.evaluate(() => !!document.activeElement?.closest('#revoke-dialog')), 'focus is inside the dialog');
  await axeCheck(page, 'citizen: withdraw consent dialog', axe);
  await page.keyboard.press('Escape');
  await page.waitForSelector('#revoke-dialog:not([open])', { state: 'attached' });
  assertEq(await focusedId(page), `revoke-${target.id}`, 'focus back on the withdraw button after cancelling');
  assertEq((await apiGet(page, `/api/v1/me/consents/${target.id}`)).state, 'accepted', 'still accepted after cancelling');
  await active.locator('.revoke-button').click();
  await page.click('#revoke-confirm');
  await page.waitForSelector(`#past-consents [data-consent-id="${target.id}"]`);
  assertEq(await focusedId(page), 'consent-outcome', 'focus on the confirmation after withdrawing');
  now = await apiGet(page, `/api/v1/me/consents/${target.id}`);
  assertEq(now.state, 'revoked', 'withdrawn consent through the API');
  await axeCheck(page, 'citizen: consent withdrawn', axe);
  assert(page.jsErrors.length === 0, `no JavaScript errors: ${page.jsErrors.join('; ')}`);
  await page.context().close();
}

// Serves the real proof with `change` applied to it, for one request.
async function tamperOnce(page, change) {
  await page.route('**/api/v1/me/access-log/*/proof*', async (route) => {
    const res = await route.fetch();
    const proof = await res.json();
    change(proof);
    await route.fulfill({ response: res, json: proof });
    await page.unroute('**/api/v1/me/access-log/*/proof*');
  });
}

async function verifyRow(page, seq) {
  const [resp] = await Promise.all([
    page.waitForResponse((r) => r.url().includes(`/api/v1/me/access-log/${seq}/proof`)),
    page.click(`#verify-${seq}`),
  ]);
  await page.waitForSelector(`#verify-result[data-seq="${seq}"]`);
  assertEq(await focusedId(page), 'verify-h', 'focus on the result');
  return resp;
}

// ---------------------------------------------------------------------------------------------
// (7) Access log: the entries of the API are listed; "verify" checks inclusion in the browser
// (verified, with the checkpoint's size shown); a changed entry or a changed path node is
// caught; paging by `before` when there is more than a page.
export async function testAccessLog(browser, axe) {
  const page = await newPage(browser);
  await loginAsCitizen(page, config.accessLogPid);
  await viaNav(page, '/access-log');
  const list = await apiGet(page, '/api/v1/me/access-log');
  assert(list.entries.length > 0, 'the citizen has access-log entries (see README.md, test data)');
  await page.waitForSelector('.access-log-table');
  await axeCheck(page, 'citizen: access log', axe);
  const seqs = await page.locator('tr[data-seq]').evaluateAll((rows) => rows.map((r) => Number(r.dataset.seq)));
  assertEq(JSON.stringify(seqs), JSON.stringify(list.entries.map((e) => e.seq)), 'the rows are the API entries, newest first');

  const first = list.entries[0];
  const resp = await verifyRow(page, first.seq);
  const proof = await resp.json();
  const result = page.locator('#verify-result');
  assertEq(await result.getAttribute('data-outcome'), 'verified', `entry ${first.seq} verified in the browser`);
  assertEq(await result.getAttribute('data-signature'), 'valid', 'the checkpoint signature checked with Ed25519');
  const statuses = await result.locator('[data-step]').evaluateAll((li) => li.map((l) => `${l.dataset.step}:${l.dataset.status}`));
  assertEq(statuses.join(' '), 'entry:ok commitment:ok leaf:ok path:ok checkpoint:ok signature:ok', 'every step passed');
  assertEq(digits(await page.locator('[data-testid="checkpoint-size"]').innerText()), String(proof.tree_size), 'the checkpoint size is shown');
  await axeCheck(page, 'citizen: access-log entry verified', axe);

  // A proof for a changed entry text (not a field the list shows) fails at the commitment.
  const second = list.entries[1] ?? first;
  await tamperOnce(page, (p) => {
    p.entry = p.entry.replace(/"subject_key":(\d+)/, (_, n) => `"subject_key":${Number(n) + 1}`);
  });
  await verifyRow(page, second.seq);
  assertEq(await result.getAttribute('data-outcome'), 'failed', 'a changed entry fails');
  assertEq(await result.locator('[data-step="commitment"]').getAttribute('data-status'), 'failed', 'at the commitment');
  await axeCheck(page, 'citizen: access-log verification failed', axe);
  // A changed node on the inclusion path fails at the root.
  await tamperOnce(page, (p) => {
    if (p.inclusion_proof.length === 0) p.checkpoint.root_hash = p.commitment;
    else p.inclusion_proof[0] = p.commitment;
  });
  await verifyRow(page, first.seq);
  assertEq(await result.locator('[data-step="path"]').getAttribute('data-status'), 'failed', 'a changed path fails at the root');

  if (list.next_before !== null) {
    await page.click('#log-older');
    await page.waitForFunction((s) => Number(document.querySelector('tr[data-seq]')?.dataset.seq) < s, list.entries.at(-1).seq + 1);
    const older = await apiGet(page, `/api/v1/me/access-log?before=${list.next_before}`);
    assertEq(Number(await page.locator('tr[data-seq]').first().getAttribute('data-seq')), older.entries[0].seq, 'the next page starts below next_before');
    assertEq(await focusedId(page), 'log-table', 'focus on the table after paging');
    await page.click('#log-newer');
    await page.waitForFunction((s) => Number(document.querySelector('tr[data-seq]')?.dataset.seq) === s, first.seq);
  }
  assert(page.jsErrors.length === 0, `no JavaScript errors: ${page.jsErrors.join('; ')}`);
  await page.context().close();
}
