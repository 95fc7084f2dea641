// The patient page in real Chromium (Debian's, driven by playwright-core), against an `npm start`-like
// server (PGlite) in a child process: time from navigation to the first bot message on screen, with a
// cold cache (a fresh browser profile each time) and a warm one, and from a button click to the next
// bot message on screen; each the median of N, unthrottled and with the CPU slowed 4× through DevTools
// (Emulation.setCPUThrottlingRate) to stand for a mid-range phone.
//
// "On screen" is read from the page's own performance marks (set in a requestAnimationFrame callback,
// i.e. just before the frame that paints the message is drawn): `intake-first-question` when boot.js
// shows the welcome before Web Chat is ready, `intake-webchat-first-message` when Web Chat shows it.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startBenchServer } from './servers.js';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export interface PageTimings {
  /** ms, median of `samples`; the first bot message on screen after navigation. */
  firstMessageCold: number;
  firstMessageWarm: number;
  /** ms, median; Web Chat itself showing the first message (the welcome placeholder is gone by then). */
  webChatReadyWarm: number;
  /** ms, median; a click on a suggested action to the next bot message on screen. */
  clickToNext: number;
}

export interface PageResults {
  samples: number;
  unthrottled: PageTimings;
  throttled4x: PageTimings;
  chromium: string;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return Math.round(sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2);
}

async function throttle(context: BrowserContext, page: Page, rate: number): Promise<void> {
  if (rate === 1) return;
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
}

/** Navigates and returns [first bot message on screen, Web Chat's first message on screen] in ms. */
async function firstMessage(context: BrowserContext, url: string, rate: number): Promise<[number, number]> {
  const page = await context.newPage();
  await throttle(context, page, rate);
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => performance.getEntriesByName('intake-webchat-first-message').length > 0, undefined, { timeout: 60_000, polling: 100 });
  // A string, not a function: tsx would wrap a named helper in __name(), which the page does not have.
  const [question, webChat] = (await page.evaluate(
    `['intake-first-question', 'intake-webchat-first-message'].map((n) => performance.getEntriesByName(n)[0]?.startTime ?? Infinity)`,
  )) as [number, number];
  const first = Math.min(question, webChat);
  await page.close();
  return [first, webChat];
}

/** Opens the page, waits for the consent buttons, clicks one; ms from the click to the next bot message drawn. */
async function clickToNext(context: BrowserContext, url: string, rate: number): Promise<number> {
  const page = await context.newPage();
  await page.goto(url);
  const button = page.locator('.webchat__suggested-actions').getByRole('button', { name: 'Yes, I agree', exact: true });
  await button.waitFor({ timeout: 60_000 });
  await throttle(context, page, rate);
  // Timed inside the page: from the click event to the frame that draws the next bot activity.
  await page.evaluate(() => {
    const w = window as unknown as { clickTiming: Promise<number> };
    w.clickTiming = new Promise((resolve) => {
      document.addEventListener(
        'click',
        () => {
          const t0 = performance.now();
          const transcript = document.querySelector('.webchat__basic-transcript__transcript') ?? document.body;
          const before = transcript.querySelectorAll('.webchat__basic-transcript__activity').length;
          const observer = new MutationObserver(() => {
            const items = transcript.querySelectorAll('.webchat__basic-transcript__activity');
            const last = items[items.length - 1];
            if (items.length > before && last && !last.querySelector('.webchat__bubble--from-user') && last.querySelector('.webchat__bubble')) {
              observer.disconnect();
              requestAnimationFrame(() => resolve(performance.now() - t0));
            }
          });
          observer.observe(transcript, { childList: true, subtree: true });
        },
        { capture: true, once: true },
      );
    });
  });
  await button.click();
  const ms = await page.evaluate(() => (window as unknown as { clickTiming: Promise<number> }).clickTiming);
  await page.close();
  return ms;
}

async function measure(browser: Browser, url: string, samples: number, rate: number, log: (line: string) => void): Promise<PageTimings> {
  const cold: number[] = [];
  for (let i = 0; i < samples; i++) {
    // A new context is a new profile: nothing cached, as on a patient's first visit.
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    cold.push((await firstMessage(context, url, rate))[0]);
    await context.close();
  }
  // One context: the bundle is cached after the first visit; each page has its own sessionStorage, so
  // each is a new conversation, as a returning visitor's would be.
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  await firstMessage(context, url, 1);
  const warm: number[] = [];
  const ready: number[] = [];
  for (let i = 0; i < samples; i++) {
    const [first, webChat] = await firstMessage(context, url, rate);
    warm.push(first);
    ready.push(webChat);
  }
  const clicks: number[] = [];
  for (let i = 0; i < samples; i++) clicks.push(await clickToNext(context, url, rate));
  await context.close();
  const timings = { firstMessageCold: median(cold), firstMessageWarm: median(warm), webChatReadyWarm: median(ready), clickToNext: median(clicks) };
  log(`  page, CPU ${rate}×: first message cold ${timings.firstMessageCold} ms, warm ${timings.firstMessageWarm} ms (Web Chat ready ${timings.webChatReadyWarm} ms), click → next ${timings.clickToNext} ms`);
  return timings;
}

/** null when there is no Chromium to drive (the rest of the bench still runs). */
export async function runPageBench(options: { samples: number; logLevel: string; log: (line: string) => void }): Promise<PageResults | null> {
  if (!existsSync(CHROMIUM)) {
    options.log(`page: skipped, no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);
    return null;
  }
  const server = await startBenchServer('intake-pglite', { logLevel: options.logLevel });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  try {
    options.log(`page: median of ${options.samples}, a 390×844 phone viewport`);
    // Once before measuring: the server compresses the Web Chat bundle on its first request.
    const warmup = await browser.newContext();
    await firstMessage(warmup, server.url, 1);
    await warmup.close();
    const unthrottled = await measure(browser, server.url, options.samples, 1, options.log);
    const throttled4x = await measure(browser, server.url, options.samples, 4, options.log);
    return { samples: options.samples, unthrottled, throttled4x, chromium: browser.version() };
  } finally {
    await browser.close();
    await server.stop();
  }
}
