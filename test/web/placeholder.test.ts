// The first question before Web Chat is ready, in real Chromium: its buttons (read from the welcome)
// answer it while the Web Chat bundle is held back, the answer is sent once, and Web Chat carries on
// from the next question when it arrives.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/createServer.js';
import { artifactPath, skipBrowser } from '../support/browser.js';
import { axeViolations, tapTargets } from './measure.js';
import { closeServerAndBrowser, expectClean, openChat, startServerAndBrowser, untilStep } from './support.js';

/** The patient's messages as the server holds them (the conversation boot.js started). */
function patientMessages(page: Page): Promise<Array<{ text?: string; clientActivityID?: string }>> {
  return page.evaluate(async () => {
    const saved = JSON.parse(sessionStorage.getItem('intake-chat') ?? '{}') as { conversationId: string; token: string; userId: string };
    const res = await fetch(`/v3/directline/conversations/${encodeURIComponent(saved.conversationId)}/activities`, { headers: { Authorization: `Bearer ${saved.token}` } });
    const page = (await res.json()) as { activities: Array<Record<string, any>> };
    return page.activities
      .filter((a) => a['type'] === 'message' && a['from']?.id === saved.userId)
      .map((a) => ({ text: a['text'], clientActivityID: a['channelData']?.clientActivityID }));
  });
}

/** Holds the Web Chat bundle back until `released` settles: a phone still fetching and parsing it. */
async function holdBundle(page: Page, released: Promise<void>): Promise<void> {
  await page.route(/\/webchat\/webchat-[\d.]+\.js$/, async (route) => {
    await released;
    await route.continue();
  });
}

describe.skipIf(skipBrowser)('the first question before Web Chat is ready', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await startServerAndBrowser();
  });
  afterAll(() => closeServerAndBrowser(browser, server));

  it('answers by its buttons while the Web Chat bundle is still loading, once, and Web Chat carries on', { timeout: 60_000 }, async () => {
    // The bundle is held back until the test lets it go: a phone still parsing it.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const { page, problems } = await openChat(browser, server.url, { width: 390, height: 844 }, (p) => holdBundle(p, released));
    const preview = page.locator('.chat-preview');
    const agree = preview.getByRole('button', { name: 'Yes, I agree', exact: true });
    await agree.waitFor();
    // The buttons are the welcome's own suggested actions, and Web Chat has not run.
    const names = await preview.getByRole('button').allInnerTexts();
    expect(names.length).toBeGreaterThan(1);
    expect(await page.evaluate(() => 'WebChat' in window)).toBe(false);
    expect(await page.getByRole('progressbar').getAttribute('aria-valuetext')).toBe('Step 1 of 15');
    for (const target of await tapTargets(page)) {
      expect(target.width, target.name).toBeGreaterThanOrEqual(44);
      expect(target.height, target.name).toBeGreaterThanOrEqual(44);
    }
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: await artifactPath('placeholder-phone-1-consent.png') });

    // A double tap sends one answer.
    const box = (await agree.boundingBox())!;
    await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
    await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
    // The answer as the patient's bubble, then the next question, still without Web Chat.
    await preview.locator('.chat-preview-bubble--mine').getByText('Yes, I agree').waitFor();
    await page.waitForFunction(() => document.querySelector('.progress')?.getAttribute('aria-valuetext') === 'Step 2 of 15');
    expect(await page.evaluate(() => 'WebChat' in window)).toBe(false);
    expect(await preview.locator('.chat-preview-bubble:not(.chat-preview-bubble--mine)').count()).toBeGreaterThanOrEqual(2);
    await page.screenshot({ path: await artifactPath('placeholder-phone-2-next-question.png') });

    release();
    await untilStep(page, 'location');
    await preview.waitFor({ state: 'detached' });
    // Web Chat's replay shows the answer as the patient's own bubble, once; the server has it once.
    const transcript = page.locator('.webchat__basic-transcript__scrollable');
    await transcript.locator('.webchat__bubble--from-user').getByText('Yes, I agree').waitFor();
    expect(await transcript.locator('.webchat__bubble--from-user').count()).toBe(1);
    const sent = await patientMessages(page);
    expect(sent.map((m) => m.text)).toEqual(['Yes, I agree']);
    expect(sent[0]!.clientActivityID).toMatch(/^[0-9a-f]{16,}$/);
    // The next question is live: its body chart is there and focus is on it, not lost with the placeholder.
    await page.locator('.bodychart').waitFor();
    await page.waitForFunction(() => document.activeElement !== document.body && !!document.activeElement?.closest('#chat'));
    await expectClean(problems);
    await page.context().close();
  });

  it('keeps a keyboard answer given in it until the next question is back, then moves focus to that question in Web Chat', { timeout: 60_000 }, async () => {
    // The bundle arrives while the patient's answer is still on its way: Web Chat has only the question
    // answered, and its buttons must not take the focus (a second Enter would answer it twice).
    let releaseBundle!: () => void;
    const bundle = new Promise<void>((resolve) => (releaseBundle = resolve));
    let releaseAnswer!: () => void;
    const answerHeld = new Promise<void>((resolve) => (releaseAnswer = resolve));
    const { page, problems } = await openChat(browser, server.url, { width: 390, height: 844 }, async (p) => {
      await holdBundle(p, bundle);
      await p.route(/\/v3\/directline\/conversations\/[^/]+\/activities$/, async (route) => {
        if (route.request().method() === 'POST' && (route.request().postData() ?? '').includes('Yes, I agree')) await answerHeld;
        await route.continue();
      });
    });
    const preview = page.locator('.chat-preview');
    await preview.getByRole('button', { name: 'Yes, I agree', exact: true }).waitFor();
    for (let i = 0; i < 25 && (await page.evaluate(() => document.activeElement?.textContent?.trim())) !== 'Yes, I agree'; i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await preview.getByText('Sending your answer…').waitFor();

    releaseBundle();
    await untilStep(page, 'consent');
    // Web Chat is running with the consent question; the placeholder stays over it while the answer is out.
    await page.waitForFunction(() => document.querySelectorAll('.webchat__suggested-actions .webchat__suggested-action').length > 0);
    // Long enough for the page to hand over (it used to drop the placeholder 100 ms after Web Chat's first
    // message and focus the answered question's buttons).
    await page.waitForTimeout(500);
    expect(await preview.isVisible()).toBe(true);
    expect(await page.evaluate(() => !!document.activeElement?.closest('.webchat__suggested-actions'))).toBe(false);

    releaseAnswer();
    await untilStep(page, 'location');
    await preview.waitFor({ state: 'detached' });
    await page.waitForFunction(() => !!document.activeElement?.closest('.bodychart'), undefined, { timeout: 5000 });
    expect((await patientMessages(page)).map((m) => m.text)).toEqual(['Yes, I agree']);
    await expectClean(problems);
    await page.context().close();
  });
});
