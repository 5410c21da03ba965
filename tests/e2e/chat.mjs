// Driving the real Web Chat page in headless Chromium: start the browser, press buttons, type, and wait for
// the bot's answer the way a person would.
import { chromium } from 'playwright-core';

const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export function launchChromium() {
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

export const botBubbles = (page) => page.locator('.webchat__bubble:not(.webchat__bubble--from-user)');

/** Does something, then waits for the bot's answer; returns the text of all bot bubbles it added. */
export async function step(page, action) {
  const before = await botBubbles(page).count();
  await action();
  await page.waitForFunction((count) =>
    document.querySelectorAll('.webchat__bubble:not(.webchat__bubble--from-user)').length > count, before, { timeout: 20_000 });
  // Replies of one turn arrive one after another; give the last of them a moment.
  await page.waitForTimeout(400);
  return (await botBubbles(page).allTextContents()).slice(before).join('\n');
}

/** Presses the suggested action at <index> (negative: from the end). */
export const press = (page, index) => step(page, async () => {
  const actions = page.locator('.webchat__suggested-action');
  await actions.first().waitFor();
  await actions.nth(index >= 0 ? index : (await actions.count()) + index).click();
});

export const pressText = (page, text) => step(page, () => page.locator('.webchat__suggested-action', { hasText: text }).first().click());

export const type = (page, text) => step(page, async () => {
  const input = page.locator('[data-id="webchat-sendbox-input"]');
  await input.fill(text);
  await input.press('Enter');
});
