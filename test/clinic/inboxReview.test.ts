// The staff inbox over real HTTP: why an intake is flagged and the phone number in the list, the
// seen/handled state (stored, shown, filterable), follow-up answers and unconfirmed mentions in the detail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IntakeSummary } from '../../dialogs/summarySchema.js';
import { TOKEN, completeIntake, emergencyIntake, startClinicServer, type ClinicServer } from './support.js';

describe('staff inbox: flags, phone, seen/handled, follow-ups', () => {
  let server: ClinicServer;
  let session: string;
  let routine: IntakeSummary;
  let emergency: IntakeSummary;
  let numb: IntakeSummary;

  const get = async (path: string) => {
    const res = await fetch(`${server.url}${path}`, { headers: { cookie: session } });
    expect(res.status).toBe(200);
    return res.text();
  };
  const review = (id: string, value: string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/clinic/intakes/${id}/review`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: session, 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams({ review: value }).toString(),
    });
  /** The list's row for an intake. */
  const row = (html: string, id: string) => {
    const at = html.indexOf(`/clinic/intakes/${id}"`);
    expect(at).toBeGreaterThan(0);
    return html.slice(html.lastIndexOf('<tr', at), html.indexOf('</tr>', at));
  };

  beforeAll(async () => {
    server = await startClinicServer();
    routine = await completeIntake(server.url, 'review-routine', { where: 'neck', contact: 'Chris Nguyen 0400 111 222' });
    emergency = await emergencyIntake(server.url, 'review-emergency');
    numb = await completeIntake(server.url, 'review-numb', { where: 'right shoulder', redFlags: 'pins and needles in my right hand', contact: 'Priya Sharma 0412 345 678' });
    const login = await fetch(`${server.url}/clinic/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: TOKEN }).toString(),
    });
    session = login.headers.get('set-cookie')!.split(';')[0]!;
  }, 60_000);

  afterAll(async () => {
    await server?.close();
  });

  it('the list says why an intake is flagged and gives the phone number as a tel: link', async () => {
    const html = await get('/clinic');
    const urgent = row(html, emergency.intakeId);
    expect(urgent).toMatch(/class="flag-emergency">New trouble passing or controlling urine or bowel motions</);
    const priya = row(html, numb.intakeId);
    expect(priya).toContain('<a href="tel:0412345678">0412 345 678</a>');
    expect(priya).toMatch(/class="flag-review">[^<]*(pins and needles|numbness)/i);
    expect(row(html, routine.intakeId)).not.toContain('class="flags"');
  });

  it('every intake starts new; opening one marks it seen; it can be marked handled and back; the list filters by it', async () => {
    expect(row(await get('/clinic'), routine.intakeId)).toContain('class="badge review-new">New<');
    const detail = await get(`/clinic/intakes/${routine.intakeId}`);
    expect(detail).toContain('class="badge review-seen">Seen<');
    expect(detail).toContain('>Mark handled</button>');
    expect(row(await get('/clinic'), routine.intakeId)).toContain('class="badge review-seen">Seen<');

    const handled = await review(routine.intakeId, 'handled');
    expect(handled.status).toBe(303);
    expect(handled.headers.get('location')).toBe(`/clinic/intakes/${routine.intakeId}`);
    // Reading it again does not undo "handled".
    expect(await get(`/clinic/intakes/${routine.intakeId}`)).toContain('class="badge review-handled">Handled<');

    const onlyHandled = await get('/clinic?review=handled');
    expect(onlyHandled).toContain(routine.intakeId);
    expect(onlyHandled).not.toContain(emergency.intakeId);
    const onlyNew = await get('/clinic?review=new');
    expect(onlyNew).toContain(emergency.intakeId);
    expect(onlyNew).not.toContain(routine.intakeId);
    expect(onlyNew).toMatch(/<option value="new" selected>New<\/option>/);

    expect((await review(routine.intakeId, 'seen')).status).toBe(303);
    expect(await get('/clinic?review=handled')).not.toContain(routine.intakeId);
  });

  it('refuses a review change from another site or with a value it does not know', async () => {
    expect((await review(emergency.intakeId, 'handled', { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await review(emergency.intakeId, 'archived')).status).toBe(400);
    expect(row(await get('/clinic'), emergency.intakeId)).toContain('review-new');
  });

  it('the detail shows the follow-up question and its answer, and warnings mentioned but not confirmed', async () => {
    // Numbness without worsening weakness: the follow-up was answered "no".
    const detail = await get(`/clinic/intakes/${numb.intakeId}`);
    expect(detail).toMatch(/Asked: “About the pins and needles or numbness: is there weakness in that arm or leg that is getting worse\?” Answer: <strong>no<\/strong>/);
    // A summary with the coming `mentioned` field (CONTRACT §3): shown as a warning; records without it show none.
    expect(detail).not.toContain('Mentioned, not confirmed');
    await server.db.query(`UPDATE intakes SET summary = jsonb_set(summary, '{mentioned}', $2::jsonb) WHERE intake_id = $1::uuid`, [
      numb.intakeId,
      JSON.stringify([{ code: 'chest_pain_breathless', words: 'a bit of <b>chest</b> tightness', confirmed: false }]),
    ]);
    const withMention = await get(`/clinic/intakes/${numb.intakeId}`);
    expect(withMention).toContain('Mentioned, not confirmed:');
    expect(withMention).toContain('a bit of &lt;b&gt;chest&lt;/b&gt; tightness');
    expect(row(await get('/clinic'), numb.intakeId)).toContain('(mentioned, not confirmed)');
  });
});
