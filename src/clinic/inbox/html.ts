// Server-rendered HTML where escaping is the default: every value interpolated into `html` is escaped
// unless it is itself the result of `html` (or `raw`, for our own constant markup). Patient text is
// untrusted and only ever reaches a page through here.

export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"'`]/g, (c) => ESCAPES[c]!);
}

/** Embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): text that can turn what follows it around. */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;

/**
 * Patient text with bidi controls is wrapped in FSI … PDI, which ends any override it left open: a
 * name ending in U+202E (right-to-left override) otherwise reversed the rest of the line, the clinic's
 * name in the page title included. Characters, not <bdi>, so it works in <title> and attributes too.
 */
function isolated(text: string): string {
  return BIDI_CONTROLS.test(text) ? `\u2068${text}\u2069` : text;
}

type Value = SafeHtml | string | number | boolean | null | undefined | readonly Value[];

function render(value: Value): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(isolated(String(value)));
}

export function html(strings: TemplateStringsArray, ...values: Value[]): SafeHtml {
  let out = strings[0]!;
  values.forEach((v, i) => (out += render(v) + strings[i + 1]!));
  return new SafeHtml(out);
}

/** Our own constant markup only: never patient text. */
export function raw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}
