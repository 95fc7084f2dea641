// One corpus answer through the bot's own entry point (dialogs/interpret.ts, as the engine calls it),
// graded against the reading a myotherapist would write down.
import { EXAMPLE_CLINIC } from '../dialogs/clinicProfile.js';
import { freshContext, type IntakeContext, type QuestionState } from '../dialogs/intakeContext.js';
import { interpret, type Interpretation } from '../dialogs/interpret.js';
import { FOLLOW_UPS } from '../dialogs/redFlags.js';
import { durationCategory } from '../dialogs/triage.js';
import { movementsFor } from '../dialogs/movements.js';
import { REGIONS, type FlagCode, type Movement } from '../dialogs/vocabulary.js';
import type { AnswerRecord, Expect } from './corpus.js';

void EXAMPLE_CLINIC;
const AT = '2026-12-02T09:00:00.000Z';

/** The statechart state that asks each corpus step's question. */
export const STATE_OF: Record<AnswerRecord['step'], QuestionState> = {
  consent: 'consent', location: 'location', side: 'side', primary: 'primary', spread: 'spread', duration: 'duration',
  cause: 'cause', intensity_now: 'intensityNow', intensity_worst: 'intensityWorst', movement: 'movement', red_flags: 'redFlags',
  follow_up: 'flagFollowUp', precautions: 'precautions', summary: 'summary', contact: 'contact',
};

/** The conversation so far, as far as this answer's reading depends on it. */
function contextFor(r: AnswerRecord): IntakeContext {
  const ctx = freshContext({ intakeId: '00000000-0000-4000-8000-000000000000', conversationId: 'eval', channelId: 'eval', startedAt: AT });
  const c = (r.context ?? {}) as { region?: string; regions?: string[]; now?: number; movement?: Movement };
  const regions = c.regions ?? (c.region ? [c.region] : r.step === 'red_flags' ? ['lower_back'] : ['neck']);
  ctx.sites = regions.map((region) => ({ region: region as never, side: r.step === 'side' ? undefined : 'left' }));
  if (r.step === 'intensity_worst') ctx.intensityNow = c.now ?? null;
  // The movement asked about: a pain area whose questions include it, at its place in their order.
  if (r.step === 'movement' && c.movement) {
    const region = REGIONS.find((g) => movementsFor([g]).includes(c.movement!))!;
    ctx.sites = [{ region, side: 'left' }];
    ctx.primary = region;
    ctx.movementIndex = movementsFor([region]).indexOf(c.movement);
  }
  if (r.step === 'follow_up') {
    // The sign asked about: a checklist follow-up (the fall, pins and needles) or a typed sign confirmed.
    const sign = ((r.context ?? {}) as { sign?: FlagCode }).sign ?? 'trauma_fracture';
    const followUp = (Object.keys(FOLLOW_UPS) as FlagCode[]).find((code) => FOLLOW_UPS[code]!.ifYes === sign);
    if (followUp) ctx.screened = [followUp];
    else ctx.confirming = [{ code: sign, words: sign }];
  }
  return ctx;
}

export type Reading = Record<string, unknown>;

/** What the bot took from the answer, in the corpus's terms. */
export function readingOf(i: Interpretation): Reading {
  if (i.kind === 'miss') return { ask: i.why };
  if (i.kind === 'question') return { ask: `question_back:${i.back}` };
  if (i.kind === 'command') return { command: i.command };
  const e = i.event as Record<string, unknown> & { type: string };
  switch (e.type) {
    case 'CONSENT': return { agree: e['agree'] };
    case 'SITES': return { sites: e['sites'], ...(e['early'] ? { early: e['early'] } : {}) };
    case 'SPREAD': return { sites: e['sites'] };
    case 'SIDE': return { side: e['side'] };
    case 'PRIMARY': return { region: e['region'] };
    case 'DURATION': return { weeks: (e['duration'] as { weeks: number }).weeks };
    case 'CAUSES': return { causes: e['causes'] };
    case 'SCORE': return { score: e['value'] };
    // An answer kept for a later movement leaves the one asked to be asked again.
    case 'DIFFICULTY': return e['movement'] ? { ask: 'other_movement', for: e['movement'] } : { difficulty: e['difficulty'] };
    case 'FLAGS': case 'PRECAUTIONS': return { codes: e['codes'] };
    case 'YES_NO': return { yes: e['yes'] };
    case 'CONFIRM': return { confirm: true };
    case 'EDIT': return { edit: e['target'] };
    case 'CONTACT': return e['contact'] === null ? { skip: true } : { ...(e['contact'] as object) };
    case 'ONE_BY_ONE': return { ask: 'one_by_one' };
    default: return { event: e.type };
  }
}

const sameSet = (a: readonly unknown[] = [], b: readonly unknown[] = []) => a.length === new Set(b).size && new Set(a).size === a.length && a.every((x) => b.includes(x));
const digits = (s: unknown) => String(s ?? '').replace(/\D/g, '').replace(/^61/, '0');

function weeksMatch(got: unknown, want: number): boolean {
  if (typeof got !== 'number') return false;
  if (Math.abs(got - want) <= Math.max(0.25 * want, 0.3)) return true;
  // Long durations are rough in anyone's words: the same band is the same reading.
  return want >= 26 && durationCategory(got) === durationCategory(want);
}

function sitesMatch(got: unknown, want: Expect['sites']): boolean {
  const g = (got ?? []) as Array<{ region: string; side?: string }>;
  const w = want ?? [];
  if (!sameSet(g.map((s) => s.region), w.map((s) => s.region))) return false;
  return w.every((ws) => {
    const gs = g.find((s) => s.region === ws.region);
    // A side the patient did not give must not be invented (midline regions may be centre).
    return ws.side ? gs?.side === ws.side : gs?.side === undefined || gs.side === 'centre';
  });
}

/** Whether the reading is the one expected; early answers may be missed but never invented. */
export function matches(step: AnswerRecord['step'], got: Reading, want: Expect): boolean {
  if (want.ask !== undefined) return got['ask'] !== undefined;
  if (step === 'summary' && want.edit === 'contact' && got['ask'] === 'contact_next') return true;
  if (got['ask'] !== undefined || got['command'] !== undefined) return false;
  switch (step) {
    case 'consent': return got['agree'] === want.agree;
    case 'location': {
      if (!sitesMatch(got['sites'], want.sites)) return false;
      const early = (got['early'] ?? {}) as { duration?: { weeks: number }; causes?: string[]; intensityNow?: number };
      const w = want.early ?? {};
      if (early.duration && (w.weeks === undefined || !weeksMatch(early.duration.weeks, w.weeks))) return false;
      if (early.causes && (!w.causes || !sameSet(early.causes, w.causes))) return false;
      if (early.intensityNow !== undefined && early.intensityNow !== w.now) return false;
      return true;
    }
    case 'spread': return sitesMatch(got['sites'], want.sites);
    case 'side': return got['side'] === want.side;
    case 'primary': return got['region'] === want.region;
    case 'duration': return weeksMatch(got['weeks'], want.weeks ?? NaN);
    case 'cause': return sameSet(got['causes'] as string[], want.causes);
    case 'intensity_now': case 'intensity_worst': return got['score'] === want.score;
    case 'movement': return got['difficulty'] === want.difficulty;
    case 'red_flags': case 'precautions': return sameSet(got['codes'] as string[], want.codes);
    case 'follow_up': return got['yes'] === want.yes;
    // Contact details are asked right after the summary, so "change my number" is answered with that.
    case 'summary': return want.confirm ? got['confirm'] === true : got['edit'] === want.edit || (want.edit === 'contact' && got['ask'] === 'contact_next');
    case 'contact': {
      if (want.skip) return got['skip'] === true;
      if (want.name && String(got['name'] ?? '').toLowerCase() !== want.name.toLowerCase()) return false;
      if (want.phone && digits(got['phone']) !== digits(want.phone)) return false;
      if (want.email && String(got['email'] ?? '').toLowerCase() !== want.email.toLowerCase()) return false;
      return got['skip'] !== true;
    }
  }
}

/** Kinds of fact the issue holds to zero when the patient did not say them. */
export type Invented = Record<'regions' | 'causes' | 'durations' | 'flags', number>;

/**
 * What the reading records that the patient did not say: regions, causes, a duration or flags beyond
 * the expected reading (a question that should have been asked again counts all it recorded).
 */
export function invented(step: AnswerRecord['step'], got: Reading, want: Expect): Invented {
  const out: Invented = { regions: 0, causes: 0, durations: 0, flags: 0 };
  const beyond = (g: readonly string[] | undefined, w: readonly string[] | undefined) => (g ?? []).filter((x) => !(w ?? []).includes(x)).length;
  if (step === 'location' || step === 'spread') {
    out.regions = beyond(((got['sites'] ?? []) as Array<{ region: string }>).map((s) => s.region), (want.sites ?? []).map((s) => s.region));
    const early = (got['early'] ?? {}) as { duration?: unknown; causes?: string[] };
    if (early.duration && want.early?.weeks === undefined) out.durations = 1;
    out.causes = beyond(early.causes, want.early?.causes);
  }
  if (step === 'duration' && got['weeks'] !== undefined && want.weeks === undefined) out.durations = 1;
  if (step === 'cause') out.causes = beyond(((got['causes'] ?? []) as string[]).filter((c) => c !== 'unknown'), want.causes);
  if (step === 'red_flags' || step === 'precautions') out.flags = beyond(got['codes'] as string[] | undefined, want.codes);
  return out;
}

export interface Graded {
  record: AnswerRecord;
  got: Reading;
  ok: boolean;
}

export function grade(record: AnswerRecord): Graded {
  const ctx = contextFor(record);
  const state = record.step === 'follow_up' && ctx.confirming.length > 0 ? 'confirmSign' : STATE_OF[record.step];
  const got = readingOf(interpret(state, ctx, { text: record.text }, AT));
  return { record, got, ok: matches(record.step, got, record.expect) };
}
