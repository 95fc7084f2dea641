// The clinic API under /api/clinic/: every route needs `Authorization: Bearer <CLINIC_API_TOKEN>`.
// Without a configured token every route answers 503 saying so: there is no default token.
import type { Logger } from 'pino';
import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import type { ClinicProfile } from '../../dialogs/clinicProfile.js';
import { IntakeSummary } from '../../dialogs/summarySchema.js';
import type { Database } from '../store/database.js';
import { safeError } from '../server/logger.js';
import type { ClinicAuth } from './auth.js';
import type { SignInThrottle } from './signInThrottle.js';
import type { StaffSessions } from './staffSessions.js';
import { deleteIntake, type Erased } from './erasure.js';
import { intakeQuestionnaire, toQuestionnaireResponse } from './fhir.js';
import { IntakeId, NO_STORE, PAGE_HEADERS, firstIssue, listQuery, queryOf, sendError, sendJson } from './http.js';
import { printPage } from './inbox/pages.js';
import { BadCursorError, getIntake, listIntakes, type IntakeRecord } from './intakeRecords.js';
import { listDeliveries } from './outbox.js';
import { PartialIntake } from './partialIntake.js';

export interface ClinicApiDeps {
  db: Database;
  auth: ClinicAuth | undefined;
  clinic: ClinicProfile;
  timeZone: string;
  logger: Logger;
  /** After a deletion: wakes the webhook worker if it queued intake.deleted, and drops kept conversation state. */
  onErased: (erased: Erased) => void;
  /** Wrong tokens per client address (API and inbox sign-in share it). */
  throttle: SignInThrottle;
  /** Inbox sessions, revocable on sign-out; present when `auth` is. */
  sessions: StaffSessions | undefined;
}

export const API = '/api/clinic';

/** Generated from the zod schemas, never written by hand. */
export const INTAKE_SUMMARY_JSON_SCHEMA = { $id: 'urn:myotherapy-intake:schema:IntakeSummary:1', ...z.toJSONSchema(IntakeSummary, { io: 'output' }) };
export const PARTIAL_INTAKE_JSON_SCHEMA = { $id: 'urn:myotherapy-intake:schema:PartialIntake:1', ...z.toJSONSchema(PartialIntake, { io: 'output' }) };

const DeliveriesQuery = z
  .object({
    status: z.enum(['pending', 'delivered', 'failing']).optional(),
    limit: z.string().pipe(z.coerce.number<string>().int().min(1).max(200)).optional(),
  })
  .strict();

function links(r: IntakeRecord) {
  const self = `${API}/intakes/${r.intakeId}`;
  return { self, fhir: `${self}/fhir`, print: `${self}/print` };
}

export function registerClinicApi(server: Server, deps: ClinicApiDeps): void {
  const { db, auth, logger } = deps;

  /** Runs the handler only for a caller with the right bearer token; answers every failure as JSON. */
  const guarded = (handler: (req: Request, res: Response) => Promise<void>) => async (req: Request, res: Response) => {
    if (!auth) {
      return sendError(res, 503, 'ClinicApiNotConfigured', 'The clinic API is off: set CLINIC_API_TOKEN (at least 24 characters) and restart the server. There is no default token.');
    }
    const wait = deps.throttle.waitSeconds(req);
    if (wait > 0) {
      return sendError(res, 429, 'TooManyRequests', `Too many wrong tokens from this address; try again in ${wait} s.`, { 'retry-after': String(wait) });
    }
    if (!auth.checkBearer(req.headers.authorization)) {
      deps.throttle.failed(req);
      return sendError(res, 401, 'Unauthorized', 'Send Authorization: Bearer <CLINIC_API_TOKEN>.', { 'www-authenticate': 'Bearer realm="clinic"' });
    }
    try {
      await handler(req, res);
    } catch (error) {
      logger.error({ err: safeError(error), route: req.getRoute?.()?.path }, 'clinic API request failed');
      if (!res.headersSent) sendError(res, 500, 'InternalError', 'The request could not be completed.');
    }
  };

  const withIntake = (handler: (r: IntakeRecord, req: Request, res: Response) => Promise<void> | void) =>
    guarded(async (req, res) => {
      const id = IntakeId.safeParse(req.params['id']);
      if (!id.success) return sendError(res, 400, 'BadIntakeId', `id: ${id.error.issues[0]!.message}`);
      const record = await getIntake(db, id.data);
      if (!record) return sendError(res, 404, 'IntakeNotFound', 'No intake with this id (it may have been deleted or purged).');
      await handler(record, req, res);
    });

  server.get(`${API}/intakes`, guarded(async (req, res) => {
    const parsed = listQuery(deps.timeZone).safeParse(queryOf(req));
    if (!parsed.success) return sendError(res, 400, 'BadQuery', firstIssue(parsed.error));
    const q = parsed.data;
    try {
      const page = await listIntakes(db, { limit: q.limit, ...(q.cursor ? { cursor: q.cursor } : {}), ...(q.triage ? { triage: q.triage } : {}), ...(q.outcome ? { outcome: q.outcome } : {}), ...(q.from ? { from: q.from } : {}), ...(q.to ? { to: q.to } : {}) });
      const next = page.nextCursor ? new URLSearchParams({ ...Object.fromEntries(Object.entries(queryOf(req)).map(([k, v]) => [k, String(v)])), cursor: page.nextCursor }) : null;
      sendJson(res, 200, {
        items: page.items.map((r) => ({ ...r, links: links(r) })),
        nextCursor: page.nextCursor,
        links: { next: next ? `${API}/intakes?${next}` : null },
      });
    } catch (error) {
      if (error instanceof BadCursorError) return sendError(res, 400, 'BadQuery', `cursor: ${error.message}`);
      throw error;
    }
  }));

  server.get(`${API}/intakes/:id`, withIntake((r, _req, res) => sendJson(res, 200, { ...r, links: links(r) })));

  server.get(`${API}/intakes/:id/fhir`, withIntake((r, _req, res) => sendJson(res, 200, toQuestionnaireResponse(r), 'application/fhir+json')));

  server.get(`${API}/intakes/:id/print`, withIntake((r, _req, res) => {
    res.sendRaw(200, printPage({ clinic: deps.clinic, timeZone: deps.timeZone }, r), PAGE_HEADERS);
  }));

  server.del(`${API}/intakes/:id`, guarded(async (req, res) => {
    const id = IntakeId.safeParse(req.params['id']);
    if (!id.success) return sendError(res, 400, 'BadIntakeId', `id: ${id.error.issues[0]!.message}`);
    const erased = await deleteIntake(db, id.data);
    if (!erased) return sendError(res, 404, 'IntakeNotFound', 'No intake with this id (it may have been deleted or purged).');
    logger.info({ intakeId: id.data, notified: erased.notified }, 'intake deleted by the clinic');
    deps.onErased(erased);
    res.sendRaw(204, '', NO_STORE);
  }));

  server.get(`${API}/fhir/questionnaire`, guarded(async (_req, res) => sendJson(res, 200, intakeQuestionnaire(), 'application/fhir+json')));

  server.get(`${API}/schema/intake-summary.json`, guarded(async (_req, res) => sendJson(res, 200, INTAKE_SUMMARY_JSON_SCHEMA, 'application/schema+json')));
  server.get(`${API}/schema/partial-intake.json`, guarded(async (_req, res) => sendJson(res, 200, PARTIAL_INTAKE_JSON_SCHEMA, 'application/schema+json')));

  server.get(`${API}/deliveries`, guarded(async (req, res) => {
    const parsed = DeliveriesQuery.safeParse(queryOf(req));
    if (!parsed.success) return sendError(res, 400, 'BadQuery', firstIssue(parsed.error));
    sendJson(res, 200, { items: await listDeliveries(db, { limit: parsed.data.limit ?? 50, ...(parsed.data.status ? { status: parsed.data.status } : {}) }) });
  }));
}
