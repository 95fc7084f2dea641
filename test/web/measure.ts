// What the accessibility tests measure on the patient page: axe-core's WCAG 2.1 A/AA and 2.2 rules
// (target size among them), the size of every control a patient taps, and sideways scrolling.
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { AxeResults } from 'axe-core';

// axe-core itself, evaluated once per page (not re-injected for every check: that doubled each check's time).
const axeSource = (createRequire(import.meta.url)('axe-core') as { source: string }).source;

/** axe-core's violations (WCAG 2.0/2.1 A and AA, 2.2 AA), one line each, with the elements they hit. */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const result = (await page.evaluate(() =>
    (window as unknown as { axe: { run(ctx: Document, o: object): Promise<unknown> } }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      resultTypes: ['violations'],
    }),
  )) as AxeResults;
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 4).join(', ')})`);
}

export interface Target {
  name: string;
  width: number;
  height: number;
}

/**
 * Every visible control in the chat that a patient taps, with its size in CSS px. Inline links inside
 * text are left out (WCAG 2.5.8's inline exception); body-chart areas are measured apart (chartTargets).
 */
export function tapTargets(page: Page): Promise<Target[]> {
  return page.evaluate(() => {
    const selector = '#chat button, #chat input, #chat textarea, #chat a.intake-call, #chat [role="button"], .close-embed';
    return [...document.querySelectorAll<HTMLElement>(selector)]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        if (r.width === 0 || r.height === 0 || style.visibility === 'hidden') return false;
        // Web Chat's off-screen copies for screen readers and its hidden file input are not tapped.
        if (el.closest('.webchat__screen-reader-activity, .webchat__live-region-activity, [aria-hidden="true"], .webchat__upload-button')) return false;
        if (el.closest('[inert]') || (el as HTMLButtonElement).disabled) return false;
        return r.bottom > 0 && r.right > 0 && r.left < innerWidth;
      })
      .map((el) => {
        const r = el.getBoundingClientRect();
        const name = el.getAttribute('aria-label') || el.textContent?.trim() || el.getAttribute('title') || el.tagName;
        return { name: name.slice(0, 40), width: Math.round(r.width), height: Math.round(r.height) };
      });
  });
}

/** The tappable area of each body-chart region (its drawing and its hit area together), in CSS px. */
export function chartTargets(page: Page): Promise<Target[]> {
  return page.locator('.bc-region').evaluateAll((nodes) =>
    nodes.map((n) => {
      const hit = n.ownerDocument.querySelector(`.bc-hit[data-for="${n.id}"]`);
      const rects = [n.getBoundingClientRect(), ...(hit ? [hit.getBoundingClientRect()] : [])];
      const width = Math.max(...rects.map((r) => r.right)) - Math.min(...rects.map((r) => r.left));
      const height = Math.max(...rects.map((r) => r.bottom)) - Math.min(...rects.map((r) => r.top));
      return { name: n.getAttribute('aria-label') ?? '', width: Math.round(width), height: Math.round(height) };
    }),
  );
}

/** Horizontal overflow of the page and of the transcript (0 when nothing scrolls sideways). */
export function sidewaysScroll(page: Page): Promise<{ page: number; transcript: number }> {
  return page.evaluate(() => {
    const transcript = document.querySelector('.webchat__basic-transcript__scrollable');
    return {
      page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      transcript: transcript ? transcript.scrollWidth - transcript.clientWidth : 0,
    };
  });
}
