// Real Chromium for browser tests: Debian's package, driven by playwright-core. In CI (CI=true)
// a missing browser fails the run; locally the tests skip with a message saying how to install it.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const inCI = ['true', '1', 'yes'].includes((process.env['CI'] ?? '').toLowerCase());

export const hasChromium = existsSync(CHROMIUM_PATH);
/** Use with describe.skipIf(skipBrowser): never skips in CI, where a missing browser must fail. */
export const skipBrowser = !hasChromium && !inCI;
if (skipBrowser) {
  console.warn(`Browser tests skipped: no Chromium at ${CHROMIUM_PATH}. Install it with: apt-get install -y chromium`);
}

export async function launchBrowser(): Promise<Browser> {
  if (!hasChromium) throw new Error(`Chromium not found at ${CHROMIUM_PATH}; install it with: apt-get install -y chromium`);
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    // The machines' network is closed: without these flags Chromium keeps dialling out.
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

export const ARTIFACTS = join(process.cwd(), 'test', 'artifacts');

export async function artifactPath(name: string): Promise<string> {
  await mkdir(ARTIFACTS, { recursive: true });
  return join(ARTIFACTS, name);
}
