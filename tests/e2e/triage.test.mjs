// The whole triage in the real chat page (Web Chat in Chromium), as a person does it: Arabic right to
// left from the greeting to a booked and cancelled appointment, and the Persian interface of Web Chat.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { botBubbles, launchChromium, press, pressText, type } from './chat.mjs';
import { repoRoot, startHost } from './host.mjs';

const artifacts = fileURLToPath(new URL('./artifacts/', import.meta.url));
const FirstStrongIsolate = '\u2068';
const PopDirectionalIsolate = '\u2069';
const Reference = /\b[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{6}\b/;

let host;
let browser;
const pageErrors = [];

before(async () => {
  mkdirSync(artifacts, { recursive: true });
  host = await startHost({ name: 'triage' });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close().catch(() => {});
  if (host) {
    writeFileSync(join(artifacts, 'host-triage.log'), host.output());
    await host.dispose();
  }
});

async function openChat(lang) {
  const context = await browser.newContext({ viewport: { width: 820, height: 1000 }, locale: lang });
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
  await page.goto(`${host.baseUrl}/?lang=${lang}`);
  await page.locator('.webchat__suggested-action').first().waitFor();
  return page;
}

async function direction(page) {
  return page.evaluate(() => ({
    html: document.documentElement.dir,
    transcript: getComputedStyle(document.querySelector('.webchat__basic-transcript')).direction,
  }));
}

test('Arabic, right to left: a nurse from Syria in Leipzig books qualification counselling and cancels it', async () => {
  const page = await openChat('ar');
  await pressText(page, 'العربية');
  await press(page, 0); // consent: yes
  await press(page, 0); // lives in Germany
  const placed = await type(page, '04109');
  assert.ok(placed.includes(`${FirstStrongIsolate}04109${PopDirectionalIsolate}`), 'the postcode inside Arabic text is isolated for bidi');
  await press(page, 1); // concern: training after a notice
  await press(page, -1); // done
  await press(page, 1); // vocational training
  await type(page, 'ممرضة');
  const verdict = await type(page, 'سوريا');
  assert.match(verdict, /Pflegefach/, 'the German reference occupation is named');
  await press(page, 0); // experience abroad
  await press(page, 3); // partial recognition, measure needed
  await press(page, 3); // refugee or protection
  await press(page, 0); // protection
  await press(page, 3); // no benefits
  await press(page, 3); // B1
  await press(page, 0); // counselling in Arabic
  await press(page, 0); // in person
  await press(page, 2); // contact only in this chat
  await press(page, 0); // summary correct: result and booking offer
  const result = await botBubbles(page).allInnerTexts();
  assert.ok(result.some((t) => t.includes('Leipzig')), 'the responsible centre in Leipzig is named');
  assert.deepEqual(await direction(page), { html: 'rtl', transcript: 'rtl' });
  await page.screenshot({ path: join(artifacts, 'triage-arabic-result.png'), fullPage: true });

  await press(page, 0); // book: yes
  await type(page, 'أميرة');
  const confirmation = await press(page, 0); // the first free time
  const reference = confirmation.match(Reference)?.[0];
  assert.ok(reference, `a booking reference in the confirmation: ${confirmation}`);
  const link = confirmation.match(/https?:\/\/\S+calendar\.ics\?k=[0-9a-f]+/)?.[0];
  assert.ok(link, 'the confirmation links the calendar file');
  const ics = await (await fetch(link.replace(/^https?:\/\/[^/]+/, host.baseUrl))).text();
  assert.match(ics, /BEGIN:VCALENDAR[\s\S]*BEGIN:VEVENT[\s\S]*DTSTART/);
  assert.ok(ics.includes(reference));
  await page.screenshot({ path: join(artifacts, 'triage-arabic-booked.png'), fullPage: true });

  const cancelled = await type(page, `إلغاء ${reference}`);
  assert.ok(cancelled.includes(reference), `the cancellation names the reference: ${cancelled}`);
  assert.deepEqual(await direction(page), { html: 'rtl', transcript: 'rtl' });
  assert.deepEqual(pageErrors, []);
  await page.context().close();
});

test('Persian, right to left, with Web Chat\'s own interface strings in Persian', async () => {
  const strings = JSON.parse(readFileSync(join(repoRoot, 'src', 'IqTriageBot.Host', 'wwwroot', 'locales', 'fa-IR.json'), 'utf8'));
  const page = await openChat('fa');
  await pressText(page, 'فارسی');
  await press(page, 0); // consent
  await press(page, 0); // lives in Germany
  await type(page, '10115');
  assert.deepEqual(await direction(page), { html: 'rtl', transcript: 'rtl' });
  const placeholder = await page.locator('[data-id="webchat-sendbox-input"]').getAttribute('placeholder');
  assert.equal(placeholder, strings.TEXT_INPUT_PLACEHOLDER, 'Web Chat speaks Persian too');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'fa');
  await page.screenshot({ path: join(artifacts, 'triage-persian.png'), fullPage: true });
  assert.deepEqual(pageErrors, []);
  await page.context().close();
});

test('Ukrainian: unpaid wages lead to Fair Integration and an anonymous booking by phone', async () => {
  const page = await openChat('uk');
  await pressText(page, 'Українська');
  await type(page, 'так'); // consent
  await pressText(page, 'Я живу в Німеччині');
  await type(page, 'Лейпциг');
  await pressText(page, 'Проблеми на роботі');
  await pressText(page, 'Готово');
  await pressText(page, 'Зарплата, мінімальна ЗП');
  await pressText(page, 'Готово');
  const urgent = await pressText(page, 'Не платять або дуже мало');
  assert.match(urgent, /110/, 'the urgent help comes at once');
  await pressText(page, 'Готово');
  await type(page, 'Роботодавець не заплатив мені за два місяці.');
  await pressText(page, 'Статус біженця, захист');
  await pressText(page, 'Україна (§ 24)');
  await pressText(page, 'A2');
  await pressText(page, 'Українська');
  await pressText(page, 'Телефоном');
  await pressText(page, 'Анонімно');
  const result = await pressText(page, 'Так, усе правильно');
  assert.match(result, /Faire Integration/, `routed to Fair Integration: ${result}`);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'uk');
  await page.screenshot({ path: join(artifacts, 'triage-ukrainian-result.png'), fullPage: true });

  await type(page, 'так'); // book
  const confirmation = await press(page, 0); // the first free time
  const reference = confirmation.match(Reference)?.[0];
  assert.ok(reference, `a booking reference in the confirmation: ${confirmation}`);
  assert.ok(!/Ім'я|ім’я/.test(confirmation), 'an anonymous booking asks for no name');
  await page.screenshot({ path: join(artifacts, 'triage-ukrainian-booked.png'), fullPage: true });
  assert.deepEqual(pageErrors, []);
  await page.context().close();
});
