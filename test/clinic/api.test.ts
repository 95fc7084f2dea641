// The clinic API over real HTTP, with intakes from real conversations: auth, paging and filters,
// JSON Schema, FHIR, printable page, deletion, and logs that never carry patient text.
import type { Questionnaire, QuestionnaireItem, QuestionnaireResponse, QuestionnaireResponseItem } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IntakeSummary } from '../../dialogs/summarySchema.js';
import { recordIntake } from '../../src/clinic/intakeRecords.js';
import { lastStep, post, startTestServer } from '../support/server.js';
import { TOKEN, api, bearer, completeIntake, emergencyIntake, startClinicServer, type ClinicServer } from './support.js';
import { validate } from './jsonSchema.js';

let server: ClinicServer;
const real: Record<'routine' | 'emergency' | 'doctor' | 'review', IntakeSummary> = {} as never;
const SYNTHETIC = 7;

beforeAll(async () => {
  server = await startClinicServer();
  real.routine = await completeIntake(server.url, 'api-routine', { where: 'left knee', contact: 'Sam Lee 0412 345 678' });
  real.emergency = await emergencyIntake(server.url, 'api-emergency');
  real.doctor = await completeIntake(server.url, 'api-doctor', { redFlags: 'I had cancer a few years ago', contact: 'no thanks' });
  real.review = await completeIntake(server.url, 'api-review', { precautions: 'I am pregnant', contact: 'Jo Park jo@example.com' });
  // More intakes for paging: copies of a real one, spread over known times.
  for (let i = 0; i < SYNTHETIC; i++) {
    const intakeId = `aaaaaaaa-0000-4000-8000-${String(i).padStart(12, '0')}`;
    await recordIntake(server.db, { ...real.routine, intakeId, conversationId: `synthetic-${i}` }, 'done', { webhook: false });
    await server.db.query(`UPDATE intakes SET recorded_at = $2::timestamptz WHERE intake_id = $1`, [intakeId, new Date(Date.UTC(2026, 0, 9, 10 + i)).toISOString()]);
  }
}, 60_000);
afterAll(async () => {
  await server.close();
});

interface Listed {
  items: Array<{ intakeId: string; triage: string; outcome: string; recordedAt: string; summary: IntakeSummary; links: { fhir: string } }>;
  nextCursor: string | null;
  links: { next: string | null };
}

async function list(query = ''): Promise<Listed> {
  const res = await api(server, `/api/clinic/intakes${query}`);
  expect(res.status).toBe(200);
  return (await res.json()) as Listed;
}

describe('authentication', () => {
  const routes = () => [
    '/api/clinic/intakes',
    `/api/clinic/intakes/${real.routine.intakeId}`,
    `/api/clinic/intakes/${real.routine.intakeId}/fhir`,
    `/api/clinic/intakes/${real.routine.intakeId}/print`,
    '/api/clinic/fhir/questionnaire',
    '/api/clinic/schema/intake-summary.json',
    '/api/clinic/deliveries',
  ];

  it('every route answers 401 without a token, with a wrong one, or with another scheme', async () => {
    for (const path of routes()) {
      for (const headers of [{}, bearer('wrong-token-wrong-token-wrong'), bearer(TOKEN.slice(0, -1)), { authorization: `Basic ${Buffer.from(`x:${TOKEN}`).toString('base64')}` }, { authorization: TOKEN }]) {
        const res = await fetch(`${server.url}${path}`, { headers });
        expect(res.status, `${path} ${JSON.stringify(headers)}`).toBe(401);
        expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
        expect(await res.json()).toEqual({ error: { code: 'Unauthorized', message: expect.any(String) } });
      }
    }
    const del = await fetch(`${server.url}/api/clinic/intakes/${real.routine.intakeId}`, { method: 'DELETE' });
    expect(del.status).toBe(401);
  });

  it('the right token opens every route', async () => {
    for (const path of routes()) expect((await api(server, path)).status, path).toBe(200);
  });

  it('without CLINIC_API_TOKEN the API and inbox say they are not configured (no default token)', async () => {
    const bare = await startTestServer();
    try {
      const res = await fetch(`${bare.url}/api/clinic/intakes`, { headers: bearer('') });
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ error: { code: 'ClinicApiNotConfigured', message: expect.stringMatching(/CLINIC_API_TOKEN/) } });
      const inbox = await fetch(`${bare.url}/clinic`);
      expect(inbox.status).toBe(503);
      expect(await inbox.text()).toMatch(/not configured/);
    } finally {
      await bare.close();
    }
  });
});

describe('listing', () => {
  it('pages newest first without gaps or repeats', async () => {
    const seen: string[] = [];
    let page = await list('?limit=3');
    expect(page.items).toHaveLength(3);
    let pages = 1;
    for (;;) {
      seen.push(...page.items.map((i) => i.intakeId));
      const times = page.items.map((i) => i.recordedAt);
      expect([...times].sort().reverse()).toEqual(times);
      if (!page.nextCursor) break;
      expect(page.links.next).toContain(`cursor=${page.nextCursor}`);
      page = await list(`?limit=3&cursor=${page.nextCursor}`);
      pages++;
    }
    expect(pages).toBe(4);
    expect(seen).toHaveLength(4 + SYNTHETIC);
    expect(new Set(seen).size).toBe(seen.length);
    // The four real ones happened now; the synthetic ones in January.
    expect(seen.slice(0, 4).sort()).toEqual(Object.values(real).map((s) => s.intakeId).sort());
  });

  it('filters by triage, outcome and date (dates in the clinic time zone)', async () => {
    expect((await list('?triage=emergency')).items.map((i) => i.intakeId)).toEqual([real.emergency.intakeId]);
    expect((await list('?outcome=emergency')).items.map((i) => i.intakeId)).toEqual([real.emergency.intakeId]);
    const twoTriages = await list('?triage=see_doctor_first,therapist_review');
    expect(twoTriages.items.map((i) => i.intakeId).sort()).toEqual([real.doctor.intakeId, real.review.intakeId].sort());
    expect((await list('?triage=see_doctor_first&triage=therapist_review')).items).toHaveLength(2);
    expect((await list('?outcome=done&triage=routine')).items).toHaveLength(1 + SYNTHETIC);
    // Synthetic intakes sit at 10:00..16:00 UTC on 9 January = 21:00..03:00 in Sydney (UTC+11).
    const jan10 = await list('?from=2026-01-10&to=2026-01-10');
    expect(jan10.items.map((i) => i.recordedAt)).toEqual(['2026-01-09T16:00:00.000Z', '2026-01-09T15:00:00.000Z', '2026-01-09T14:00:00.000Z', '2026-01-09T13:00:00.000Z']);
    const instants = await list(`?from=${encodeURIComponent('2026-01-09T11:00:00Z')}&to=${encodeURIComponent('2026-01-09T13:00:00+00:00')}`);
    expect(instants.items.map((i) => i.recordedAt)).toEqual(['2026-01-09T12:00:00.000Z', '2026-01-09T11:00:00.000Z']);
  });

  it('refuses bad query parameters with a clear 400', async () => {
    for (const query of ['?limit=0', '?limit=101', '?limit=abc', '?triage=urgent', '?outcome=maybe', '?from=2026-02-30', '?from=yesterday', '?cursor=bm9wZQ', '?colour=red', '?limit=2&limit=3']) {
      const res = await api(server, `/api/clinic/intakes${query}`);
      expect(res.status, query).toBe(400);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('BadQuery');
      expect(body.error.message).not.toMatch(/\bat \w+ \(/);
    }
  });
});

describe('one intake', () => {
  it('as JSON, with its delivery state and links', async () => {
    const res = await api(server, `/api/clinic/intakes/${real.routine.intakeId}`);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ intakeId: real.routine.intakeId, outcome: 'done', triage: 'routine', delivery: null, partial: null, links: { fhir: `/api/clinic/intakes/${real.routine.intakeId}/fhir` } });
    expect(IntakeSummary.parse(body['summary'])).toEqual(real.routine);
    expect((await api(server, '/api/clinic/intakes/not-a-uuid')).status).toBe(400);
    expect((await api(server, '/api/clinic/intakes/bbbbbbbb-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('the published JSON Schema (from zod) validates every real summary and rejects broken ones', async () => {
    const res = await api(server, '/api/clinic/schema/intake-summary.json');
    expect(res.headers.get('content-type')).toMatch(/application\/schema\+json/);
    const schema = (await res.json()) as Record<string, unknown>;
    expect(schema).toMatchObject({ $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', title: 'IntakeSummary' });
    for (const summary of Object.values(real)) {
      expect(validate(schema, summary)).toEqual([]);
      const stored = ((await (await api(server, `/api/clinic/intakes/${summary.intakeId}`)).json()) as { summary: unknown }).summary;
      expect(validate(schema, stored)).toEqual([]);
    }
    expect(validate(schema, { ...real.routine, painAreas: [] })).not.toEqual([]);
    expect(validate(schema, { ...real.routine, triage: 'urgent' })).not.toEqual([]);
    expect(validate(schema, { ...real.routine, intensity: { now: 11, worst: 11 } })).not.toEqual([]);
    const { schemaVersion: _omit, ...noVersion } = real.routine;
    expect(validate(schema, noVersion)).not.toEqual([]);
    const partialSchema = (await (await api(server, '/api/clinic/schema/partial-intake.json')).json()) as Record<string, unknown>;
    expect(partialSchema).toMatchObject({ title: 'PartialIntake' });
  });
});

function walk(items: QuestionnaireItem[] | undefined, into = new Map<string, QuestionnaireItem>()): Map<string, QuestionnaireItem> {
  for (const item of items ?? []) {
    into.set(item.linkId, item);
    walk(item.item, into);
  }
  return into;
}

function answers(items: QuestionnaireResponseItem[] | undefined, linkId: string): NonNullable<QuestionnaireResponseItem['answer']> {
  return (items ?? []).flatMap((i) => [...(i.linkId === linkId ? (i.answer ?? []) : []), ...answers(i.item, linkId)]);
}

const VALUE_FOR: Record<string, string> = { integer: 'valueInteger', decimal: 'valueDecimal', boolean: 'valueBoolean', choice: 'valueCoding', string: 'valueString', text: 'valueString', url: 'valueUri' };

describe('FHIR R4', () => {
  let questionnaire: Questionnaire;
  beforeAll(async () => {
    const res = await api(server, '/api/clinic/fhir/questionnaire');
    expect(res.headers.get('content-type')).toMatch(/application\/fhir\+json/);
    questionnaire = (await res.json()) as Questionnaire;
  });

  async function responseFor(summary: IntakeSummary): Promise<QuestionnaireResponse> {
    const res = await api(server, `/api/clinic/intakes/${summary.intakeId}/fhir`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/fhir\+json/);
    return (await res.json()) as QuestionnaireResponse;
  }

  it('the Questionnaire defines every item, with LOINC 72514-3 on both pain scores and SNOMED body sites', () => {
    expect(questionnaire).toMatchObject({ resourceType: 'Questionnaire', status: 'active', url: expect.any(String), version: '1' });
    const items = walk(questionnaire.item);
    for (const linkId of ['pain-now', 'pain-worst']) {
      expect(items.get(linkId)).toMatchObject({ type: 'integer', code: [{ system: 'http://loinc.org', code: '72514-3' }] });
    }
    const sites = items.get('pain-area.body-site')!.answerOption!.map((o) => o.valueCoding);
    for (const code of ['45048000', '16982005', '37822005', '77568009', '69536005', '40983000', '127949000', '14975008', '8205005', '85562004', '29836001', '72696002', '70258002']) {
      expect(sites).toContainEqual(expect.objectContaining({ system: 'http://snomed.info/sct', code }));
    }
    expect(items.get('pain-area.laterality')!.answerOption!.map((o) => o.valueCoding?.code).sort()).toEqual(['24028007', '51440002', '7771000']);
  });

  it('a confirmed intake is a completed QuestionnaireResponse with coded answers that match the Questionnaire', async () => {
    const qr = await responseFor(real.routine);
    expect(qr).toMatchObject({
      resourceType: 'QuestionnaireResponse',
      id: real.routine.intakeId,
      status: 'completed',
      questionnaire: `${questionnaire.url}|${questionnaire.version}`,
      authored: real.routine.completedAt,
      identifier: { system: 'urn:ietf:rfc:3986', value: `urn:uuid:${real.routine.intakeId}` },
      subject: { reference: '#patient' },
    });
    expect(qr.contained?.[0]).toMatchObject({ resourceType: 'Patient', id: 'patient', name: [{ text: 'Sam Lee' }], telecom: [{ system: 'phone', value: '0412 345 678' }] });
    expect(answers(qr.item, 'pain-now')).toEqual([{ valueInteger: real.routine.intensity.now }]);
    expect(answers(qr.item, 'pain-worst')).toEqual([{ valueInteger: real.routine.intensity.worst }]);
    // Left knee: SNOMED knee region + laterality left.
    expect(answers(qr.item, 'pain-area.body-site')).toEqual([{ valueCoding: { system: 'http://snomed.info/sct', code: '72696002', display: 'Knee region structure' } }]);
    expect(answers(qr.item, 'pain-area.laterality')).toEqual([{ valueCoding: { system: 'http://snomed.info/sct', code: '7771000', display: 'Left' } }]);
    expect(answers(qr.item, 'triage')[0]?.valueCoding?.code).toBe('routine');
    expect(answers(qr.item, 'recommendation.booking-url')[0]?.valueUri).toBe(real.routine.recommendation!.bookingUrl);

    // Every answer belongs to a Questionnaire item of the matching type, and choices are among its options.
    const defined = walk(questionnaire.item);
    const check = (items: QuestionnaireResponseItem[] | undefined) => {
      for (const item of items ?? []) {
        const def = defined.get(item.linkId);
        expect(def, item.linkId).toBeDefined();
        expect(Boolean(item.answer) !== Boolean(item.item), `${item.linkId}: answer or item, not both`).toBe(true);
        for (const a of item.answer ?? []) {
          expect(Object.keys(a), item.linkId).toEqual([VALUE_FOR[def!.type]]);
          if (def!.answerOption) expect(def!.answerOption.map((o) => o.valueCoding), item.linkId).toContainEqual(a.valueCoding);
        }
        check(item.item);
      }
    };
    check(qr.item);
  });

  it('an emergency intake is stopped, with its flag and triage coded and no recommendation', async () => {
    const qr = await responseFor(real.emergency);
    expect(qr.status).toBe('stopped');
    expect(answers(qr.item, 'flag').map((a) => a.valueCoding?.code)).toEqual(['bladder_bowel_change']);
    expect(answers(qr.item, 'triage')[0]?.valueCoding?.code).toBe('emergency');
    expect(answers(qr.item, 'recommendation.appointment-type')).toEqual([]);
    expect(answers(qr.item, 'pain-area.body-site')[0]?.valueCoding?.code).toBe('37822005');
    expect(answers(qr.item, 'pain-area.laterality')).toEqual([]);
  });
});

describe('printable page', () => {
  it('is HTML that escapes every patient string', async () => {
    const evil = { ...real.review, intakeId: 'cccccccc-0000-4000-8000-000000000000', conversationId: 'evil', contact: { name: '<img src=x onerror=alert(1)>' }, patientWords: { location: ['</blockquote><script>alert("x")</script>'] } };
    await recordIntake(server.db, evil, 'done', { webhook: false });
    const res = await api(server, `/api/clinic/intakes/${evil.intakeId}/print`);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const page = await res.text();
    expect(page).not.toContain('<img src=x');
    expect(page).not.toContain('<script>alert');
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(page).toContain('&lt;/blockquote&gt;&lt;script&gt;');
    expect((await api(server, `/api/clinic/intakes/${evil.intakeId}`, { method: 'DELETE' })).status).toBe(204);
  });
});

describe('deletion', () => {
  it('DELETE removes the intake; it is gone from every view', async () => {
    const extra = { ...real.routine, intakeId: 'dddddddd-0000-4000-8000-000000000000', conversationId: 'to-delete' };
    await recordIntake(server.db, extra, 'done', { webhook: false });
    expect((await api(server, `/api/clinic/intakes/${extra.intakeId}`, { method: 'DELETE' })).status).toBe(204);
    for (const path of ['', '/fhir', '/print']) expect((await api(server, `/api/clinic/intakes/${extra.intakeId}${path}`)).status).toBe(404);
    expect((await api(server, `/api/clinic/intakes/${extra.intakeId}`, { method: 'DELETE' })).status).toBe(404);
    expect((await list('?limit=100')).items.map((i) => i.intakeId)).not.toContain(extra.intakeId);
  });

  it('the server forgets the deleted conversation too: the patient coming back is greeted as new', async () => {
    const summary = await completeIntake(server.url, 'api-comes-back');
    const join = { type: 'conversationUpdate', membersAdded: [{ id: 'patient' }] };
    // While the intake is kept, a returning patient (page reload) is not greeted again.
    expect((await post(server.url, 'api-comes-back', join)).activities).toEqual([]);
    expect((await api(server, `/api/clinic/intakes/${summary.intakeId}`, { method: 'DELETE' })).status).toBe(204);
    expect(lastStep((await post(server.url, 'api-comes-back', join)).activities)).toBe('consent');
  });
});

describe('the staff inbox over HTTP', () => {
  it('signs in with the token in a POST body and keeps it in an HttpOnly, SameSite=Strict cookie', async () => {
    const anonymous = await fetch(`${server.url}/clinic`, { redirect: 'manual' });
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toBe('/clinic/login');
    const login = await fetch(`${server.url}/clinic/login`);
    expect(login.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    expect(await login.text()).toMatch(/<form class="signin" method="post" action="\/clinic\/login">/);

    const form = (token: string, headers: Record<string, string> = {}) =>
      fetch(`${server.url}/clinic/login`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: new URLSearchParams({ token }).toString() });
    expect((await form('wrong')).status).toBe(401);
    expect((await form(TOKEN, { origin: 'https://evil.example' })).status).toBe(403);
    const ok = await form(TOKEN);
    expect(ok.status).toBe(303);
    const cookie = ok.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^clinic_session=v1\.[^;]+; Path=\/clinic; Max-Age=\d+; HttpOnly; SameSite=Strict$/);
    expect(cookie).not.toContain(TOKEN);
    const behindTls = await form(TOKEN, { 'x-forwarded-proto': 'https' });
    expect(behindTls.headers.get('set-cookie')).toMatch(/; Secure$/);

    const session = cookie.split(';')[0]!;
    const inbox = await fetch(`${server.url}/clinic`, { headers: { cookie: session } });
    expect(inbox.status).toBe(200);
    const html = await inbox.text();
    expect(html).toContain(real.emergency.intakeId);
    expect(html).toMatch(/class="badge emergency">Emergency</);
    const tampered = session.slice(0, -2) + (session.endsWith('A') ? 'BB' : 'AA');
    expect((await fetch(`${server.url}/clinic`, { headers: { cookie: tampered }, redirect: 'manual' })).status).toBe(303);
    // The session opens the inbox only, not the API.
    expect((await fetch(`${server.url}/api/clinic/intakes`, { headers: { cookie: session } })).status).toBe(401);
  });
});

describe('privacy of logs', () => {
  it('no log line carries what the patients typed or their contact details', () => {
    const logs = server.logs();
    expect(logs).toContain('intake recorded');
    for (const patientText of ['Sam Lee', '0412 345 678', 'jo@example.com', 'Jo Park', 'left knee', 'cancer', 'pregnant', 'bladder', '3 weeks', 'lifting']) {
      expect(logs, patientText).not.toContain(patientText);
    }
  });
});
