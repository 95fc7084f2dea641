// The staff inbox at /clinic: sign in once with the clinic token, then a session cookie. Pages are
// server-rendered with a strict Content-Security-Policy (no inline script or style) and never cached.
import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { Triage } from '../../../dialogs/vocabulary.js';
import { safeError } from '../../server/logger.js';
import { closesConnection, HttpError, readForm } from '../../server/body.js';
import { type ClinicAuth, SESSION_COOKIE, clearedSessionCookie, isHttps, readCookie, sessionCookie } from '../auth.js';
import { deleteIntake } from '../erasure.js';
import { toQuestionnaireResponse } from '../fhir.js';
import { IntakeId, NO_STORE, PAGE_HEADERS, queryOf } from '../http.js';
import { BadCursorError, OUTCOMES, REVIEWS, getIntake, listIntakes, setReview, type IntakeRecord } from '../intakeRecords.js';
import { startOfLocalDay } from '../time.js';
import { detailPage, listPage, notConfiguredPage, printPage, signInPage, type ListFilters, type PageContext } from './pages.js';
import { INBOX_JS, inboxCss } from './styles.js';
import type { ClinicApiDeps } from '../clinicApi.js';

/** The inbox reads and deletes through the same pieces as the clinic API. */
export type InboxDeps = ClinicApiDeps;


const empty = (v: unknown) => (v === '' ? undefined : v);
const Filters = z
  .object({
    triage: z.preprocess(empty, Triage.optional()),
    outcome: z.preprocess(empty, z.enum(OUTCOMES).optional()),
    review: z.preprocess(empty, z.enum(REVIEWS).optional()),
    from: z.preprocess(empty, z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional()),
    to: z.preprocess(empty, z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional()),
    cursor: z.preprocess(empty, z.string().max(200).optional()),
    deleted: z.string().optional(),
  })
  .strip();

const Login = z.object({ token: z.string().min(1).max(1000) });
const ReviewForm = z.object({ review: z.enum(REVIEWS) }).strict();

function page(res: Response, status: number, body: string, headers: Record<string, string> = {}): void {
  res.sendRaw(status, body, { ...PAGE_HEADERS, ...headers });
}

function redirect(res: Response, location: string, headers: Record<string, string> = {}): void {
  res.sendRaw(303, '', { ...NO_STORE, location, ...headers });
}

/**
 * Cross-site form posts carry no SameSite=Strict cookie anyway; this refuses them outright too, by the
 * browser's Sec-Fetch-Site, else by Origin. Clients that send neither (curl) cannot ride a session.
 */
function sameOrigin(req: Request): boolean {
  const site = req.headers['sec-fetch-site'];
  if (typeof site === 'string') return site === 'same-origin' || site === 'none';
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

export function registerInbox(server: Server, deps: InboxDeps): void {
  const { db, auth, logger, sessions } = deps;
  const ctx: PageContext = { clinic: deps.clinic, timeZone: deps.timeZone };
  const css = inboxCss(deps.clinic);

  server.get('/clinic/assets/inbox.css', async (_req, res) => {
    res.sendRaw(200, css, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'no-cache' });
  });
  server.get('/clinic/assets/inbox.js', async (_req, res) => {
    res.sendRaw(200, INBOX_JS, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' });
  });

  /** Pages for signed-in staff; others go to the sign-in page. */
  const staff = (handler: (req: Request, res: Response, a: ClinicAuth) => Promise<void>) => async (req: Request, res: Response) => {
    if (!auth || !sessions) return page(res, 503, notConfiguredPage());
    try {
      if (!(await sessions.valid(readCookie(req, SESSION_COOKIE)))) return redirect(res, '/clinic/login');
      await handler(req, res, auth);
    } catch (error) {
      logger.error({ err: safeError(error), route: req.getRoute?.()?.path }, 'inbox request failed');
      if (!res.headersSent) page(res, 500, signInPage(ctx, 'Something went wrong on the server. Please try again.'));
    }
  };

  const withIntake = (handler: (r: IntakeRecord, req: Request, res: Response) => Promise<void> | void) =>
    staff(async (req, res) => {
      const id = IntakeId.safeParse(req.params['id']);
      const record = id.success ? await getIntake(db, id.data) : null;
      if (!record) return page(res, 404, listPage(ctx, { items: [], nextCursor: null }, {}, { paged: false, notice: 'That intake no longer exists (deleted or past the retention period).' }));
      await handler(record, req, res);
    });

  /** A staff form through the one body reader every route uses; a bad body is answered here (null). */
  async function formOr400(req: Request, res: Response): Promise<Record<string, string> | null> {
    try {
      return await readForm(req, 8 * 1024);
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      page(res, error.status, signInPage(ctx, error.message), closesConnection(error) ? { connection: 'close' } : {});
      return null;
    }
  }

  server.get('/clinic/login', async (req, res) => {
    if (!auth || !sessions) return page(res, 503, notConfiguredPage());
    if (await sessions.valid(readCookie(req, SESSION_COOKIE))) return redirect(res, '/clinic');
    page(res, 200, signInPage(ctx));
  });

  server.post('/clinic/login', async (req: Request, res: Response) => {
    if (!auth) return page(res, 503, notConfiguredPage());
    if (!sameOrigin(req)) return page(res, 403, signInPage(ctx, 'This sign-in came from another site and was refused.'));
    const fields = await formOr400(req, res);
    if (!fields) return;
    const wait = deps.throttle.waitSeconds(req);
    if (wait > 0) return page(res, 429, signInPage(ctx, `Too many wrong tokens from this address. Try again in ${Math.ceil(wait / 60)} min.`), { 'retry-after': String(wait) });
    const form = Login.safeParse(fields);
    if (!form.success || !auth.checkToken(form.data.token)) {
      deps.throttle.failed(req);
      logger.warn({ ip: req.socket.remoteAddress }, 'inbox sign-in with a wrong token');
      return page(res, 401, signInPage(ctx, 'That token is not right. Check CLINIC_API_TOKEN and try again.'));
    }
    redirect(res, '/clinic', { 'set-cookie': sessionCookie(auth.issueSession(), isHttps(req)) });
  });

  server.post('/clinic/logout', async (req, res) => {
    if (!sameOrigin(req)) return page(res, 403, signInPage(ctx, 'This request came from another site and was refused.'));
    // The cookie stops working everywhere, not only in this browser (a copy of it would be valid for 12 h).
    try {
      await sessions?.revoke(readCookie(req, SESSION_COOKIE));
    } catch (error) {
      logger.error({ err: safeError(error) }, 'could not record a sign-out');
      return page(res, 500, signInPage(ctx, 'Signing out failed on the server. Please try again.'));
    }
    redirect(res, '/clinic/login', { 'set-cookie': clearedSessionCookie(isHttps(req)) });
  });

  server.get('/clinic', staff(async (req, res) => {
    const parsed = Filters.safeParse(Object.fromEntries(Object.entries(queryOf(req)).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
    const f = parsed.success ? parsed.data : {};
    const filters: ListFilters = { triage: f.triage, outcome: f.outcome, review: f.review, from: f.from, to: f.to };
    let result;
    try {
      result = await listIntakes(db, {
        limit: 25,
        ...(f.triage ? { triage: [f.triage] } : {}),
        ...(f.outcome ? { outcome: [f.outcome] } : {}),
        ...(f.review ? { review: [f.review] } : {}),
        ...(f.from ? { from: startOfLocalDay(f.from, deps.timeZone) } : {}),
        ...(f.to ? { to: startOfLocalDay(f.to, deps.timeZone, 1) } : {}),
        ...(f.cursor ? { cursor: f.cursor } : {}),
      });
    } catch (error) {
      if (!(error instanceof BadCursorError)) throw error;
      return redirect(res, '/clinic');
    }
    const notice = !parsed.success ? 'Some filters were not understood and were ignored.' : f.deleted ? 'The intake was deleted.' : undefined;
    page(res, 200, listPage(ctx, result, filters, { paged: Boolean(f.cursor), ...(notice ? { notice } : {}) }));
  }));

  // Opening an intake marks it seen (a handled one stays handled).
  server.get('/clinic/intakes/:id', withIntake(async (r, _req, res) => {
    if (r.review === 'new' && (await setReview(db, r.intakeId, 'seen', { onlyIfNew: true }))) r.review = 'seen';
    page(res, 200, detailPage(ctx, r));
  }));
  server.post('/clinic/intakes/:id/review', staff(async (req, res) => {
    if (!sameOrigin(req)) return page(res, 403, signInPage(ctx, 'This request came from another site and was refused.'));
    const id = IntakeId.safeParse(req.params['id']);
    const fields = await formOr400(req, res);
    if (!fields) return;
    const form = ReviewForm.safeParse(fields);
    if (!id.success || !form.success) return page(res, 400, signInPage(ctx, 'That change was not understood (review must be new, seen or handled).'));
    await setReview(db, id.data, form.data.review);
    redirect(res, `/clinic/intakes/${id.data}`);
  }));
  server.get('/clinic/intakes/:id/print', withIntake((r, _req, res) => page(res, 200, printPage(ctx, r))));
  server.get('/clinic/intakes/:id/fhir', withIntake((r, _req, res) => {
    res.sendRaw(200, JSON.stringify(toQuestionnaireResponse(r), null, 2), { ...NO_STORE, 'content-type': 'application/fhir+json; charset=utf-8', 'content-disposition': `attachment; filename="intake-${r.intakeId}.fhir.json"` });
  }));
  server.get('/clinic/intakes/:id/json', withIntake((r, _req, res) => {
    res.sendRaw(200, JSON.stringify(r.summary ?? r.partial, null, 2), { ...NO_STORE, 'content-type': 'application/json; charset=utf-8', 'content-disposition': `attachment; filename="intake-${r.intakeId}.json"` });
  }));
  server.post('/clinic/intakes/:id/delete', staff(async (req, res) => {
    if (!sameOrigin(req)) return page(res, 403, signInPage(ctx, 'This request came from another site and was refused.'));
    const id = IntakeId.safeParse(req.params['id']);
    const erased = id.success ? await deleteIntake(db, id.data) : null;
    if (erased) {
      logger.info({ intakeId: id.data, notified: erased.notified }, 'intake deleted from the inbox');
      deps.onErased(erased);
    }
    redirect(res, '/clinic?deleted=1');
  }));
}
