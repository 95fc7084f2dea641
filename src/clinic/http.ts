// Response helpers shared by the clinic API and inbox: one error shape, no caching of patient data.
import type { Request, Response } from 'restify';
import { z } from 'zod';
import { Triage } from '../../dialogs/vocabulary.js';
import { OUTCOMES } from './intakeRecords.js';
import { startOfLocalDay } from './time.js';

export const NO_STORE = { 'cache-control': 'no-store', pragma: 'no-cache' };

/** Inbox and printable pages: no inline script or style, no framing, never cached. */
export const CSP = "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
export const PAGE_HEADERS = { ...NO_STORE, 'content-type': 'text/html; charset=utf-8', 'content-security-policy': CSP, 'x-frame-options': 'DENY', 'referrer-policy': 'same-origin' };

export function sendError(res: Response, status: number, code: string, message: string, headers: Record<string, string> = {}): void {
  res.sendRaw(status, JSON.stringify({ error: { code, message } }), { ...NO_STORE, 'content-type': 'application/json; charset=utf-8', ...headers });
}

export function sendJson(res: Response, status: number, body: unknown, contentType = 'application/json', headers: Record<string, string> = {}): void {
  res.sendRaw(status, JSON.stringify(body, null, 2), { ...NO_STORE, 'content-type': `${contentType}; charset=utf-8`, ...headers });
}

/** The query string as { key: string | string[] }. */
export function queryOf(req: Request): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of new URL(req.url ?? '/', 'http://x').searchParams) {
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0]!;
  return `${issue.path.join('.') || 'query'}: ${issue.message}`;
}

export const IntakeId = z.string().uuid('must be an intake id (a UUID)');

/** One value: a repeated parameter is an error rather than a silent pick. */
const single = <T extends z.ZodType<unknown, string>>(schema: T) => z.string({ error: 'give it once, as text' }).pipe(schema);

/** "a,b" or a=..&a=.. */
const listOf = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (Array.isArray(v) ? v : [v]).flatMap((x) => String(x).split(',')).map((x) => x.trim()).filter(Boolean), z.array(item).min(1));

const DateOnly = /^\d{4}-\d{2}-\d{2}$/;
const isRealDate = (d: string) => !Number.isNaN(Date.parse(d)) && new Date(d).toISOString().slice(0, 10) === d;
const DateOrInstant = z.union([z.string().regex(DateOnly).refine(isRealDate), z.string().datetime({ offset: true })], {
  error: 'use a date (2026-03-02, in the clinic time zone) or an ISO date-time with offset',
});

export function listQuery(timeZone: string) {
  return z
    .object({
      limit: single(z.coerce.number<string>().int().min(1).max(100)).optional(),
      cursor: single(z.string().min(1).max(200)).optional(),
      triage: listOf(Triage).optional(),
      outcome: listOf(z.enum(OUTCOMES)).optional(),
      from: single(DateOrInstant).optional(),
      to: single(DateOrInstant).optional(),
    })
    .strict()
    .transform((q) => ({
      limit: q.limit ?? 20,
      cursor: q.cursor,
      triage: q.triage,
      outcome: q.outcome,
      // A whole day: from its start, to the start of the next one, in the clinic's zone.
      from: q.from ? (DateOnly.test(q.from) ? startOfLocalDay(q.from, timeZone) : q.from) : undefined,
      to: q.to ? (DateOnly.test(q.to) ? startOfLocalDay(q.to, timeZone, 1) : q.to) : undefined,
    }));
}
