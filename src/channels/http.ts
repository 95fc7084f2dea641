// Small HTTP helpers shared by the Direct Line and Web Chat routes: bounded JSON bodies with clear
// 4xx errors, the error shape clients can rely on, the public base URL, and CORS for allowed origins.
import type { IncomingMessage } from 'node:http';
import type { Request, Response } from 'restify';
import { storableJson } from '../store/storable.js';
import { closesConnection, hasBody, HttpError, readBody } from '../server/body.js';
import type { RateLimiter } from '../server/rateLimit.js';

export { HttpError };

/** `{ error: { code, message } }`, the shape Azure's Direct Line uses too. Never a stack trace. */
export function sendError(res: Response, status: number, code: string, message: string): void {
  if (res.headersSent) return;
  res.json(status, { error: { code, message } });
}

/**
 * How deep a body may nest. Activities nest a few levels (a card's submitted value, channelData); a
 * body of thousands of nested brackets parses, then overflows the stack of whatever walks it next.
 */
const MAX_JSON_DEPTH = 64;

/** Whether `value` nests at most `maxDepth` objects or arrays deep; stops walking at the limit. */
export function nestsWithin(value: unknown, maxDepth = MAX_JSON_DEPTH): boolean {
  if (value === null || typeof value !== 'object') return true;
  return maxDepth > 0 && Object.values(value).every((item) => nestsWithin(item, maxDepth - 1));
}

export const TOO_DEEP = `The body nests deeper than ${MAX_JSON_DEPTH} levels.`;

const JSON_TYPE = /^application\/(?:[a-z.+-]*\+)?json\s*(?:;.*)?$/i;

/**
 * Reads a JSON body of at most `maxBytes`. With `optional`, an empty body is `undefined`.
 * Throws HttpError 415 (not JSON, or compressed), 413 (too big) or 400 (unparseable, too deep); callers validate the shape.
 * What the database cannot hold (U+0000, a broken emoji) is cleaned here, before anyone checks or keeps
 * the body: an id that was only a NUL is then empty, and refused as such.
 */
export async function readJson(req: IncomingMessage, maxBytes: number, options: { optional?: boolean } = {}): Promise<unknown> {
  if (!hasBody(req)) {
    if (options.optional) return undefined;
    throw new HttpError(400, 'BadArgument', 'A JSON body is required.');
  }
  if (!JSON_TYPE.test(req.headers['content-type'] ?? '')) {
    throw new HttpError(415, 'UnsupportedMediaType', 'The body must be JSON (Content-Type: application/json).');
  }
  const text = (await readBody(req, maxBytes)).toString('utf8');
  if (text.trim() === '' && options.optional) return undefined;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'BadArgument', 'The body is not valid JSON.');
  }
  if (!nestsWithin(body)) throw new HttpError(400, 'BadArgument', TOO_DEEP);
  return storableJson(body);
}

/** Answers an error thrown by a route; anything unexpected is a 500 without details (and is logged by the caller). */
export function sendHttpError(res: Response, error: unknown): boolean {
  if (error instanceof HttpError) {
    if (closesConnection(error)) res.setHeader('Connection', 'close');
    for (const [name, value] of Object.entries(error.headers)) res.setHeader(name, value);
    sendError(res, error.status, error.code, error.message);
    return true;
  }
  return false;
}

/** Per-client limits of the patient-facing routes (one set per server, shared by Direct Line and Web Chat). */
export interface ClientLimits {
  /** Tokens for conversations that do not exist yet. */
  newChats: RateLimiter;
  /** Every token handed out: new, resumed, refreshed, reconnected. */
  tokens: RateLimiter;
  addressOf(req: IncomingMessage): string;
}

/** Takes one from `limiter` for this client, or throws the 429 that says when to try again. */
export function spend(limiter: RateLimiter, limits: ClientLimits, req: IncomingMessage, what: string): void {
  const taken = limiter.take(limits.addressOf(req));
  if (!taken.ok) {
    throw new HttpError(429, 'TooManyRequests', `Too many ${what} from this address; try again in ${taken.retryAfterSeconds} s.`, { 'Retry-After': String(taken.retryAfterSeconds) });
  }
}

/**
 * The origin browsers use to reach this server: PUBLIC_URL when set (behind a proxy that rewrites
 * Host), otherwise the request's own Host with the scheme the proxy reports.
 */
export function publicOrigin(req: Request | IncomingMessage, publicUrl: string | undefined): string {
  if (publicUrl) return new URL(publicUrl).origin;
  const forwarded = String(req.headers['x-forwarded-proto'] ?? '').split(',')[0]?.trim();
  const scheme = forwarded === 'https' ? 'https' : 'http';
  return `${scheme}://${req.headers.host ?? 'localhost'}`;
}

/** Cross-origin reads are allowed only for the clinic's own sites (ALLOWED_ORIGINS). */
export function applyCors(req: Request, res: Response, allowedOrigins: readonly string[]): void {
  const origin = req.headers.origin;
  res.setHeader('Vary', 'Origin');
  if (origin && allowedOrigins.includes(origin)) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
    res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type, x-ms-bot-agent');
    res.setHeader('Access-Control-Max-Age', '600');
  }
}
