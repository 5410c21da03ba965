// Drives the real chat page (Web Chat 4.18.1 served by the host) in Chromium: language choice, RTL,
// echo handling, resume after reload and after a host restart, and the /embed.js launcher.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './chat.mjs';
import { startHost } from './host.mjs';

const artifacts = fileURLToPath(new URL('./artifacts/', import.meta.url));

const EnglishGreeting = 'Hello! I am an automated assistant';
const ArabicGreeting = 'مرحبًا! أنا مساعد آلي';
// Fragments of catalog texts (the language name and other arguments are isolated for bidi display).
const ArabicLanguageSet = 'سنتابع باللغة';
const ArabicReprompt = 'يُرجى الإجابة بـ«نعم» أو «لا»';
// "Send failed" / "Retry" in the UI languages this page can switch to.
const SendFailed = /Send failed|Retry|Fehler beim Senden|Wiederholen|فشل|إعادة المحاولة/;

let host;
let browser;
let context;
const pageErrors = [];
const cspViolations = [];
const consoleErrors = [];

before(async () => {
  mkdirSync(artifacts, { recursive: true });
  host = await startHost({ name: 'webchat' });
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 900, height: 900 }, locale: 'en-US' });
  context.setDefaultTimeout(20_000);
  // Runs in every frame before any page script (and is not subject to the page's CSP).
  await context.exposeBinding('__e2eReportCsp', ({ frame }, violation) => {
    cspViolations.push({ frame: frame.url(), ...violation });
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__e2eReportCsp({
        directive: e.violatedDirective, blocked: e.blockedURI, source: e.sourceFile, line: e.lineNumber, sample: e.sample,
      });
    });
  });
});

after(async () => {
  await browser?.close().catch(() => {});
  if (host) {
    writeFileSync(join(artifacts, 'host-webchat.log'), host.output());
    await host.dispose();
  }
  if (consoleErrors.length) {
    writeFileSync(join(artifacts, 'webchat-console-errors.txt'), consoleErrors.join('\n'));
  }
});

function watch(page) {
  page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.stack || error.message}`));
  page.on('console', (message) => {
    const text = message.text();
    if (/Content[- ]Security[- ]Policy|Refused to/i.test(text)) {
      cspViolations.push({ console: text, location: message.location()?.url });
    } else if (message.type() === 'error' && !message.location()?.url?.endsWith('/favicon.ico')) {
      consoleErrors.push(`${page.url()}: ${text}`);
    }
  });
  return page;
}

function assertCleanPage() {
  assert.deepEqual(pageErrors, [], `uncaught page errors:\n${pageErrors.join('\n')}`);
  assert.deepEqual(cspViolations, [], `Content-Security-Policy violations:\n${JSON.stringify(cspViolations, null, 2)}`);
}

const botBubble = (page, text) => page.locator('.webchat__bubble:not(.webchat__bubble--from-user)', { hasText: text });
const userBubble = (page, text) => page.locator('.webchat__bubble.webchat__bubble--from-user', { hasText: text });

/** Waits until every sent message is acknowledged (echo received), then checks nothing shows "Send failed". */
async function assertAllSent(page) {
  // Web Chat shows this span while "Sending" and when "Send failed"; it disappears once the echo arrives.
  await page.waitForFunction(() => document.querySelectorAll('.webchat__activity-status--sending').length === 0, null, { timeout: 15_000 });
  // A broken echo would bring "Send failed" back only after sendTimeout; a short look catches a flapping state.
  await page.waitForTimeout(1500);
  assert.equal(await page.locator('.webchat__activity-status--sending').count(), 0, 'a message is still "Sending" or "Send failed"');
  const text = await page.locator('#webchat').innerText();
  assert.doesNotMatch(text, SendFailed, 'the transcript shows a send failure');
}

// Writing direction is recorded per stage and asserted in its own test at the end, so one layout
// problem does not hide the conversation checks. `target` is a Page or a Frame.
const directions = [];
async function recordDirection(target, stage, expected) {
  const lang = expected === 'rtl' ? 'ar' : 'en';
  await target.waitForFunction(([dir, code]) => {
    const transcript = document.querySelector('.webchat__basic-transcript');
    return document.documentElement.dir === dir && document.documentElement.lang === code
      && transcript && getComputedStyle(transcript).direction === dir;
  }, [expected, lang], { timeout: 5_000 }).catch(() => {});
  directions.push({
    stage,
    expected: { htmlDir: expected, htmlLang: lang, transcriptDirection: expected },
    actual: await target.evaluate(() => {
      const transcript = document.querySelector('.webchat__basic-transcript');
      return {
        htmlDir: document.documentElement.dir,
        htmlLang: document.documentElement.lang,
        transcriptDirection: transcript ? getComputedStyle(transcript).direction : null,
      };
    }),
  });
}

describe('chat page', () => {
  let page;

  test('English greeting, choose العربية: Arabic reply, own bubble acknowledged', async () => {
    page = watch(await context.newPage());
    await page.goto(`${host.baseUrl}/?lang=en`);
    await botBubble(page, EnglishGreeting).first().waitFor();
    const arabic = page.locator('.webchat__suggested-action', { hasText: 'العربية' });
    await arabic.waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.dir), 'ltr');
    await arabic.click();

    await botBubble(page, ArabicLanguageSet).waitFor();
    await userBubble(page, 'العربية').waitFor();
    await recordDirection(page, 'after choosing Arabic', 'rtl');
    await page.screenshot({ path: join(artifacts, 'webchat-arabic.png'), fullPage: true });
    await assertAllSent(page);
    assert.equal(await botBubble(page, ArabicLanguageSet).count(), 1);
    assertCleanPage();
  });

  test('reload resumes the conversation from sessionStorage', async () => {
    assert.ok(page, 'previous test did not open the page');
    const sessionBefore = await page.evaluate(() => JSON.parse(sessionStorage.getItem('iqtriage.session')));
    assert.ok(sessionBefore?.conversationId && sessionBefore.token, 'the page keeps its session');
    await page.reload();
    await botBubble(page, EnglishGreeting).first().waitFor();
    await botBubble(page, ArabicLanguageSet).first().waitFor();
    await userBubble(page, 'العربية').first().waitFor();
    await recordDirection(page, 'after reload', 'rtl');
    // Replayed, not duplicated and not greeted again.
    assert.equal(await botBubble(page, EnglishGreeting).count(), 1, 'greeting shown once');
    assert.equal(await botBubble(page, ArabicLanguageSet).count(), 1, 'Arabic reply shown once');
    const sessionAfter = await page.evaluate(() => JSON.parse(sessionStorage.getItem('iqtriage.session')));
    assert.equal(sessionAfter.conversationId, sessionBefore.conversationId, 'same conversation after reload');
    await assertAllSent(page);
    await page.screenshot({ path: join(artifacts, 'webchat-reload.png'), fullPage: true });
    assertCleanPage();
  });

  test('after a host restart the reloaded page shows the history and the bot answers in Arabic', async () => {
    assert.ok(page, 'previous test did not open the page');
    await host.restart();
    await page.reload();
    await botBubble(page, EnglishGreeting).first().waitFor();
    await botBubble(page, ArabicLanguageSet).first().waitFor();
    await recordDirection(page, 'after restart and reload', 'rtl');

    const input = page.locator('[data-id="webchat-sendbox-input"]');
    await input.fill('عندي شهادة جامعية');
    await input.press('Enter');
    await userBubble(page, 'عندي شهادة جامعية').waitFor();
    await botBubble(page, ArabicReprompt).waitFor();
    await assertAllSent(page);
    assert.equal(await botBubble(page, EnglishGreeting).count(), 1, 'greeting shown once');
    await page.screenshot({ path: join(artifacts, 'webchat-after-restart.png'), fullPage: true });
    assertCleanPage();
    await page.close();
  });
});

test('embed.js on another site shows a floating button that opens the chat in an iframe', async () => {
  const html = `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Partner site</title></head>
<body><h1>Beratung</h1><p>Some partner page.</p>
<script src="${host.baseUrl}/embed.js" data-lang="ar" data-label="Chat" async></script></body></html>`;
  const site = createServer((request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(html);
  });
  await new Promise((r) => site.listen(0, '127.0.0.1', r));
  const page = watch(await context.newPage());
  try {
    await page.goto(`http://127.0.0.1:${site.address().port}/`);
    const button = page.locator('#iqtriage-launcher');
    await button.waitFor();
    assert.equal(await button.innerText(), 'Chat');
    assert.equal(await button.evaluate((b) => getComputedStyle(b).position), 'fixed');
    assert.equal(await button.getAttribute('aria-expanded'), 'false');

    await button.click();
    const frameElement = page.locator('iframe#iqtriage-frame');
    await frameElement.waitFor();
    const src = await frameElement.getAttribute('src');
    assert.equal(src, `${host.baseUrl}/?embed=1&lang=ar`, 'the iframe points at the host');
    assert.equal(await button.getAttribute('aria-expanded'), 'true');

    const frame = page.frameLocator('iframe#iqtriage-frame');
    await frame.locator('.webchat__bubble', { hasText: ArabicGreeting }).first().waitFor();
    const chat = await (await frameElement.elementHandle()).contentFrame();
    assert.equal(await chat.evaluate(() => document.documentElement.dir), 'rtl', 'data-lang="ar" opens the chat right-to-left');
    assert.equal(await chat.evaluate(() => document.body.classList.contains('embedded')), true);
    // The framed chat is fully usable: a button press is echoed and answered.
    await frame.locator('.webchat__suggested-action', { hasText: 'English' }).click();
    await frame.locator('.webchat__bubble:not(.webchat__bubble--from-user)', { hasText: 'Thank you. We will continue in English.' }).waitFor();
    await frame.locator('.webchat__bubble--from-user', { hasText: 'English' }).waitFor();
    await recordDirection(chat, 'embedded chat after choosing English', 'ltr');
    await page.screenshot({ path: join(artifacts, 'embed.png') });

    await button.click();
    assert.equal(await frameElement.evaluate((f) => f.style.display), 'none', 'a second click hides the chat');
    assert.equal(await button.getAttribute('aria-expanded'), 'false');
    assertCleanPage();
  } finally {
    await page.close();
    site.close();
  }
});

test('the page follows the conversation language: right-to-left for Arabic, left-to-right again for English', () => {
  assert.ok(directions.length > 0, 'no stage reached a language answer');
  const wrong = directions.filter((d) => JSON.stringify(d.actual) !== JSON.stringify(d.expected));
  assert.ok(wrong.length === 0, `<html dir/lang> and the Web Chat transcript direction do not follow the bot's language:\n${
    wrong.map((d) => `${d.stage}: expected ${JSON.stringify(d.expected)}, got ${JSON.stringify(d.actual)}`).join('\n')}`);
});
