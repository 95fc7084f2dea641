// What PostgreSQL can hold: text and jsonb refuse U+0000, and jsonb refuses an unpaired UTF-16
// surrogate (not a character at all; JSON.stringify writes it as an escape the database rejects).
// A client can send both: a NUL from a buggy or hostile client, a lone surrogate from one that cut a
// message at a length limit in the middle of an emoji. Cleaned where activities come in, so what the
// patient wrote is kept (minus what was never text) and the turn does not fail on saving it.

const NUL = /\u0000/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const UNSTORABLE = new RegExp(`${NUL.source}|${LONE_SURROGATE.source}`);

/** Drops U+0000 and replaces an unpaired surrogate with U+FFFD, as a UTF-8 decoder would. */
export function storableText(text: string): string {
  return text.replace(NUL, '').replace(LONE_SURROGATE, '\uFFFD');
}

/**
 * JSON text for a jsonb column. The backstop behind cleaning at the door: whatever the bot built (a
 * summary, its own reply quoting the patient) still cannot fail a save. JSON.stringify writes U+0000
 * and unpaired surrogates as escapes, and only those; a cheap test finds them (or a patient's literal
 * backslash-u, cleaned needlessly but harmlessly).
 */
export function storableJsonText(value: unknown): string {
  const text = JSON.stringify(value);
  return REFUSED_ESCAPE.test(text) ? JSON.stringify(storableJson(JSON.parse(text))) : text;
}

const REFUSED_ESCAPE = /\\u(?:0000|d[89a-f])/i;

/** A copy of parsed JSON with every string and property name made storable; untouched if already so. */
export function storableJson<T>(value: T): T {
  return (needsCleaning(value) ? clean(value) : value) as T;
}

function clean(value: unknown): unknown {
  if (typeof value === 'string') return storableText(value);
  if (Array.isArray(value)) return value.map(clean);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [storableText(key), clean(item)]));
  }
  return value;
}

/** The common case is clean input: check without copying. */
function needsCleaning(value: unknown): boolean {
  if (typeof value === 'string') return UNSTORABLE.test(value);
  if (Array.isArray(value)) return value.some(needsCleaning);
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).some(([key, item]) => UNSTORABLE.test(key) || needsCleaning(item));
  }
  return false;
}
