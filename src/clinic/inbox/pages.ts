// The staff inbox pages, server-rendered. Every patient string goes through `html` (escaped).
import type { ClinicProfile } from '../../../dialogs/clinicProfile.js';
import { MOVEMENT_LABELS } from '../../../dialogs/movements.js';
import { describeSite } from '../../../dialogs/painAreas.js';
import { cutAt } from '../../../dialogs/understanding/index.js';
import { FOLLOW_UPS, screenText } from '../../../dialogs/redFlags.js';
import { z } from 'zod';
import type { Contact, Duration, Flag, MovementLimit, Recommendation } from '../../../dialogs/summarySchema.js';
import { STEPS, TRIAGES, type Cause, type Difficulty, type Region, type Side, type Step, type Triage } from '../../../dialogs/vocabulary.js';
import { OUTCOMES, REVIEWS, type IntakePage, type IntakeRecord, type Outcome, type Review } from '../intakeRecords.js';
import { DIFFICULTY_LABELS, DURATION_LABELS, OUTCOME_LABELS, TRIAGE_ADVICE, TRIAGE_LABELS, causeLabel } from '../labels.js';
import type { Delivery } from '../outbox.js';
import { formatDate, formatDateTime } from '../time.js';
import { html, raw, type SafeHtml } from './html.js';

export interface PageContext {
  clinic: ClinicProfile;
  timeZone: string;
}

const STEP_LABELS: Record<Step, string> = {
  consent: 'Consent', location: 'Where it hurts', side: 'Which side', primary: 'Main area', spread: 'Where it spreads',
  duration: 'Since when', cause: 'What brought it on', intensity_now: 'Pain now', intensity_worst: 'Worst pain',
  movement: 'Movements', red_flags: 'Safety screen', precautions: 'Precautions', summary: 'Checking the summary',
  contact: 'Contact details', booking: 'Booking', done: 'Done', emergency: 'Emergency', declined: 'Declined',
};

/** One shape for confirmed and abandoned intakes; null means "not answered". */
interface View {
  painAreas: Array<{ region: Region; side?: Side | undefined; primary: boolean }> | null;
  spreadsTo: Array<{ region: Region; side: Side }> | null;
  duration: Duration | null;
  causes: Cause[] | null;
  now: number | null;
  worst: number | null;
  limits: MovementLimit[] | null;
  flags: Flag[] | null;
  triage: Triage | null;
  recommendation: Recommendation | null;
  contact: Contact | null;
  words: Partial<Record<string, string[]>>;
  /** Warning signs typed but not confirmed (CONTRACT §3 `mentioned`); empty for records without it. */
  mentioned: Mention[];
}

// Read apart from the summary's own schema: records written before the field existed have none, and
// one that does not match is shown as none rather than failing the page.
const Mentions = z.array(z.object({ code: z.string().max(64), words: z.string().max(2000), confirmed: z.literal(false) }).loose()).max(50);
type Mention = z.infer<typeof Mentions>[number];

function mentionsOf(value: unknown): Mention[] {
  const parsed = Mentions.safeParse((value as { mentioned?: unknown } | null)?.mentioned ?? []);
  return parsed.success ? parsed.data : [];
}

function viewOf(r: IntakeRecord): View {
  const s = r.summary;
  if (s) {
    return {
      painAreas: s.painAreas, spreadsTo: s.spreadsTo, duration: s.duration, causes: s.causes, now: s.intensity.now,
      worst: s.intensity.worst, limits: s.movementLimits, flags: s.flags, triage: s.triage, recommendation: s.recommendation,
      contact: s.contact ?? null, words: s.patientWords, mentioned: mentionsOf(s),
    };
  }
  const p = r.partial!;
  return {
    painAreas: p.painAreas ?? null, spreadsTo: p.spreadsTo ?? null, duration: p.duration ?? null, causes: p.causes ?? null,
    now: p.intensity?.now ?? null, worst: p.intensity?.worst ?? null, limits: p.movementLimits ?? null, flags: p.flags ?? null,
    triage: p.triage ?? null, recommendation: null, contact: p.contact ?? null, words: p.patientWords, mentioned: mentionsOf(p),
  };
}

const NOT_ANSWERED = html`<span class="unanswered">not answered</span>`;

function triageBadge(triage: Triage | null): SafeHtml {
  return triage ? html`<span class="badge ${triage}">${TRIAGE_LABELS[triage]}</span>` : html`<span class="badge none">Not screened</span>`;
}

function outcomeBadge(outcome: Outcome): SafeHtml {
  return html`<span class="badge outline${outcome === 'abandoned' ? ' abandoned' : ''}">${OUTCOME_LABELS[outcome]}</span>`;
}

const REVIEW_LABELS: Record<Review, string> = { new: 'New', seen: 'Seen', handled: 'Handled' };

function reviewBadge(review: Review): SafeHtml {
  return html`<span class="badge review-${review}">${REVIEW_LABELS[review]}</span>`;
}

/** Why an intake is flagged, in the list: the signs themselves, then unconfirmed mentions. */
function flagList(v: View): SafeHtml {
  const flags = v.flags ?? [];
  const items = [
    ...flags.map((f) => html`<li class="flag-${f.level}">${screenText(f.code as never)}</li>`),
    ...v.mentioned.map((m) => html`<li class="flag-mentioned">${screenText(m.code as never)} <span class="muted">(mentioned, not confirmed)</span></li>`),
  ];
  if (items.length === 0) return html``;
  const shown = items.slice(0, 3);
  return html`<ul class="flags">${shown}${items.length > 3 ? html`<li class="muted">+${items.length - 3} more</li>` : ''}</ul>`;
}

function deliveryText(d: Delivery | null): SafeHtml {
  if (!d) return html`<span class="muted">—</span>`;
  const label = d.status === 'delivered' ? 'Delivered' : d.status === 'failing' ? `Failing (${d.attempts} tries)` : 'Pending';
  return html`<span class="dot ${d.status}"></span>${label}`;
}

function where(v: View): string {
  if (!v.painAreas?.length) return '';
  return v.painAreas.map((a) => describeSite(a.region, a.side) + (a.primary && v.painAreas!.length > 1 ? ' (main)' : '')).join(', ');
}

function layout(ctx: PageContext, title: string, body: SafeHtml, opts: { signedIn: boolean; bodyClass?: string } = { signedIn: true }): string {
  return html`<!doctype html>
<html lang="en-AU">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<link rel="icon" href="data:,">
<title>${title} · ${ctx.clinic.name}</title>
<link rel="stylesheet" href="/clinic/assets/inbox.css">
<script src="/clinic/assets/inbox.js" defer></script>
</head>
<body class="${opts.bodyClass ?? ''}">
${opts.bodyClass === 'print-page' ? '' : html`<header class="topbar"><div class="wrap">
  <a class="clinic" href="/clinic">${ctx.clinic.name}<small>Intake inbox</small></a>
  ${opts.signedIn ? html`<form class="inline" method="post" action="/clinic/logout"><button type="submit">Sign out</button></form>` : ''}
</div></header>`}
<main class="wrap">
${body}
</main>
</body>
</html>`.value;
}

export function signInPage(ctx: PageContext, error?: string): string {
  return layout(
    ctx,
    'Sign in',
    html`<form class="signin" method="post" action="/clinic/login">
  <h1>Intake inbox</h1>
  <p class="muted small">Pre-assessments from ${ctx.clinic.name}'s chat. Sign in with the clinic access token (CLINIC_API_TOKEN).</p>
  <label for="token">Clinic access token</label>
  <input id="token" name="token" type="password" autocomplete="current-password" required autofocus>
  ${error ? html`<p class="error" role="alert">${error}</p>` : ''}
  <button class="primary" type="submit">Sign in</button>
</form>`,
    { signedIn: false },
  );
}

export function notConfiguredPage(): string {
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Clinic inbox not configured</title><link rel="icon" href="data:,"><link rel="stylesheet" href="/clinic/assets/inbox.css"></head>
<body><main class="wrap"><div class="signin">
<h1>The clinic inbox is not configured</h1>
<p>Set <code>CLINIC_API_TOKEN</code> (at least 24 characters, for example from <code>openssl rand -hex 32</code>) and restart the server to turn on the clinic inbox and API. There is no default token.</p>
</div></main></body></html>`.value;
}

export interface ListFilters {
  triage?: Triage | undefined;
  outcome?: Outcome | undefined;
  review?: Review | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

function queryString(filters: ListFilters, cursor?: string): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v) q.set(k, v);
  if (cursor) q.set('cursor', cursor);
  const s = q.toString();
  return s ? `?${s}` : '';
}

function option(value: string, label: string, selected: string | undefined): SafeHtml {
  return html`<option value="${value}"${value === (selected ?? '') ? raw(' selected') : ''}>${label}</option>`;
}

export function listPage(ctx: PageContext, page: IntakePage, filters: ListFilters, opts: { paged: boolean; notice?: string }): string {
  const showWebhook = page.items.some((r) => r.delivery !== null);
  const rows = page.items.map((r) => {
    const v = viewOf(r);
    const name = v.contact?.name;
    const pain = v.now !== null ? `${v.now}${v.worst !== null ? ` / ${v.worst}` : ''}` : '';
    const phone = v.contact?.phone;
    return html`<tr class="${r.triage ?? 'none'} review-${r.review}">
  <td class="nowrap">${formatDateTime(r.recordedAt, ctx.timeZone)}</td>
  <td class="who"><a href="/clinic/intakes/${r.intakeId}">${name ?? html`<span class="muted">No name given</span>`}</a>${phone ? html`<div class="small"><a href="tel:${telDigits(phone)}">${phone}</a></div>` : ''}</td>
  <td>${where(v) || NOT_ANSWERED}</td>
  <td class="opt nowrap">${pain || NOT_ANSWERED}</td>
  <td>${triageBadge(r.triage)}${flagList(v)}</td>
  <td>${outcomeBadge(r.outcome)}</td>
  <td>${reviewBadge(r.review)}</td>
  ${showWebhook ? html`<td class="opt small nowrap">${deliveryText(r.delivery)}</td>` : ''}
</tr>`;
  });
  const body = html`
<h1>Intakes</h1>
<p class="muted small">Newest first. Times in ${ctx.timeZone}. Open one to read it before the first appointment.</p>
${opts.notice ? html`<p class="notice" role="status">${opts.notice}</p>` : ''}
<form class="filters" method="get" action="/clinic">
  <label>Triage<select name="triage">${option('', 'Any', filters.triage)}${TRIAGES.map((t) => option(t, TRIAGE_LABELS[t], filters.triage))}</select></label>
  <label>Outcome<select name="outcome">${option('', 'Any', filters.outcome)}${OUTCOMES.map((o) => option(o, OUTCOME_LABELS[o], filters.outcome))}</select></label>
  <label>Status<select name="review">${option('', 'Any', filters.review)}${REVIEWS.map((r) => option(r, REVIEW_LABELS[r], filters.review))}</select></label>
  <label>From<input type="date" name="from" value="${filters.from ?? ''}"></label>
  <label>To<input type="date" name="to" value="${filters.to ?? ''}"></label>
  <button class="primary" type="submit">Filter</button>
  ${Object.values(filters).some(Boolean) ? html`<a class="button" href="/clinic">Clear</a>` : ''}
</form>
${rows.length === 0
    ? html`<div class="empty">No intakes${Object.values(filters).some(Boolean) ? ' match these filters' : ' yet'}. When a patient finishes the chat, their intake appears here.</div>`
    : html`<table class="intakes">
  <thead><tr><th>Received</th><th>Patient</th><th>Where</th><th class="opt" title="0–10, now / worst in the past week">Pain now / worst</th><th>Triage and flags</th><th>Outcome</th><th>Status</th>${showWebhook ? html`<th class="opt">Webhook</th>` : ''}</tr></thead>
  <tbody>${rows}</tbody>
</table>`}
<nav class="pager" aria-label="Pages">
  <span>${opts.paged ? html`<a href="/clinic${queryString(filters)}">← Newest</a>` : ''}</span>
  <span>${page.nextCursor ? html`<a href="/clinic${queryString(filters, page.nextCursor)}">Older →</a>` : ''}</span>
</nav>`;
  return layout(ctx, 'Intakes', body);
}

const LEVEL: Record<Difficulty, number> = { none: 0, some: 1, a_lot: 2, unable: 3 };

function painBar(label: string, score: number | null): SafeHtml {
  if (score === null) return html`<div class="pain"><span>${label}</span><span class="unanswered">not answered</span><span></span></div>`;
  return html`<div class="pain"><span>${label}</span><span class="bar" role="img" aria-label="${score} out of 10"><span class="w${score}"></span></span><span class="score">${score}/10</span></div>`;
}

/**
 * The follow-up question that settled a flag, and the answer it implies: "yes" raised `ifYes`, "no"
 * kept `ifNo` (a fall with severe pain is an emergency; numbness without worsening weakness is not).
 */
function followUp(code: string): SafeHtml {
  for (const f of Object.values(FOLLOW_UPS)) {
    if (!f) continue;
    if (f.ifYes === code) return html`<div class="small follow-up">Asked: “${f.question}” Answer: <strong>yes</strong></div>`;
    if (f.ifNo === code) return html`<div class="small follow-up">Asked: “${f.question}” Answer: <strong>no</strong></div>`;
  }
  return html``;
}

function alertBox(v: View, r: IntakeRecord): SafeHtml {
  const t = v.triage;
  const flags = v.flags ?? [];
  const heading = t ? `${TRIAGE_LABELS[t]}: ${TRIAGE_ADVICE[t]}` : 'Safety screen not reached: ask the red-flag questions at first contact.';
  return html`<section class="alert ${t ?? 'none'}" aria-label="Safety screen">
  <strong>${heading}</strong>
  ${flags.length ? html`<ul>${flags.map((f) => html`<li>${screenText(f.code)} <span class="small">(${f.level === 'see_doctor' ? 'see doctor' : f.level})</span>${followUp(f.code)}</li>`)}</ul>` : ''}
  ${v.mentioned.length ? html`<div class="mentioned"><strong>Mentioned, not confirmed:</strong><ul>${v.mentioned.map((m) => html`<li>${screenText(m.code as never)}: “${m.words}”</li>`)}</ul></div>` : ''}
  ${r.partial ? html`<div class="small">The patient left at “${STEP_LABELS[r.partial.lastStep]}” without finishing.</div>` : ''}
</section>`;
}

/** In print, only what adds to the structured answers above it (the rest stays in the inbox). */
const PRINTED_WORDS: ReadonlySet<Step> = new Set(['location', 'side', 'primary', 'spread', 'duration', 'cause', 'red_flags', 'precautions']);

function words(v: View, print: boolean): SafeHtml {
  const entries = STEPS.flatMap((step) => {
    const said = v.words[step];
    return said && said.length > 0 && (!print || PRINTED_WORDS.has(step)) ? [[step, said] as const] : [];
  });
  if (entries.length === 0) return html`<p class="unanswered">Only buttons were used.</p>`;
  const clip = (s: string) => (print && s.length > 140 ? `${cutAt(s, 140)}…` : s);
  return html`<div class="word-columns">${entries.map(
    ([step, said]) => html`<div class="word-group"><h3>${STEP_LABELS[step]}</h3>${(print ? said.slice(0, 2) : said).map((s) => html`<blockquote>${clip(s)}</blockquote>`)}${print && said.length > 2 ? html`<div class="small muted">+${said.length - 2} more in the inbox</div>` : ''}</div>`,
  )}</div>`;
}

function article(ctx: PageContext, r: IntakeRecord, print: boolean): SafeHtml {
  const v = viewOf(r);
  const c = v.contact;
  const lastActive = r.partial ? formatDateTime(r.partial.lastActivityAt, ctx.timeZone) : '';
  return html`
<div class="head">
  <div>
    <h1>${c?.name ?? 'No name given'}</h1>
    <div class="muted small">${r.outcome === 'abandoned' ? `Left unfinished; last active ${lastActive}` : `Received ${formatDateTime(r.recordedAt, ctx.timeZone)}`}${c?.phone ? html` · <a href="tel:${telDigits(c.phone)}">${c.phone}</a>` : ''}${c?.email ? ` · ${c.email}` : ''}</div>
    <div class="badges">${triageBadge(r.triage)} ${outcomeBadge(r.outcome)} ${print ? '' : reviewBadge(r.review)}</div>
  </div>
  ${print ? '' : html`<div class="actions">
    <button type="button" class="primary" data-print hidden>Print</button>
    <a class="button" href="/clinic/intakes/${r.intakeId}/print">Print view</a>
    <a class="button" href="/clinic/intakes/${r.intakeId}/fhir" download>FHIR</a>
    <a class="button" href="/clinic/intakes/${r.intakeId}/json" download>JSON</a>
    <form class="inline" method="post" action="/clinic/intakes/${r.intakeId}/review">
      <input type="hidden" name="review" value="${r.review === 'handled' ? 'seen' : 'handled'}">
      <button type="submit">${r.review === 'handled' ? 'Mark not handled' : 'Mark handled'}</button>
    </form>
    <form class="inline" method="post" action="/clinic/intakes/${r.intakeId}/delete" data-confirm="Delete this intake for good? This cannot be undone.">
      <button type="submit" class="danger">Delete</button>
    </form>
  </div>`}
</div>
${alertBox(v, r)}
<div class="grid">
  <section class="card">
    <h2>Where it hurts</h2>
    ${v.painAreas?.length ? html`<ul class="plain">${v.painAreas.map((a) => html`<li>${describeSite(a.region, a.side)}${a.primary && v.painAreas!.length > 1 ? html` <span class="badge outline">main</span>` : ''}</li>`)}</ul>` : NOT_ANSWERED}
    <div class="small spread"><span class="muted">Spreads to:</span> ${v.spreadsTo === null ? NOT_ANSWERED : v.spreadsTo.length ? v.spreadsTo.map((s) => describeSite(s.region, s.side)).join(', ') : 'does not spread'}</div>
  </section>
  <section class="card">
    <h2>Pain (0–10)</h2>
    ${painBar('Now', v.now)}
    ${painBar('Worst', v.worst)}
    <div class="small muted">Worst is over the past week. A change of about 2 points is clinically meaningful.</div>
  </section>
  <section class="card">
    <h2>History</h2>
    <dl class="facts">
      <dt>Since</dt><dd>${v.duration ? html`${v.duration.text || `${v.duration.weeks} weeks`} <span class="muted">· ${DURATION_LABELS[v.duration.category]}</span>` : NOT_ANSWERED}</dd>
      <dt>Cause</dt><dd>${v.causes?.length ? v.causes.map(causeLabel).join(', ') : NOT_ANSWERED}</dd>
    </dl>
  </section>
  <section class="card">
    <h2>Contact and booking</h2>
    <dl class="facts">
      <dt>Name</dt><dd>${c?.name ?? html`<span class="muted">not given</span>`}</dd>
      ${c?.phone ? html`<dt>Phone</dt><dd><a href="tel:${telDigits(c.phone)}">${c.phone}</a></dd>` : ''}
      ${c?.email ? html`<dt>Email</dt><dd>${c.email}</dd>` : ''}
      ${c?.preferredTimes ? html`<dt>Prefers</dt><dd>${c.preferredTimes}</dd>` : ''}
      <dt>Suggested</dt><dd>${v.recommendation ? `${v.recommendation.appointmentType}, ${v.recommendation.durationMinutes} min` : r.triage === 'emergency' ? 'No booking: urgent care' : html`<span class="muted">none</span>`}</dd>
    </dl>
  </section>
  <section class="card">
    <h2>Movements it limits</h2>
    ${v.limits?.length
      ? html`<table class="limits">${v.limits.map((m) => html`<tr><td>${cap(MOVEMENT_LABELS[m.movement])}</td><td>${DIFFICULTY_LABELS[m.difficulty]}<span class="level" aria-hidden="true">${[1, 2, 3].map((i) => raw(`<i class="${LEVEL[m.difficulty] >= i ? 'on' : ''}"></i>`))}</span></td></tr>`)}</table>`
      : NOT_ANSWERED}
  </section>
  <section class="card">
    <h2>Record</h2>
    <dl class="facts">
      <dt>Outcome</dt><dd>${OUTCOME_LABELS[r.outcome]}${r.partial ? ` at “${STEP_LABELS[r.partial.lastStep]}”` : ''}</dd>
      <dt>Started</dt><dd>${formatDateTime(r.startedAt, ctx.timeZone)}</dd>
      <dt>${r.outcome === 'abandoned' ? 'Last active' : 'Received'}</dt><dd>${r.partial ? lastActive : formatDateTime(r.recordedAt, ctx.timeZone)}</dd>
      <dt>Intake id</dt><dd class="mono">${r.intakeId}</dd>
      ${print || !r.delivery ? '' : html`<dt>Webhook</dt><dd>${deliveryText(r.delivery)}${r.delivery?.lastError ? html` <span class="muted">· ${r.delivery.lastError}</span>` : ''}</dd>`}
    </dl>
  </section>
  <section class="card wide words">
    <h2>In the patient's words</h2>
    ${words(v, print)}
  </section>
</div>
<p class="disclaimer">A pre-assessment collected by chat before the first appointment; not a diagnosis. ${print ? `Printed from ${ctx.clinic.name}'s intake inbox.` : ''}</p>`;
}

function telDigits(phone: string): string {
  return phone.replace(/[^0-9+]/g, '');
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function detailPage(ctx: PageContext, r: IntakeRecord): string {
  const name = viewOf(r).contact?.name ?? 'Intake';
  return layout(ctx, name, html`<nav class="crumbs"><a href="/clinic">← All intakes</a></nav>${article(ctx, r, false)}`);
}

export function printPage(ctx: PageContext, r: IntakeRecord): string {
  const header = html`<div class="print-header"><strong>${ctx.clinic.name}</strong><span class="small muted">Pre-assessment intake · ${formatDate(r.recordedAt, ctx.timeZone)}</span></div>`;
  return layout(ctx, 'Print', html`${header}${article(ctx, r, true)}`, { signedIn: true, bodyClass: 'print-page' });
}
