// Driving the patient page in Chromium: where the conversation is, pressing the bot's buttons, and
// catching anything the browser complains about (CSP violations, script errors).
import { expect } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.js';
import type { RunningServer } from '../../src/server/createServer.js';
import { startTestServer } from '../support/server.js';

/** The real server and a real Chromium that a browser test file shares. */
export function startServerAndBrowser(): Promise<[RunningServer, Browser]> {
  return Promise.all([startTestServer(), launchBrowser()]);
}

export async function closeServerAndBrowser(browser: Browser | undefined, server: RunningServer | undefined): Promise<void> {
  await browser?.close();
  await server?.close();
}

export interface OpenPage {
  page: Page;
  /** CSP violations and uncaught errors seen so far; a clean run leaves it empty. */
  problems: string[];
}

/** `prepare` runs before the page is opened (routes that hold back or change a request). */
export async function openChat(browser: Browser, url: string, viewport = { width: 1280, height: 860 }, prepare?: (page: Page) => Promise<void>): Promise<OpenPage> {
  const context = await browser.newContext({ viewport, ...(viewport.width < 500 ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}) });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) problems.push(`csp: ${message.text()}`);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  await prepare?.(page);
  await page.goto(url);
  return { page, problems };
}

/** The step of the bot's latest question, from Web Chat's own store. */
export function currentStep(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const store = (window as unknown as { intakeChat?: { store: { getState(): { activities: Array<Record<string, any>> } } } }).intakeChat?.store;
    const prompt = [...(store?.getState().activities ?? [])].reverse().find((a) => a['from']?.role === 'bot' && a['channelData']?.intake);
    return prompt ? (prompt['channelData'].intake.step as string) : null;
  });
}

/**
 * Asserts the bot's latest question is at `step`; a failure shows the end of the conversation as the
 * page holds it (who, step, words, order), which is what tells a slow page from a wrong answer.
 */
export async function expectStep(page: Page, step: string): Promise<void> {
  const actual = await currentStep(page);
  if (actual === step) return;
  const tail = await page.evaluate(() => {
    const store = (window as unknown as { intakeChat?: { store: { getState(): { activities: Array<Record<string, any>> } } } }).intakeChat?.store;
    return (store?.getState().activities ?? [])
      .filter((a) => a['type'] === 'message')
      .slice(-8)
      .map((a) => `${a['from']?.role} #${a['channelData']?.['webchat:sequence-id'] ?? '?'} ${a['channelData']?.['webchat:send-status'] ?? ''} [${a['channelData']?.intake?.step ?? '-'}] ${String(a['text'] ?? '').slice(0, 60)}`);
  });
  expect(actual, `expected the bot to be asking ${step}; the page holds:\n${tail.join('\n')}`).toBe(step);
}

/** Waits until the bot asks something new: a different step, or more questions than before. */
export async function nextStep(page: Page, previousCount: number): Promise<{ step: string; count: number }> {
  const handle = await page.waitForFunction(
    (before) => {
      const store = (window as unknown as { intakeChat?: { store: { getState(): { activities: Array<Record<string, any>> } } } }).intakeChat?.store;
      const prompts = (store?.getState().activities ?? []).filter((a) => a['from']?.role === 'bot' && a['channelData']?.intake);
      return prompts.length > before ? { step: prompts.at(-1)!['channelData'].intake.step, count: prompts.length } : null;
    },
    previousCount,
    { timeout: 10_000 },
  );
  const next = (await handle.jsonValue()) as { step: string; count: number };
  await drawn(page);
  return next;
}

/**
 * Waits until the page has drawn what its store holds: Web Chat's store tells React of changes at the
 * next frame (web/static/latency.js), and a patient answers what is on screen, not what is in the store.
 */
export async function drawn(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}

export function promptCount(page: Page): Promise<number> {
  return page.evaluate(() => {
    const store = (window as unknown as { intakeChat?: { store: { getState(): { activities: Array<Record<string, any>> } } } }).intakeChat?.store;
    return (store?.getState().activities ?? []).filter((a) => a['from']?.role === 'bot' && a['channelData']?.intake).length;
  });
}

/** A suggested-action button (Web Chat also keeps hidden screen-reader copies: not those). */
export function suggested(page: Page, name: string | RegExp) {
  return page.locator('.webchat__suggested-actions').getByRole('button', { name, exact: typeof name === 'string' });
}

/**
 * Taps a body-chart area by its name ("Lower back, back"), as a patient would: on a chart that shows
 * one view at a time (a phone), first the Front / Back switch when the area is on the other view.
 */
export async function tapChart(page: Page, name: string): Promise<void> {
  const chart = page.locator('.bodychart').last();
  const view = / back$/.test(name) ? 'Back' : 'Front';
  const toggle = chart.getByRole('button', { name: view, exact: true });
  if ((await toggle.count()) > 0 && (await toggle.isVisible()) && (await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
  await chart.getByRole('checkbox', { name, exact: true }).click();
}

/** A button on the latest Adaptive Card. */
export function cardButton(page: Page, name: string) {
  return page.locator('.ac-adaptiveCard').last().getByRole('button', { name, exact: true });
}

export async function type(page: Page, text: string): Promise<void> {
  const box = page.getByRole('textbox', { name: 'Message input box' });
  await box.fill(text);
  await box.press('Enter');
}

export async function expectClean(problems: string[]): Promise<void> {
  expect(problems).toEqual([]);
}

/** Waits until the bot's latest question is at `step`. */
export async function untilStep(page: Page, step: string): Promise<void> {
  await page.waitForFunction(
    (wanted) => {
      const store = (window as unknown as { intakeChat?: { store: { getState(): { activities: Array<Record<string, any>> } } } }).intakeChat?.store;
      const prompt = [...(store?.getState().activities ?? [])].reverse().find((a) => a['from']?.role === 'bot' && a['channelData']?.intake);
      return prompt?.['channelData'].intake.step === wanted;
    },
    step,
    // The first page of a run also waits for the server's first compression of the Web Chat bundle.
    { timeout: 20_000 },
  );
  await connected(page);
  await drawn(page);
}

/**
 * Waits until Web Chat no longer shows "Connecting…". It shows it for a moment after it has connected (its
 * notices are debounced by 400 ms, longer on a loaded machine), and the row pushes the question up: a
 * layout measured then is not the one a patient reads.
 */
export async function connected(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('.webchat__connectivityStatus'), undefined, { timeout: 15_000 });
}

/**
 * Waits for Web Chat's smooth scroll to end (before a screenshot): at the newest message, or still for half a
 * second. A tall card or the body chart is scrolled to its top, not the transcript's end, and waiting for the
 * end there only ran out the clock (ten seconds at each such question).
 */
export async function settle(page: Page | import('playwright-core').Frame): Promise<void> {
  // Each wait counts its own still polls (a position seen by an earlier wait does not count).
  const wait = `${Date.now()}-${Math.random()}`;
  await page
    .waitForFunction(
      (id) => {
        const s = document.querySelector('.webchat__basic-transcript__scrollable');
        if (!s || s.scrollHeight - s.clientHeight - s.scrollTop < 2) return true;
        const w = window as unknown as { settleWait?: string; settleAt?: string; settleSeen?: number };
        if (w.settleWait !== id) Object.assign(w, { settleWait: id, settleAt: undefined, settleSeen: 0 });
        const at = `${s.scrollTop}|${s.scrollHeight}`;
        w.settleSeen = w.settleAt === at ? (w.settleSeen ?? 0) + 1 : 0;
        w.settleAt = at;
        return w.settleSeen >= 5;
      },
      wait,
      // Seconds on a loaded machine (CI runs the browser files beside the rest); a wait that runs out
      // leaves the assertion after it to say what is off screen.
      { timeout: 10_000, polling: 100 },
    )
    .catch(() => undefined);
}
