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

/**
 * The tappable area of each body-chart region, in CSS px: the largest square, up to 44 px, centred on
 * the region's hit box, in which every point (every 4 px, edges included) is a tap on that region as
 * the browser itself decides it (elementFromPoint), so neighbours' hit boxes that overlap it, and
 * anything drawn over it, count against it. On a chart that shows one view at a time, each view is
 * measured in turn.
 */
export async function chartTargets(page: Page): Promise<Target[]> {
  const chart = page.locator('.bodychart').last();
  const views = chart.locator('.bc-view');
  const switchable = (await views.count()) > 0 && (await views.first().isVisible());
  const out: Target[] = [];
  for (let v = 0; v < (switchable ? await views.count() : 1); v++) {
    if (switchable) await views.nth(v).click();
    out.push(...(await chart.locator('.bc-region').evaluateAll(measureShown)));
  }
  if (switchable) await views.first().click();
  return out;
}

function measureShown(nodes: Element[]): Target[] {
  const results: Target[] = [];
  for (const node of nodes) {
    if (node.getClientRects().length === 0) continue;
    const hit = node.querySelector('.bc-hit') ?? node;
    // In view and clear of the chart's sticky footer (scrolling only when needed: each scroll costs a layout).
    const scroller = node.closest('.webchat__basic-transcript__scrollable') ?? node.ownerDocument.documentElement;
    const footer = node.closest('.bodychart')?.querySelector('.bodychart-footer')?.getBoundingClientRect();
    const view = scroller.getBoundingClientRect();
    let box = hit.getBoundingClientRect();
    if (box.top - 24 < Math.max(view.top, 0) || box.bottom + 24 > Math.min(view.bottom, footer?.top ?? Infinity, innerHeight)) {
      hit.scrollIntoView({ block: 'center', inline: 'center' });
      box = hit.getBoundingClientRect();
    }
    // Squares centred on the hit box, and pushed to its ends where it is longer than 44 px (a neighbour
    // may take one end of it). No named helper inside: a test runner's transform may wrap it in a
    // function the page lacks.
    const xs = [box.left + box.width / 2, ...(box.width > 44 ? [box.left + 23, box.right - 23] : [])];
    const ys = [box.top + box.height / 2, ...(box.height > 44 ? [box.top + 23, box.bottom - 23] : [])];
    let side = 0;
    for (const cx of xs) {
      for (const cy of ys) {
        let s = 44;
        shrink: for (; s > side; s -= 4) {
          for (let dy = 0; dy <= s; dy += 4) {
            for (let dx = 0; dx <= s; dx += 4) {
              const at = node.ownerDocument.elementFromPoint(cx - s / 2 + dx, cy - s / 2 + dy);
              if (at?.closest('.bc-region') !== node) continue shrink;
            }
          }
          break;
        }
        side = Math.max(side, s);
      }
    }
    results.push({ name: node.getAttribute('aria-label') ?? '', width: side, height: side });
  }
  return results;
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
