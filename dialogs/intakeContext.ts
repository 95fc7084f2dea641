// Everything the conversation remembers, and what follows from it. Anything derivable (flags,
// triage, which movements to ask) is computed here rather than stored, so it can never disagree
// with the answers it comes from.
import { z } from 'zod';
import { movementsFor } from './movements.js';
import { FOLLOW_UPS, PRECAUTIONS, screenFor } from './redFlags.js';
import { Contact, Duration } from './summarySchema.js';
import { flagsFrom } from './triage.js';
import { Cause, Difficulty, FlagCode, Movement, Region, Side, levelOf, type Step } from './vocabulary.js';

export const EDIT_TARGETS = ['location', 'duration', 'cause', 'intensity', 'movement', 'flags'] as const;
export const EditTarget = z.enum(EDIT_TARGETS);
export type EditTarget = z.infer<typeof EditTarget>;

/** The states that ask something and so can be returned to with "back". */
export const QUESTION_STATES = [
  'consent', 'location', 'side', 'primary', 'spread', 'duration', 'cause', 'intensityNow', 'intensityWorst',
  'movement', 'redFlags', 'flagFollowUp', 'precautions', 'summary', 'contact', 'confirmSign', 'checkItem',
] as const;
export const QuestionState = z.enum(QUESTION_STATES);
export type QuestionState = z.infer<typeof QuestionState>;

export const FINAL_STATES = ['done', 'emergency', 'declined'] as const;
export type FinalState = (typeof FINAL_STATES)[number];

/** The contract's step marker for each state (CONTRACT §2). */
export const STEP_OF: Record<QuestionState | FinalState, Step> = {
  consent: 'consent', location: 'location', side: 'side', primary: 'primary', spread: 'spread',
  duration: 'duration', cause: 'cause', intensityNow: 'intensity_now', intensityWorst: 'intensity_worst',
  movement: 'movement', redFlags: 'red_flags', flagFollowUp: 'red_flags', precautions: 'precautions',
  confirmSign: 'red_flags', checkItem: 'red_flags',
  summary: 'summary', contact: 'contact', done: 'done', emergency: 'emergency', declined: 'declined',
};

const Site = z.object({ region: Region, side: Side.optional() });

/**
 * Answers to later questions that the patient gave early ("lower back, 3 weeks, about a 7").
 * The engine applies each when the flow reaches its question, so it is never asked twice.
 */
export const EarlyAnswers = z.object({
  duration: Duration.omit({ category: true }).optional(),
  causes: z.array(Cause).optional(),
  intensityNow: z.number().int().min(0).max(10).optional(),
  spread: z.array(Site).max(20).optional(),
  /** How much a movement on the list is limited, typed at a pain-score question before the movements are asked. */
  movements: z.partialRecord(Movement, Difficulty).optional(),
  /** Precautions said at the safety checklist ("im on warfarin"), added to the precautions answer when it comes. */
  precautions: z.array(FlagCode).max(10).optional(),
  /** The name from a contact answer whose number or email could not be used, for the next try. */
  contactName: z.string().min(1).max(100).optional(),
});
export type EarlyAnswers = z.infer<typeof EarlyAnswers>;

/**
 * Answers said early, joined with those kept before: a later one replaces an earlier one of the same question, but
 * movements and precautions add up (one kept at each pain score, one more at the checklist).
 */
export function joinEarly(before: EarlyAnswers | undefined, added: EarlyAnswers): EarlyAnswers {
  const movements = before?.movements || added.movements ? { movements: { ...before?.movements, ...added.movements } } : {};
  const precautions = before?.precautions || added.precautions ? { precautions: [...new Set([...(before?.precautions ?? []), ...(added.precautions ?? [])])] } : {};
  return { ...before, ...added, ...movements, ...precautions };
}

/** A warning sign in the patient's own words (the safety protocol: ask, don't assume; never lose it). */
export const SignMention = z.object({ code: FlagCode, words: z.string().max(300) });
export type SignMention = z.infer<typeof SignMention>;

/** The closed form of a checklist: one item at a time as a yes/no question. */
export const ItemCheck = z.object({ of: z.enum(['redFlags', 'precautions']), index: z.number().int().min(0), yes: z.array(FlagCode) });
export type ItemCheck = z.infer<typeof ItemCheck>;

/** Where the conversation goes on after a typed sign has been asked about. */
export const ResumeAt = z.enum([...QUESTION_STATES, 'routeScreen']);
export type ResumeAt = z.infer<typeof ResumeAt>;

export const IntakeContext = z.object({
  intakeId: z.string().uuid(),
  conversationId: z.string(),
  channelId: z.string(),
  startedAt: z.string(),
  completedAt: z.string().nullable(),
  sites: z.array(Site),
  primary: Region.nullable(),
  spreadsTo: z.array(z.object({ region: Region, side: Side })),
  duration: Duration.nullable(),
  causes: z.array(Cause),
  intensityNow: z.number().int().min(0).max(10).nullable(),
  intensityWorst: z.number().int().min(0).max(10).nullable(),
  movementIndex: z.number().int().min(0),
  movementAnswers: z.partialRecord(Movement, Difficulty),
  screened: z.array(FlagCode).nullable(),
  followUpIndex: z.number().int().min(0),
  followUpAnswers: z.partialRecord(FlagCode, z.boolean()),
  precautions: z.array(FlagCode).nullable(),
  contact: Contact.nullable(),
  contactDeclined: z.boolean(),
  patientWords: z.partialRecord(z.string(), z.array(z.string())),
  misses: z.number().int().min(0),
  editing: EditTarget.nullable(),
  stopped: z.boolean(),
  trail: z.array(z.object({ state: QuestionState, index: z.number().int().min(0) })),
  early: EarlyAnswers.optional(),
  /** Someone answering for the patient ("filling this in for my daughter"): whose pronouns name the patient. */
  proxy: z.object({ who: z.enum(['he', 'she', 'either']), kin: z.string().max(30) }).optional(),
  /** Signs typed that were not asked about, or not answered: kept for the therapist as `mentioned`. */
  heard: z.array(SignMention),
  /** Typed emergency signs waiting for "is that happening now?", and the question to go back to. */
  confirming: z.array(SignMention),
  resumeAt: ResumeAt.nullable(),
  /** Typed signs the patient said are happening now. */
  confirmedSigns: z.array(FlagCode),
  /** Typed signs the patient said are not happening now: still shown to the therapist. */
  deniedSigns: z.array(SignMention),
  itemCheck: ItemCheck.nullable(),
});
export type IntakeContext = z.infer<typeof IntakeContext>;

export interface IntakeIdentity {
  intakeId: string;
  conversationId: string;
  channelId: string;
  startedAt: string;
}

export function freshContext(id: IntakeIdentity): IntakeContext {
  return {
    ...id,
    completedAt: null,
    sites: [],
    primary: null,
    spreadsTo: [],
    duration: null,
    causes: [],
    intensityNow: null,
    intensityWorst: null,
    movementIndex: 0,
    movementAnswers: {},
    screened: null,
    followUpIndex: 0,
    followUpAnswers: {},
    precautions: null,
    contact: null,
    contactDeclined: false,
    patientWords: {},
    misses: 0,
    editing: null,
    stopped: false,
    trail: [],
    heard: [],
    confirming: [],
    resumeAt: null,
    confirmedSigns: [],
    deniedSigns: [],
    itemCheck: null,
  };
}

/** Regions with the primary one first: the order movement questions and summaries use. */
export function orderedRegions(ctx: IntakeContext): Region[] {
  const regions = ctx.sites.map((s) => s.region);
  return ctx.primary ? [ctx.primary, ...regions.filter((r) => r !== ctx.primary)] : regions;
}

export function movementList(ctx: IntakeContext): Movement[] {
  return movementsFor(orderedRegions(ctx));
}

/** Index of the first site still waiting for its side, or -1. */
export function siteAwaitingSide(ctx: IntakeContext): number {
  return ctx.sites.findIndex((s) => s.side === undefined);
}

/** Ticked screen items that need a yes/no before they mean anything, in checklist order. */
export function pendingFollowUps(ctx: IntakeContext): FlagCode[] {
  return (ctx.screened ?? []).filter((code) => FOLLOW_UPS[code] !== undefined);
}

function codesFromScreen(ctx: IntakeContext): FlagCode[] {
  const codes: FlagCode[] = [];
  for (const code of ctx.screened ?? []) {
    const followUp = FOLLOW_UPS[code];
    if (!followUp) {
      codes.push(code);
      continue;
    }
    const answer = ctx.followUpAnswers[code];
    if (answer === true) codes.push(followUp.ifYes);
    if (answer !== undefined && followUp.ifNo) codes.push(followUp.ifNo);
  }
  return codes;
}

export function flagsOf(ctx: IntakeContext) {
  return flagsFrom([...codesFromScreen(ctx), ...ctx.confirmedSigns, ...(ctx.precautions ?? [])]);
}

export function hasEmergency(ctx: IntakeContext): boolean {
  return [...codesFromScreen(ctx), ...ctx.confirmedSigns].some((c) => levelOf(c) === 'emergency');
}

/** Signs the patient typed and did not confirm: never dropped, and never in both lists. */
export function mentionedOf(ctx: IntakeContext): SignMention[] {
  const flagged = new Set(flagsOf(ctx).map((f) => f.code));
  const out: SignMention[] = [];
  for (const m of [...ctx.deniedSigns, ...ctx.heard, ...ctx.confirming]) {
    if (!flagged.has(m.code) && !out.some((o) => o.code === m.code)) out.push(m);
  }
  return out;
}

/** A fall or knock, ticked at the checklist or given as the cause: with osteoporosis a GP should look first. */
export function hadFallOrKnock(ctx: IntakeContext): boolean {
  return (ctx.screened ?? []).includes('trauma_fracture') || ctx.causes.includes('injury');
}

/** The items of a checklist asked one at a time. */
export function itemsOf(ctx: IntakeContext, check: ItemCheck): FlagCode[] {
  return check.of === 'redFlags' ? screenFor(ctx.sites.map((s) => s.region)) : [...PRECAUTIONS];
}

/** The warning sign a yes/no question is about: the typed sign confirmed, the follow-up's, or the item asked. */
export function signAsked(state: QuestionState, ctx: IntakeContext): FlagCode | undefined {
  if (state === 'confirmSign') return ctx.confirming[0]?.code;
  if (state === 'flagFollowUp') {
    const code = pendingFollowUps(ctx)[ctx.followUpIndex];
    return code ? FOLLOW_UPS[code]?.ifYes : undefined;
  }
  if (state === 'checkItem' && ctx.itemCheck) return itemsOf(ctx, ctx.itemCheck)[ctx.itemCheck.index];
  return undefined;
}
