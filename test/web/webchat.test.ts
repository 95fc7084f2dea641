// The patient page end to end in Chromium (playwright-core, Debian's chromium): the stock Web Chat
// against the bot's own Direct Line. Screenshots go to test/artifacts/ (git-ignored).
// Mandatory in CI (CI=true fails without Chromium); locally they skip with a message.
import { createServer, type Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/createServer.js';
import { artifactPath, launchBrowser, skipBrowser } from '../support/browser.js';
import { freePort, startTestServer } from '../support/server.js';
import { cardButton, currentStep, expectClean, expectStep, nextStep, openChat, promptCount, settle, suggested, type, untilStep, closeServerAndBrowser, startServerAndBrowser } from './support.js';

async function progressText(page: Page): Promise<string | null> {
  return page.getByRole('progressbar', { name: 'Progress through the questions' }).getAttribute('aria-valuetext');
}

/** Presses Tab until the focused element matches; fails after `max` presses. */
async function tabTo(page: Page, matches: (el: { tag: string; name: string; cls: string; role: string }) => boolean, max = 15): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const el = await page.evaluate(() => {
      const e = document.activeElement as HTMLElement | null;
      return { tag: e?.tagName ?? '', name: e?.getAttribute('aria-label') ?? e?.textContent?.trim() ?? '', cls: String((e as unknown as SVGElement)?.className?.baseVal ?? e?.className ?? ''), role: e?.getAttribute('role') ?? '' };
    });
    if (matches(el)) return;
  }
  throw new Error('Tab never reached the element');
}

async function noSidewaysScroll(page: Page, width: number): Promise<void> {
  const widths = await page.evaluate(() => {
    const transcript = document.querySelector('.webchat__basic-transcript__scrollable');
    return { page: document.documentElement.scrollWidth, transcript: transcript ? transcript.scrollWidth - transcript.clientWidth : 0 };
  });
  expect(widths.page).toBeLessThanOrEqual(width);
  expect(widths.transcript).toBeLessThanOrEqual(0);
}

describe.skipIf(skipBrowser)('the patient page in a real browser', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await startServerAndBrowser();
  });
  afterAll(() => closeServerAndBrowser(browser, server));

  it('takes a patient from greeting to booking link: buttons, body chart, typing, a reload mid-way', { timeout: 90_000 }, async () => {
    const started = Date.now();
    const { page, problems } = await openChat(browser, server.url);
    await untilStep(page, 'consent');
    expect(await page.title()).toBe('Harbourside Myotherapy: pre-appointment questions');
    expect(await progressText(page)).toBe('Step 1 of 15');
    await settle(page);
    await page.screenshot({ path: await artifactPath('webchat-desktop-1-welcome.png') });

    let count = await promptCount(page);
    await suggested(page, 'Yes, I agree').click();
    ({ count } = await nextStep(page, count));
    await expectStep(page, 'location');

    // The body chart: front and back, left and right, the same area in both views.
    await page.getByRole('checkbox', { name: 'Right shoulder, front' }).click();
    await page.getByRole('checkbox', { name: 'Lower back, back' }).click();
    expect(await page.getByRole('checkbox', { name: 'Right shoulder, back' }).getAttribute('aria-checked')).toBe('true');
    expect(await page.getByRole('checkbox', { name: 'Left shoulder, back' }).getAttribute('aria-checked')).toBe('false');
    await page.getByText('Selected: right shoulder and lower back').waitFor();
    await page.screenshot({ path: await artifactPath('webchat-desktop-2-body-chart.png') });
    await page.getByRole('button', { name: 'Send (2)' }).click();
    ({ count } = await nextStep(page, count));
    await expectStep(page, 'primary');
    await page.locator('.webchat__bubble--from-user').getByText('Right shoulder and lower back').waitFor();
    // The chart belongs to the open question only.
    expect(await page.locator('.bodychart').count()).toBe(0);

    await suggested(page, /right shoulder/i).click();
    ({ count } = await nextStep(page, count));
    await expectStep(page, 'spread');
    await page.getByRole('checkbox', { name: 'Right upper arm, front' }).click();
    await page.getByRole('button', { name: 'Send (1)' }).click();
    ({ count } = await nextStep(page, count));
    await expectStep(page, 'duration');

    await type(page, 'about 5 weeks');
    ({ count } = await nextStep(page, count));
    await expectStep(page, 'cause');

    // Reload mid-way: same conversation, its history, no second welcome, the progress bar restored.
    const conversationId = await page.evaluate(() => (window as unknown as { intakeChat: { conversationId: string } }).intakeChat.conversationId);
    await page.reload();
    await untilStep(page, 'cause');
    expect(await page.evaluate(() => (window as unknown as { intakeChat: { conversationId: string } }).intakeChat.conversationId)).toBe(conversationId);
    await page.locator('.webchat__bubble--from-user').getByText('about 5 weeks').waitFor();
    const welcomes = await page.evaluate(
      () => (window as unknown as { intakeChat: { store: { getState(): { activities: Array<Record<string, any>> } } } }).intakeChat.store.getState().activities.filter((a) => a['channelData']?.intake?.step === 'consent').length,
    );
    expect(welcomes).toBe(1);
    expect(await progressText(page)).toBe('Step 7 of 15');
    count = await promptCount(page);

    await page.getByRole('checkbox', { name: /desk work/ }).check();
    await page.getByRole('checkbox', { name: /Stress or tension/ }).check();
    await cardButton(page, 'Send').click();
    ({ count } = await nextStep(page, count));
    await expectStep(page, 'intensity_now');
    await suggested(page, '6').click();
    ({ count } = await nextStep(page, count));
    await type(page, 'about an 8');
    ({ count } = await nextStep(page, count));
    await expectStep(page, 'movement');
    while ((await currentStep(page)) === 'movement') {
      await suggested(page, 'Some').click();
      ({ count } = await nextStep(page, count));
    }
    await expectStep(page, 'red_flags');
    await cardButton(page, 'None of these').click();
    ({ count } = await nextStep(page, count));
    await expectStep(page, 'precautions');
    await cardButton(page, 'None of these').click();
    ({ count } = await nextStep(page, count));
    await expectStep(page, 'summary');

    // The summary card the patient checks.
    const summary = page.locator('.ac-adaptiveCard').filter({ hasText: 'Your pre-assessment' }).last();
    await summary.waitFor();
    const facts = await summary.innerText();
    expect(facts).toMatch(/right shoulder \(main\)/);
    expect(facts).toMatch(/lower back/);
    expect(facts).toMatch(/right upper arm/);
    expect(facts).toMatch(/stress or tension/);
    expect(facts).toMatch(/6\/10/);
    await summary.scrollIntoViewIfNeeded();
    await page.screenshot({ path: await artifactPath('webchat-desktop-3-summary.png') });
    await suggested(page, "Yes, that's right").click();
    ({ count } = await nextStep(page, count));
    await expectStep(page, 'contact');

    await page.getByRole('textbox', { name: /Your name/ }).last().fill('Sam Patient');
    await page.getByRole('textbox', { name: /Phone/ }).last().fill('0400 000 000');
    await cardButton(page, 'Send my details').click();
    await untilStep(page, 'done');
    // Scoped to the visible transcript: Web Chat keeps screen-reader copies of cards elsewhere.
    const transcript = page.locator('.webchat__basic-transcript__scrollable');
    await transcript.getByRole('button', { name: /^Book: Initial consultation/ }).waitFor();
    // The card's button is the booking link; the raw URL (for channels without cards) is not shown as well.
    expect(await transcript.getByRole('link', { name: /booking\.example\.com\/harbourside/ }).count()).toBe(0);
    expect(await progressText(page)).toBe('Finished');
    await settle(page);
    await page.screenshot({ path: await artifactPath('webchat-desktop-4-booking.png') });

    await expectClean(problems);
    // Measured: about 12 s on a laptop-class machine, including the reload.
    expect(Date.now() - started).toBeLessThan(60_000);
    await page.context().close();
  });

  it('works on a 360 px phone screen by keyboard alone, with named inputs and chart areas', { timeout: 90_000 }, async () => {
    const { page, problems } = await openChat(browser, server.url, { width: 360, height: 740 });
    await untilStep(page, 'consent');
    expect(await page.getByRole('textbox', { name: 'Message input box' }).count()).toBe(1);
    await noSidewaysScroll(page, 360);

    let count = await promptCount(page);
    await tabTo(page, (el) => el.tag === 'BUTTON' && el.name === 'Yes, I agree');
    await page.keyboard.press('Enter');
    ({ count } = await nextStep(page, count));
    await expectStep(page, 'location');

    // Every area of the chart has a name.
    const names = await page.locator('.bc-region').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('aria-label') ?? ''));
    expect(names.length).toBe(50);
    expect(names.every((n) => /^(Head|(Left |Right )?[A-Z]?[a-z ]+(, (front|back))?)$/i.test(n) && n.length > 3)).toBe(true);
    await settle(page);
    await page.screenshot({ path: await artifactPath('webchat-phone-1-body-chart.png') });

    // After the answer, focus is on the next question's first control: here the chart's first area.
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Head');
    // Arrow keys move by position: down from the head is the neck, then the chest; right of the
    // front view's chest is the back view.
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe('Neck, front');
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe('Chest, front');
    await page.keyboard.press('ArrowUp');
    expect(await focused()).toBe('Neck, front');
    await page.keyboard.press('ArrowUp');
    expect(await focused()).toMatch(/jaw, front$/);
    await page.keyboard.press('ArrowUp');
    expect(await focused()).toBe('Head');
    await page.keyboard.press('Enter');
    // The back view is behind the Front / Back switch on a phone; its neck is the same area.
    expect(await page.getByRole('checkbox', { name: 'Neck, back', includeHidden: true }).getAttribute('aria-checked')).toBe('true');
    await tabTo(page, (el) => el.tag === 'BUTTON' && el.name.startsWith('Send ('), 4);
    await page.keyboard.press('Enter');
    ({ count } = await nextStep(page, count));
    await expectStep(page, 'primary');

    // The rest typed, by keyboard, into the send box.
    const answers: Record<string, string> = {
      primary: 'neck',
      spread: 'no',
      duration: '2 weeks',
      cause: 'bad posture',
      intensity_now: '4',
      intensity_worst: '6',
      movement: 'some',
      red_flags: 'none of these',
      precautions: 'none',
      summary: 'yes',
      contact: 'no thanks',
    };
    const box = page.getByRole('textbox', { name: 'Message input box' });
    for (let step = await currentStep(page); step && answers[step]; step = await currentStep(page)) {
      await box.focus();
      await page.keyboard.type(answers[step]!);
      await page.keyboard.press('Enter');
      if (step === 'contact') break;
      ({ count } = await nextStep(page, count));
      if (step === 'summary') await noSidewaysScroll(page, 360);
    }
    await untilStep(page, 'done');
    await page.locator('.webchat__basic-transcript__scrollable').getByRole('button', { name: /^Book: / }).waitFor();
    await noSidewaysScroll(page, 360);
    await settle(page);
    await page.screenshot({ path: await artifactPath('webchat-phone-2-booking.png') });
    await expectClean(problems);
    await page.context().close();
  });
});

describe.skipIf(skipBrowser)('the widget on a clinic website', () => {
  let bot: RunningServer;
  let browser: Browser;
  let allowedSite: Server;
  let otherSite: Server;
  let allowedUrl: string;
  let otherUrl: string;

  const hostPage = (botUrl: string) =>
    `<!doctype html><html><head><title>Clinic home</title></head><body><h1>Welcome to our clinic</h1>` +
    `<script src="${botUrl}/widget.js" data-label="Talk to us" async></script></body></html>`;

  beforeAll(async () => {
    const [allowedPort, otherPort] = await Promise.all([freePort(), freePort()]);
    // Another origin than the bot's 127.0.0.1, as a clinic's website would be.
    allowedUrl = `http://localhost:${allowedPort}`;
    otherUrl = `http://localhost:${otherPort}`;
    [bot, browser] = await Promise.all([startTestServer({ ALLOWED_ORIGINS: allowedUrl }), launchBrowser()]);
    const serve = (port: number, html: string) =>
      new Promise<Server>((resolve) => {
        const s = createServer((_req, res) => {
          res.writeHead(200, { 'content-type': 'text/html' });
          res.end(html);
        });
        s.listen(port, '127.0.0.1', () => resolve(s));
      });
    allowedSite = await serve(allowedPort, hostPage(bot.url));
    otherSite = await serve(otherPort, hostPage(bot.url) + `<iframe src="${bot.url}/?embed=1" title="direct frame"></iframe>`);
  });
  afterAll(async () => {
    await browser?.close();
    await bot?.close();
    allowedSite?.close();
    otherSite?.close();
  });

  it('adds a chat button that opens the chat in a panel, which its own close button closes', { timeout: 60_000 }, async () => {
    const { page, problems } = await openChat(browser, allowedUrl);
    const button = page.getByRole('button', { name: 'Talk to us' });
    await button.waitFor();
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    // No conversation is started for visitors who never open it.
    expect(await page.locator('iframe').count()).toBe(0);
    await button.click();
    const frame = page.frameLocator('iframe[title="Chat with Harbourside Myotherapy"]');
    await frame.locator('.webchat__suggested-actions').getByRole('button', { name: 'Yes, I agree' }).click();
    await frame.getByRole('checkbox', { name: 'Right knee, front' }).waitFor();
    const inner = page.frames().find((f) => f.url().includes('embed=1'));
    if (inner) await settle(inner);
    await page.screenshot({ path: await artifactPath('widget-open.png') });
    await frame.getByRole('button', { name: 'Close chat' }).click();
    await page.getByRole('dialog', { name: 'Chat with Harbourside Myotherapy' }).waitFor({ state: 'hidden' });
    expect(await page.getByRole('button', { name: 'Talk to us' }).getAttribute('aria-expanded')).toBe('false');
    await expectClean(problems);
    await page.context().close();
  });

  it('shows nothing on a site that is not allowed, and the page refuses to be framed there', { timeout: 60_000 }, async () => {
    const { page, problems } = await openChat(browser, otherUrl);
    const warnings: string[] = [];
    page.on('console', (m) => warnings.push(m.text()));
    await page.reload();
    await page.waitForLoadState('load');
    await page.waitForTimeout(500);
    expect(await page.getByRole('button', { name: 'Talk to us' }).count()).toBe(0);
    expect(warnings.some((w) => /not in ALLOWED_ORIGINS/.test(w))).toBe(true);
    expect(problems.some((p) => /frame-ancestors/.test(p))).toBe(true);
    const framed = page.frames().find((f) => f !== page.mainFrame());
    expect(await framed?.locator('#chat').count().catch(() => 0)).toBe(0);
    await page.context().close();
  });
});
