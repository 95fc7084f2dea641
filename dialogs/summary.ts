// Builds the contract's IntakeSummary from what the conversation holds, and describes it in plain
// language for the patient to check.
import type { ClinicProfile } from './clinicProfile.js';
import { flagsOf, hadFallOrKnock, mentionedOf, movementList, orderedRegions, type IntakeContext } from './intakeContext.js';
import { MOVEMENT_LABELS } from './movements.js';
import { describeSite } from './painAreas.js';
import { screenText } from './redFlags.js';
import { IntakeSummary, type MovementLimit } from './summarySchema.js';
import { describeWeeks } from './understanding/index.js';
import { recommend, triageOf } from './triage.js';
import type { Cause, Difficulty } from './vocabulary.js';

export function buildSummary(ctx: IntakeContext, clinic: ClinicProfile): IntakeSummary {
  const flags = flagsOf(ctx);
  const mentioned = mentionedOf(ctx).map((m) => ({ code: m.code, words: m.words, confirmed: false as const }));
  const triage = triageOf(flags, { mentioned: mentioned.length, fallOrKnock: hadFallOrKnock(ctx) });
  const duration = ctx.duration ?? { weeks: 0, category: 'acute' as const, text: '' };
  const primary = ctx.primary ?? ctx.sites[0]?.region;
  const movementLimits: MovementLimit[] = movementList(ctx).flatMap((movement) => {
    const difficulty = ctx.movementAnswers[movement];
    return difficulty ? [{ movement, difficulty }] : [];
  });
  const summary = {
    schemaVersion: 1 as const,
    intakeId: ctx.intakeId,
    conversationId: ctx.conversationId,
    channelId: ctx.channelId,
    startedAt: ctx.startedAt,
    completedAt: ctx.completedAt,
    painAreas: ctx.sites.map((s) => ({ region: s.region, side: s.side ?? 'centre', primary: s.region === primary })),
    spreadsTo: ctx.spreadsTo,
    duration,
    causes: ctx.causes.length > 0 ? ctx.causes : (['unknown'] as Cause[]),
    intensity: { now: ctx.intensityNow ?? 0, worst: Math.max(ctx.intensityWorst ?? 0, ctx.intensityNow ?? 0) },
    movementLimits,
    flags,
    mentioned,
    triage,
    recommendation: recommend(clinic, { triage, category: duration.category, regionCount: orderedRegions(ctx).length }),
    ...(ctx.contact ? { contact: ctx.contact } : {}),
    patientWords: ctx.patientWords,
  };
  // Parsing here catches a flow bug at the moment it happens, not in a clinic's integration.
  return IntakeSummary.parse(summary);
}

const CAUSE_WORDS: Record<Cause, string> = {
  strain: 'muscle strain',
  stress: 'stress or tension',
  repetitive_use: 'repetitive use',
  injury: 'an injury or accident',
  posture: 'posture or an awkward position',
  other: 'something else (in your words)',
  unknown: 'not sure',
};
/** How a movement limit reads to the patient (the summary, and a movement answer noted early). */
export const DIFFICULTY_WORDS: Record<Difficulty, string> = { none: 'no trouble', some: 'some trouble', a_lot: 'a lot of trouble', unable: 'unable' };

export function causeWords(causes: readonly Cause[]): string {
  // Each label may hold an "or" ("an injury or accident"), so several are joined with "and", not commas.
  return causes.map((c) => CAUSE_WORDS[c]).join(' and ');
}

/**
 * "since saturday (about 5 days, acute)": the patient's words, and the length understood when the words do not
 * already say it ("3 weeks (acute)"), so a date or an event read wrongly shows at once.
 */
function sinceLine(d: IntakeSummary['duration']): string {
  const about = describeWeeks(d.weeks);
  const [amount, unit] = about.split(' ');
  const said = d.text.toLowerCase();
  // The same number as a whole ("2.5 weeks" does not say 5 weeks) and the unit's first letters.
  const alreadySaid = new RegExp(`(?<![\\d.])${amount}(?![\\d.])`).test(said) && said.includes(unit!.slice(0, 3));
  return alreadySaid ? `${d.text} (${d.category})` : `${d.text} (about ${about}, ${d.category})`;
}

/** The plain-language lines the patient checks (the card shows the same facts). */
export function summaryFacts(s: IntakeSummary): Array<[string, string]> {
  const where = s.painAreas.map((a) => describeSite(a.region, a.side) + (a.primary && s.painAreas.length > 1 ? ' (main)' : '')).join(', ');
  const spread = s.spreadsTo.length ? s.spreadsTo.map((a) => describeSite(a.region, a.side)).join(', ') : 'does not spread';
  const limits = s.movementLimits.map((m) => `${MOVEMENT_LABELS[m.movement]}: ${DIFFICULTY_WORDS[m.difficulty]}`).join('; ');
  const flags = [...s.flags.map((f) => screenText(f.code)), ...(s.mentioned ?? []).map((m) => `mentioned: ${screenText(m.code).toLowerCase()}`)].join('; ');
  return [
    ['Where', where],
    ['Spreads to', spread],
    ['Since', sinceLine(s.duration)],
    ['Cause', causeWords(s.causes)],
    ['Pain', `${s.intensity.now}/10 now, ${s.intensity.worst}/10 at worst this week`],
    ['Movements', limits || 'none asked'],
    ['Health notes', flags || 'none'],
  ];
}
