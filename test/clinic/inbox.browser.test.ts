// The staff inbox in real Chromium: sign in, the list with triage badges, an intake's detail, and the
// print view (screenshots kept in test/artifacts/; the PDF must fit on one A4 page).
import { writeFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepConversations } from '../../src/clinic/abandoned.js';
import { EXAMPLE_CLINIC } from '../../dialogs/clinicProfile.js';
import { artifactPath, launchBrowser, skipBrowser } from '../support/browser.js';
import { TOKEN, completeIntake, emergencyIntake, partialIntake, startClinicServer, type ClinicServer } from './support.js';
import pino from 'pino';

describe.skipIf(skipBrowser)('staff inbox in Chromium', () => {
  let server: ClinicServer;
  let browser: Browser;
  let reviewId: string;

  beforeAll(async () => {
    server = await startClinicServer();
    browser = await launchBrowser();
    await partialIntake(server.url, 'inbox-left');
    await server.db.query(`UPDATE bot_state SET updated_at = now() - interval '30 hours'`);
    await sweepConversations(server.db, { clinic: EXAMPLE_CLINIC, abandonedAfterHours: 24, retentionDays: 90, webhook: false, logger: pino({ level: 'silent' }) });
    await completeIntake(server.url, 'inbox-routine', { where: 'neck', contact: 'Chris Nguyen 0400 111 222' });
    await emergencyIntake(server.url, 'inbox-emergency');
    await completeIntake(server.url, 'inbox-doctor', { where: 'lower back', redFlags: 'I had cancer a few years ago', contact: 'no thanks' });
    const review = await completeIntake(server.url, 'inbox-review', {
      where: 'right shoulder and neck',
      redFlags: 'pins and needles in my right hand',
      precautions: 'I am pregnant',
      contact: 'Priya Sharma 0412 345 678 priya@example.com',
    });
    reviewId = review.intakeId;
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('signs in, lists intakes with triage badges, opens one, and prints it on one A4 page', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 820 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));

    await page.goto(`${server.url}/clinic`);
    expect(new URL(page.url()).pathname).toBe('/clinic/login');
    await page.fill('#token', 'not-the-token');
    await page.click('button[type=submit]');
    await expect.poll(() => page.locator('[role=alert]').textContent()).toMatch(/not right/);
    await page.fill('#token', TOKEN);
    await page.click('button[type=submit]');
    await page.waitForURL(`${server.url}/clinic`);
    // The token never appears in a URL, and the session cookie is out of reach of scripts.
    expect(page.url()).not.toContain(TOKEN);
    errors.length = 0; // the wrong token's 401 above was expected
    const cookies = await context.cookies();
    expect(cookies).toEqual([expect.objectContaining({ name: 'clinic_session', httpOnly: true, sameSite: 'Strict', path: '/clinic' })]);
    expect(await page.evaluate(() => document.cookie)).toBe('');

    const rows = page.locator('table.intakes tbody tr');
    await expect.poll(() => rows.count()).toBe(5);
    const badges = await page.locator('table.intakes tbody .badge').allTextContents();
    for (const label of ['Emergency', 'See doctor', 'Review', 'Routine', 'Not screened', 'Abandoned', 'Urgent care', 'Confirmed']) expect(badges).toContain(label);
    await page.screenshot({ path: await artifactPath('inbox-list.png'), fullPage: true });

    // Filter: emergencies only.
    await page.selectOption('select[name=triage]', 'emergency');
    await page.click('.filters button[type=submit]');
    await expect.poll(() => rows.count()).toBe(1);
    await page.click('text=Clear');
    await expect.poll(() => rows.count()).toBe(5);

    await page.click('text=Priya Sharma');
    await page.waitForURL(`${server.url}/clinic/intakes/${reviewId}`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Priya Sharma');
    const alert = await page.locator('.alert').textContent();
    expect(alert).toMatch(/Review/);
    expect(alert).toMatch(/Pregnant/);
    expect(await page.locator('dd', { hasText: '0412 345 678' }).count()).toBe(1);
    expect(await page.locator('button[data-print]').isVisible()).toBe(true);
    await page.screenshot({ path: await artifactPath('inbox-detail.png'), fullPage: true });

    await page.click('text=Print view');
    await page.waitForURL(`${server.url}/clinic/intakes/${reviewId}/print`);
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.screenshot({ path: await artifactPath('inbox-print.png'), fullPage: true });
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    await writeFile(await artifactPath('inbox-print.pdf'), pdf);
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages).toHaveLength(1);

    expect(errors).toEqual([]);
    await context.close();
  });
});
