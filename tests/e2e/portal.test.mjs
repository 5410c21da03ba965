// The advisor portal in headless Chromium: the operator made on the command line creates an advisor, a person
// books through the Web Chat page, the advisor signs in, reads the German intake and marks the session attended.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { launchChromium, step, type } from './chat.mjs';
import { startHost } from './host.mjs';

const artifacts = fileURLToPath(new URL('./artifacts/', import.meta.url));
const Reference = /\b[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{6}\b/;
const operator = { email: 'operator@example.org', password: 'operator-passphrase-42' };
const advisor = { email: 'advisor@leipzig.example', password: 'advisor-passphrase-42' };

let host;
let browser;
const pageErrors = [];

/** Runs the host executable's command line on the host's data folder. */
function hostCommand(args, password) {
  return new Promise((resolveRun, reject) => {
    const child = spawn('dotnet', [host.dll, ...args], {
      cwd: host.contentRoot,
      env: { ...process.env, Storage__DataDirectory: host.dataDir, IQ_PORTAL_PASSWORD: password, DOTNET_NOLOGO: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => { output += chunk; });
    child.stderr.on('data', (chunk) => { output += chunk; });
    child.once('error', reject);
    child.once('exit', (code) => resolveRun({ code, output }));
  });
}

before(async () => {
  mkdirSync(artifacts, { recursive: true });
  host = await startHost({ name: 'portal' });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close().catch(() => {});
  if (host) {
    writeFileSync(join(artifacts, 'host-portal.log'), host.output());
    await host.dispose();
  }
});

async function newPage(locale = 'de-DE') {
  const context = await browser.newContext({ viewport: { width: 1100, height: 1000 }, locale });
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
  return page;
}

/** A nurse trained in Syria, living in Leipzig, books the first free time in the English chat; returns the reference. */
async function bookInWebChat() {
  const page = await newPage('en-GB');
  await page.goto(`${host.baseUrl}/?lang=en`);
  await page.locator('.webchat__suggested-action').first().waitFor();
  for (const answer of ['English', 'yes', 'I live in Germany', '04109', 'Training after a notice', 'Done', 'Vocational training',
    'nurse', 'Syria', 'Yes, abroad', 'Partial, measure needed', 'Refugee or protection', 'Refugee, protection', 'No benefits', 'B1',
    'English', 'In person', 'Only in this chat', 'Yes, all correct', 'Yes', 'Amira Haddad']) {
    await type(page, answer);
  }
  const confirmation = await step(page, () => page.locator('.webchat__suggested-action').first().click());
  const reference = confirmation.match(Reference)?.[0];
  assert.ok(reference, `a booking reference in the confirmation: ${confirmation}`);
  await page.context().close();
  return reference;
}

async function signIn(page, who) {
  await page.goto(`${host.baseUrl}/portal/login`);
  await page.fill('input[name="email"]', who.email);
  await page.fill('input[name="password"]', who.password);
  await Promise.all([page.waitForLoadState('load'), page.locator('form button[type="submit"]').click()]);
  assert.match(page.url(), /\/portal\/bookings/, `signed in as ${who.email}`);
}

test('operator creates an advisor, who reads the intake of a Web Chat booking and marks it attended', async () => {
  const made = await hostCommand(['portal', 'create-operator', operator.email], operator.password);
  assert.equal(made.code, 0, made.output);

  const reference = await bookInWebChat();

  const admin = await newPage();
  await signIn(admin, operator);
  await admin.goto(`${host.baseUrl}/portal/accounts`);
  await admin.fill('input[name="email"]', advisor.email);
  await admin.fill('input[name="password"]', advisor.password);
  await admin.selectOption('select[name="role"]', 'advisor');
  await admin.selectOption('select[name="centre"]', 'iq-sn-leipzig');
  await Promise.all([admin.waitForURL(/accounts\?done=1/), admin.locator('form[action="/portal/accounts"] button[type="submit"]').click()]);
  assert.ok((await admin.locator('table').innerText()).includes(advisor.email), 'the new advisor is listed');
  await admin.screenshot({ path: join(artifacts, 'portal-operator-accounts.png'), fullPage: true });
  await admin.context().close();

  const page = await newPage();
  await signIn(page, advisor);
  assert.ok((await page.locator('main').innerText()).includes(reference), 'the booking is in the advisor\'s list');
  await page.screenshot({ path: join(artifacts, 'portal-advisor-bookings.png'), fullPage: true });

  await Promise.all([page.waitForURL(new RegExp(`/portal/bookings/${reference}$`)), page.locator(`a[href="/portal/bookings/${reference}"]`).first().click()]);
  const intake = await page.locator('main').innerText();
  for (const expected of ['Amira Haddad', 'Syrien', 'Sachsen', '04109', 'Qualifizierungsberatung', 'nurse', 'Original (Englisch)']) {
    assert.ok(intake.includes(expected), `the intake shows "${expected}"`);
  }
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'de');
  await page.screenshot({ path: join(artifacts, 'portal-advisor-intake.png'), fullPage: true });

  await Promise.all([page.waitForURL(/done=attended/), page.locator('form button', { hasText: 'Wahrgenommen' }).click()]);
  assert.ok((await page.locator('[role="status"]').innerText()).length > 0, 'the change is confirmed');
  await page.goto(`${host.baseUrl}/portal/bookings?when=upcoming&status=attended`);
  assert.ok((await page.locator('main').innerText()).includes(reference), 'listed as attended');
  await page.screenshot({ path: join(artifacts, 'portal-advisor-attended.png'), fullPage: true });
  await page.context().close();

  assert.deepEqual(pageErrors, []);
});
