// Patient text in the inbox's HTML: escaped, and bidi controls kept from turning the page around.
import { describe, expect, it } from 'vitest';
import { html } from '../../src/clinic/inbox/html.js';

describe('html``', () => {
  it('escapes patient text', () => {
    expect(String(html`<h1>${'<img src=x onerror=alert(1)>'}</h1>`)).toBe('<h1>&lt;img src=x onerror=alert(1)&gt;</h1>');
  });

  it('isolates text carrying a right-to-left override, so it cannot reverse what follows (the title included)', () => {
    const name = 'Sam \u202Egnp.exe';
    expect(String(html`<title>${name} · Harbourside</title>`)).toBe('<title>\u2068Sam \u202Egnp.exe\u2069 · Harbourside</title>');
    for (const control of ['\u202A', '\u202B', '\u202C', '\u202D', '\u2066', '\u2067', '\u2068', '\u2069']) {
      expect(String(html`${`a${control}b`}`)).toBe(`\u2068a${control}b\u2069`);
    }
    // Right-to-left names without controls are left as they are.
    expect(String(html`${'שרה כהן'}`)).toBe('שרה כהן');
  });
});
