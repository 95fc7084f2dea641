// Turns one patient input (typed text, a button's value, or a card submit) into a machine event
// for the current question, or into the precise reason it cannot be used. Structured values are
// validated with zod here: they come from outside (any Bot Framework client can send anything).
import { z } from 'zod';
import type { IntakeEvent } from './events.js';
import { EditTarget, STEP_OF, movementList, signAsked, type EarlyAnswers, type IntakeContext, type QuestionState } from './intakeContext.js';
import { MOVEMENT_LABELS } from './movements.js';
import { DIFFICULTY_WORDS, causeWords } from './summary.js';
import { movementNamed, namesAMovement, otherMovementNamed, partAbout } from './understanding/movementWords.js';
import { PRECAUTIONS, PRECAUTION_TEXT, screenFor } from './redFlags.js';
import { Contact } from './summarySchema.js';
import { isCallable } from './understanding/contact.js';
import * as nlu from './understanding/index.js';
import type { QuestionBack } from './understanding/questionsBack.js';
import type { Command, MissReason, NamedSite, Understood } from './understanding/types.js';
import { Cause, Difficulty, FlagCode, Region, Side, Step } from './vocabulary.js';

export interface PatientInput {
  text?: string;
  value?: unknown;
}

export type Why = MissReason | 'worst_below_now' | 'stale_button' | 'bad_value' | 'too_long' | 'which_edit' | 'contact_next';

export type Interpretation =
  | { kind: 'event'; event: IntakeEvent; note?: string }
  | { kind: 'command'; command: Command }
  | { kind: 'question'; back: QuestionBack }
  /** `early`: the answer to a later question, kept for it though this one is asked again. */
  | { kind: 'miss'; why: Why; detail?: string; said?: string; early?: EarlyAnswers };

/** Longer than any real answer; past this we ask for a shorter one rather than parse a document. */
export const MAX_TEXT = 2000;
/** What is kept of each typed answer for the clinician (the state must stay small). */
const MAX_SAID = 300;

const StructuredValue = z.object({ intake: z.object({ step: Step, answer: z.unknown().optional() }) }).passthrough();

const SitesValue = z.array(z.object({ region: Region, side: Side.optional() }));
// Built once: constructing a zod schema costs far more than parsing with it (12 µs against 0.2 µs
// for the pain score), and these run on every button press.
const AnyAnswer = z.boolean();
const SomeSites = SitesValue.min(1);
const DurationValue = z.object({ weeks: z.number().min(0).max(52 * 80), text: z.string().min(1).max(MAX_SAID) });
const Score = z.number().int().min(0).max(10);
const EditValue = z.object({ edit: EditTarget });
/** Adaptive Card multi-select inputs arrive as one comma-separated string. */
const CommaList = z.union([z.array(z.string()), z.string().transform((s) => (s.trim() === '' ? [] : s.split(',').map((x) => x.trim())))]);
const CauseList = CommaList.pipe(z.array(Cause));
const FlagList = CommaList.pipe(z.array(FlagCode));
const ContactForm = z
  .object({
    name: z.string().trim().optional(),
    // The same check as a typed number: 8 to 15 digits with the spaces, brackets and dashes people type.
    phone: z
      .string()
      .trim()
      .refine((p) => p === '' || isCallable(p), 'not a phone number')
      .optional(),
    email: z.string().trim().optional(),
    preferredTimes: z.string().trim().optional(),
  })
  .transform((f) => Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined && v !== '')))
  .pipe(Contact);

/** A button press or card submit: its answer is the value; any text is the button's own title. */
export function isStructured(input: PatientInput): boolean {
  return input.value !== undefined && StructuredValue.safeParse(input.value).success;
}

export function interpret(state: QuestionState, ctx: IntakeContext, input: PatientInput, at: string): Interpretation {
  const structured = StructuredValue.safeParse(input.value);
  if (structured.success) return fromValue(state, ctx, structured.data, at);
  const text = (input.text ?? '').trim();
  if (text.length > MAX_TEXT) return { kind: 'miss', why: 'too_long' };
  const back = nlu.parseQuestionBack(text);
  if (back) return { kind: 'question', back };
  const command = nlu.parseCommand(text);
  const backMeans = command === 'back' ? whatBackMeans(state, text) : 'command';
  if (backMeans === 'ask') return { kind: 'miss', why: 'ambiguous', detail: 'back_or_place' };
  if (command && backMeans === 'command') return { kind: 'command', command };
  const who = proxyOf(state, ctx, text);
  return fromText(state, ctx, who && state !== 'contact' ? nlu.inPatientsVoice(text, who) : text, at, text);
}

/**
 * Who the answers are for when someone answers for the patient: known once said, or said now ("answering for mum,
 * she had a fall"; "Yes. I'm filling this in for my mum" at consent, kept only if the answer is a yes, since
 * nothing is kept before it); "my son's left heel" says so only where the pain areas are asked.
 */
export function proxyOf(state: QuestionState, ctx: IntakeContext, text: string): IntakeContext['proxy'] {
  if (ctx.proxy) return ctx.proxy;
  return nlu.answeringFor(text, state === 'location') ?? undefined;
}

/**
 * "right" at "Which bothers you most: neck or upper back (right side)?": the one place on that side, when no place
 * was named and only one has it.
 */
function bySide(read: nlu.Understood<Region>, ctx: IntakeContext, text: string): nlu.Understood<Region> {
  if (read.ok) return read;
  const side = nlu.parseSide(text);
  if (!side.ok || side.value === 'centre') return read;
  const onThatSide = ctx.sites.filter((s) => s.side === side.value);
  return onThatSide.length === 1 ? { ok: true, value: onThatSide[0]!.region } : read;
}

/** The step a state's buttons carry: a checklist gone one item at a time keeps its own step. */
export function stepOf(state: QuestionState, ctx: IntakeContext) {
  return state === 'checkItem' && ctx.itemCheck?.of === 'precautions' ? 'precautions' : STEP_OF[state];
}

/** "back", "back!", "back pls": the word alone. */
const BARE_BACK = /^back[\s!.]*(please|pls|plz)?[\s!.]*$/i;

/** Where the question is about body parts, "back" or "the back" is the body part; "go back" still goes back. */
const REGION_STATES: ReadonlySet<QuestionState> = new Set(['location', 'primary', 'spread']);
const EXPLICIT_BACK = /^\s*(go back|go back please|please go back|previous|previous question|undo|back to (the )?(last|previous) question)\s*[.!]*\s*$/i;

function whatBackMeans(state: QuestionState, text: string): 'command' | 'body_part' | 'ask' {
  if (!REGION_STATES.has(state) || EXPLICIT_BACK.test(text)) return 'command';
  // A bare "back" where the spread is asked could be either, and a body part taken there could never be undone
  // with "back" (each "back" would note it again): ask which.
  return state === 'spread' && BARE_BACK.test(text) ? 'ask' : 'body_part';
}

function fromValue(state: QuestionState, ctx: IntakeContext, value: z.infer<typeof StructuredValue>, at: string): Interpretation {
  if (value.intake.step !== stepOf(state, ctx)) return { kind: 'miss', why: 'stale_button' };
  // Card submits put their inputs beside `intake`; buttons put the answer inside it.
  const answer = value.intake.answer ?? formAnswer(state, value);
  const event = eventFromAnswer(state, ctx, answer, at);
  return event ?? { kind: 'miss', why: 'bad_value' };
}

/** A card whose fields do not check out: no event, a clear "did not fit" instead. */
const INVALID_FORM = Symbol('invalid form');

function formAnswer(state: QuestionState, value: Record<string, unknown>): unknown {
  if (state === 'contact') {
    // An empty form is "no thanks"; a filled one that does not check out is refused, never dropped silently.
    const filled = ['name', 'phone', 'email', 'preferredTimes'].some((k) => typeof value[k] === 'string' && (value[k] as string).trim() !== '');
    if (!filled) return null;
    return ContactForm.safeParse(value).data ?? INVALID_FORM;
  }
  return value['codes'];
}

function eventFromAnswer(state: QuestionState, ctx: IntakeContext, answer: unknown, at: string): Interpretation | null {
  const ok = (event: IntakeEvent): Interpretation => ({ kind: 'event', event });
  switch (state) {
    case 'consent': {
      const v = AnyAnswer.safeParse(answer);
      return v.success ? ok({ type: 'CONSENT', agree: v.data }) : null;
    }
    case 'location': {
      const v = SomeSites.safeParse(answer);
      return v.success ? ok({ type: 'SITES', sites: v.data }) : null;
    }
    case 'side': {
      const v = Side.safeParse(answer);
      return v.success ? ok({ type: 'SIDE', side: v.data }) : null;
    }
    case 'primary': {
      const v = Region.safeParse(answer);
      return v.success && ctx.sites.some((s) => s.region === v.data) ? ok({ type: 'PRIMARY', region: v.data }) : null;
    }
    case 'spread': {
      const v = SitesValue.safeParse(answer);
      return v.success ? ok({ type: 'SPREAD', sites: spreadSites(ctx, v.data) }) : null;
    }
    case 'duration': {
      const v = DurationValue.safeParse(answer);
      return v.success ? ok({ type: 'DURATION', duration: v.data }) : null;
    }
    case 'cause': {
      const v = CauseList.safeParse(answer);
      return v.success ? ok({ type: 'CAUSES', causes: v.data.length ? [...new Set(v.data)] : ['unknown'] }) : null;
    }
    case 'intensityNow':
    case 'intensityWorst': {
      const v = Score.safeParse(answer);
      return v.success ? scoreEvent(state, ctx, v.data) : null;
    }
    case 'movement': {
      const v = Difficulty.safeParse(answer);
      return v.success ? ok({ type: 'DIFFICULTY', difficulty: v.data }) : null;
    }
    case 'redFlags': {
      const offered = screenFor(ctx.sites.map((s) => s.region));
      const v = FlagList.safeParse(answer);
      return v.success && v.data.every((c) => offered.includes(c)) ? ok({ type: 'FLAGS', codes: [...new Set(v.data)] }) : null;
    }
    case 'flagFollowUp':
    case 'confirmSign':
    case 'checkItem': {
      const v = AnyAnswer.safeParse(answer);
      return v.success ? ok({ type: 'YES_NO', yes: v.data }) : null;
    }
    case 'precautions': {
      const v = FlagList.safeParse(answer);
      return v.success && v.data.every((c) => PRECAUTIONS.includes(c)) ? ok({ type: 'PRECAUTIONS', codes: [...new Set(v.data)] }) : null;
    }
    case 'summary': {
      if (answer === 'confirm') return ok({ type: 'CONFIRM' });
      const v = EditValue.safeParse(answer);
      return v.success ? ok({ type: 'EDIT', target: v.data.edit }) : null;
    }
    case 'contact': {
      if (answer === null) return ok({ type: 'CONTACT', contact: null, at });
      const v = Contact.safeParse(answer);
      return v.success ? ok({ type: 'CONTACT', contact: v.data, at }) : null;
    }
  }
}

/** Where spread has no side, the side of the main pain is the likeliest reading (pain spreads down the same side). */
export function spreadSites(ctx: IntakeContext, sites: readonly NamedSite[]) {
  const primarySide = ctx.sites.find((s) => s.region === ctx.primary)?.side;
  const inherited = primarySide === 'left' || primarySide === 'right' || primarySide === 'both' ? primarySide : 'centre';
  // "Just my neck" names the pain area itself, which is not somewhere it spreads to.
  const painRegions = new Set(ctx.sites.map((s) => s.region));
  return sites.filter((s) => !painRegions.has(s.region)).map((s) => ({ region: s.region, side: s.side ?? inherited }));
}

/** A bare number next to a body part ("L5", "my 2 knees") is not a pain score; these cues make it one. */
const SCORE_CUE = /\/\s*10|out of|\b(about|around|roughly|maybe|like)\b|\b(score|rating|level)\b|\bpain (is|at|of)\b/i;

/** A length of time plainly given in a message about something else. */
const DURATION_CUE = /\b(\d+(\.\d+)?\s*|(a|an|one|two|three|four|five|six|seven|eight|nine|ten|few|couple|several)\s+)(days?|d|wks?|weeks?|w|months?|mths?|mo|yrs?|years?|fortnight)\b|\bfor (years|ages)\b|\bsince ((about|around|roughly|approx|early|mid|late) )?(last|the|my|i|xmas|christmas|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|\d)|\b\d+\/52\b/i;

/**
 * Words that introduce a cause in a message about something else. After another answer (the duration,
 * the spread) "since" only dates the pain ("since the trip"), so it does not count; "when i" describes the
 * pain anywhere ("clicks when i chew" is what sets it off, not what started it).
 */
const CAUSE_WORDS = 'from|after|doing|playing|while|because|cos|coz|lift(ed|ing)?|carr(y|ied|ying)|fell|slipped|tripped|crash|accident|at (the )?(gym|work)|hurt it|did it|strained|twisted|rolled|stress(ed)?|slept';
const CAUSE_CUE = new RegExp(`\\b(${CAUSE_WORDS}|since|fall|pulled)\\b`, 'i');
const LATER_CAUSE_CUE = new RegExp(`\\b(${CAUSE_WORDS}|pull(ed|ing))\\b`, 'i');

/** Events whose time is theirs, not the pain's: "surgery 2 yrs ago", "broke my leg as a kid, 30 yrs ago". */
const OTHER_EVENT = /\b(surgery|operation|op|replaced|replacement|cancer|broke|broken|fracture[sd]?|as a kid|pregnant|pregnancy|baby)\b/i;
/** A score that is not now: "gets to about a 9 at night", "up to 8 at its worst". */
const NOT_NOW_SCORE = /\b(gets? to|goes? up to|up to|worst|at night|peaks?|spikes?|when|whenever|if)\b/i;

/**
 * The sentences that may date the pain itself: not one that names a warning sign ("seeing double since
 * yesterday") or another event ("had surgery on it 2 yrs ago"). Their time is theirs; the duration
 * question asks for the pain's own.
 */
function painTimeText(text: string): string {
  return sentencesOf(text)
    .filter((sentence) => !OTHER_EVENT.test(sentence) && nlu.findSigns(sentence, 'checklist').length === 0)
    .join('. ');
}

/** Sentences, at full stops that are no decimal point ("about 2.5 weeks" is one). */
const sentencesOf = (text: string): string[] => text.split(/(?<!\d)\.(?!\d)|[;!?\n]+/);

/**
 * At the duration question: the pain's own time. "started around july. I had bowel cancer a few years back" is
 * July; the cancer's time is its own. The whole answer is read when nothing else is left.
 */
function painDuration(text: string, at: string): ReturnType<typeof nlu.parseDuration> {
  // One sentence has no other event's sentence to leave out.
  if (sentencesOf(text).filter((s) => s.trim()).length < 2) return nlu.parseDuration(text, at);
  const timed = painTimeText(text);
  const own = timed.trim() && timed !== text ? nlu.parseDuration(timed, at) : null;
  return own?.ok ? { ...own, value: { ...own.value, text } } : nlu.parseDuration(text, at);
}

/**
 * The words of the answer that gave the length, for the summary's "Since:" ("bout a month", not "bout a month, came on
 * after i started the new job"): the first part that reads as the same length on its own, else the whole answer.
 */
function durationWords(text: string, weeks: number, at: string): string {
  const parts = text.split(/[,.;!]/).map((p) => p.trim()).filter(Boolean);
  if (parts.length < 2) return text;
  const own = parts.find((p) => {
    const read = nlu.parseDuration(p, at);
    return read.ok && Math.abs(read.value.weeks - weeks) < 0.01;
  });
  return own ?? text;
}

const MAX_EARLY_WEEKS = 50 * 52;

/** Only a length plainly given ("3 wks", "since march"), not "most days", "today" or a date about something else. */
function earlyDuration(text: string, at: string): EarlyAnswers['duration'] {
  if (!DURATION_CUE.test(text)) return undefined;
  const timed = painTimeText(text);
  const duration = DURATION_CUE.test(timed) ? nlu.parseDuration(timed, at) : null;
  // Said back and stored as the value understood, not the whole sentence it came in. Over fifty years is an age
  // ("for my papà, 78 years"), not how long it has hurt.
  return duration?.ok && duration.value.weeks <= MAX_EARLY_WEEKS ? { weeks: duration.value.weeks, text: `about ${nlu.describeWeeks(duration.value.weeks)}` } : undefined;
}

/**
 * Only a cause plainly given as one ("from cycling", "after lifting"), never a body word that sounds
 * like one ("tennis elbow", "arch"); "other" is the cause question's own reading of any words.
 */
function earlyCauses(text: string, cue: RegExp): EarlyAnswers['causes'] {
  return cue.test(text) ? plainCauses(nlu.parseCauses(text)) : undefined;
}

/** The causes of a reading that names them plainly: none that is only "other" words or "not sure". */
function plainCauses(read: ReturnType<typeof nlu.parseCauses>): EarlyAnswers['causes'] {
  return read.ok && !read.value.includes('unknown') && !read.value.includes('other') ? read.value : undefined;
}

/** "yes", "yep" at a list: something applies, but which is not said. */
function aBareYes<T>(read: Understood<T>, text: string): boolean {
  if (!notUnderstood(read)) return false;
  const yes = nlu.parseYesNo(text);
  return yes.ok && yes.value;
}

/** A reading that found nothing for its own question, so the answer may belong to another one. */
const notUnderstood = <T,>(read: Understood<T>): boolean => !read.ok && read.reason === 'not_understood';

/** Keeps only the answers found. */
function found(early: EarlyAnswers): EarlyAnswers | undefined {
  const kept = Object.fromEntries(Object.entries(early).filter(([, v]) => v !== undefined)) as EarlyAnswers;
  return Object.keys(kept).length ? kept : undefined;
}

/**
 * "my back" → "Which part of your back?" → "the low part": an answer to the bot's own "which part" is read
 * with the words it asked about. Only after a miss at this question, only when the answer alone names no
 * place, and only with the words of earlier tries at it (a place named would have ended the question).
 */
function sitesContinued(ctx: IntakeContext, text: string): { read: ReturnType<typeof nlu.parseSites>; text: string } {
  const read = nlu.parseSites(text);
  if (read.ok || read.reason !== 'not_understood' || ctx.misses === 0) return { read, text };
  // The latest earlier try first: "my back", "bout 2 wks", "lower" is still the lower back. Only this visit's
  // tries (each miss kept its words): what was answered before a "back" or an edit is not continued.
  for (const before of (ctx.patientWords.location ?? []).slice(-ctx.misses).reverse()) {
    const joined = `${before}, ${text}`;
    const again = nlu.parseSites(joined);
    // ("my back, been 2 weeks" then "lower": the length said in the first try is kept too.)
    if (again.ok) return { read: again, text: joined };
  }
  return { read, text };
}

/** Later answers in a location message, kept for when the flow reaches their questions. */
function earlyAnswers(text: string, at: string): EarlyAnswers | undefined {
  const score = nlu.parsePainScore(text);
  return found({
    duration: earlyDuration(text, at),
    causes: earlyCauses(text, CAUSE_CUE),
    intensityNow: score.ok && SCORE_CUE.test(text) && !NOT_NOW_SCORE.test(text) ? score.value : undefined,
  });
}

/**
 * Answers to questions after this one said in the same message, as an event's `early`, or nothing: the
 * duration said at the spread question, a cause said with either. A pain score is taken early only at the
 * first question, where a bare number is plainly one.
 */
function laterAnswers(text: string, at: string, answering: 'spread' | 'duration'): { early?: EarlyAnswers } {
  const early = found({ duration: answering === 'spread' ? earlyDuration(text, at) : undefined, causes: earlyCauses(text, LATER_CAUSE_CUE) });
  return early ? { early } : {};
}

/**
 * "can't sit more than 20 min" asked about bending forward: the answer is about another movement. Taken for
 * that one when it is on the patient's list (early for one still to come, a correction for one already
 * answered) and this one is asked again; otherwise asked again naming it. Never recorded against the
 * movement asked.
 */
function movementAnswer(ctx: IntakeContext, text: string, said: string): Interpretation | null {
  const list = movementList(ctx);
  const asked = list[ctx.movementIndex];
  const other = asked ? otherMovementNamed(text, asked, list) : null;
  if (!other) return null;
  const level = nlu.parseDifficulty(text);
  if (!level.ok || !list.includes(other)) return { kind: 'miss', why: 'not_understood', detail: `other_movement:${MOVEMENT_LABELS[other]}`, said };
  // Asked already: a correction, and the note says what it replaces. "cant kneel at all", then "squatting is ok
  // ish" with no "actually" or "sorry": the other half of the movement, so impossible one way and fine the other
  // is a lot (as in one answer), not a change to some.
  const before = ctx.movementAnswers[other];
  const tokens = nlu.tokenise(text);
  const corrects = nlu.correctionPoints(tokens).length > 0 || tokens.includes('actually');
  const otherHalf = before === 'unable' && level.value !== 'unable' && !corrects;
  const difficulty = otherHalf ? 'a_lot' : level.value;
  // Said again, and already so recorded ("kettle and shopping bags hurt" at lifting, once taken for carrying):
  // it answers the question asked, or the question would come back for ever.
  if (before === difficulty) return null;
  const change = before !== undefined && before !== difficulty ? `, now ${DIFFICULTY_WORDS[difficulty]} (it was ${DIFFICULTY_WORDS[before]})` : `, ${DIFFICULTY_WORDS[difficulty]}`;
  return { kind: 'event', event: { type: 'DIFFICULTY', difficulty, movement: other, said }, note: MOVEMENT_LABELS[other] + change };
}

/** Not knowing the answer to the question asked: "couldnt tell you", "not sure", "hard to say", "cant remember". */
const HEDGE = /\b(couldnt|couldn't|cant|can't|cannot) (tell|say|remember|recall)\b|\bnot sure\b|\bhard to (say|tell|remember)\b|\bno idea\b|\bdunno\b|\bidk\b/i;

/** A movement said to be limited now. */
const LIMIT_CUE = /\b(cant|can't|cannot|can not|couldnt|couldn't|unable|hard|harder|difficult|struggle|struggling|impossible|hurts?|painful|kills?|agony|no way|not a chance|wont|won't|limits?|trouble|nightmare|sore|a mission|forget it|wakes?|woken)\b/i;

/** "hurts when I lift", "worse if I sit": what makes it worse now, not what brought it on. */
const AGGRAVATES = /\b(when|whenever|worse|worst|if|depends|makes it|sets it off)\b/i;
/** "prob from lifting the kids": said as the cause. */
const CAUSE_FRAMING = /\b(from|because|cos|coz|after|prob|probably|reckon|think|maybe|must have|must be|started)\b/i;

/**
 * "prob from lifting the kids in the car" typed at the pain score, just after the cause question: more about
 * what brought it on. Added to the causes (and noted), and the score is asked again. Only for a message with
 * no score in it (the caller's check), not about what makes it worse, and said as the cause unless the
 * patient had said "not sure".
 */
function lateCause(ctx: IntakeContext, text: string, said: string): Interpretation | null {
  if (AGGRAVATES.test(text)) return null;
  const unsure = ctx.causes.every((c) => c === 'unknown');
  if (!unsure && !CAUSE_FRAMING.test(text)) return null;
  const read = nlu.parseCauses(text);
  if (!read.ok) return null;
  const added = read.value.filter((c) => c !== 'other' && c !== 'unknown' && !ctx.causes.includes(c));
  if (!added.length) return null;
  return { kind: 'event', event: { type: 'CAUSES', causes: added, said }, note: `${causeWords(added)} as what brought it on` };
}

/**
 * "cant hang the washing, arm wont go up" typed at a pain score (or "stairs r hard" at the spread or the length):
 * how much a movement is limited, which is asked later. One movement on the patient's list, named plainly with a level, is kept for its question (said back
 * when it comes, with "back" to change it); otherwise the patient is told the movements come in a moment,
 * instead of "did not catch that". The score is asked again either way.
 */
function movementLater(ctx: IntakeContext, text: string, said: string): Interpretation | null {
  // Said as a limit now ("cant", "hard", "kills"), not a story ("I lifted a lot of heavy boxes" is the cause),
  // nor a hedge about this question ("couldnt tell you, it hurts when i walk though" at the length).
  if (!namesAMovement(text) || !LIMIT_CUE.test(text) || HEDGE.test(text)) return null;
  const level = nlu.parseDifficulty(text);
  if (!level.ok) return null;
  const movement = movementNamed(text);
  if (movement && movementList(ctx).includes(movement) && ctx.movementAnswers[movement] === undefined) {
    const early = { movements: { [movement]: level.value } };
    return { kind: 'miss', why: 'not_understood', detail: 'kept_for_movements', said, early };
  }
  return { kind: 'miss', why: 'not_understood', detail: 'movement_later', said };
}

/** "I take warfarin, and I have osteoporosis" typed at a pain score: kept for the precautions question. */
/**
 * "Tom 0412 555 666 arvos best" at a pain-score question: a phone number or email, not scores ("412 or 555"). Said
 * to come at the end, where it is asked.
 */
function contactEarly(text: string, said: string): Interpretation | null {
  const read = nlu.parseContact(text);
  return read.ok && read.value.kind === 'contact' ? { kind: 'miss', why: 'not_understood', detail: 'contact_later', said } : null;
}

function precautionsEarly(text: string, at: string, said: string): Interpretation | null {
  const read = nlu.parsePrecautions(text, [], at, false);
  if (!read.ok || read.value.length === 0) return null;
  return { kind: 'miss', why: 'not_understood', detail: 'kept_for_later', said, early: { precautions: read.value } };
}

/**
 * "2 weeks", "my desk setup, screen's too low" or "cant squat at all" where the place, the side, the main area or
 * the spread is asked: the answer to a question still to come. Said so ("I'll ask for that next / in a moment") instead of "did not
 * catch that". Only when this question's own reading found nothing.
 */
function laterQuestion<T>(ctx: IntakeContext, read: Understood<T>, text: string, at: string, duration: 'duration_next' | 'duration_later', said: string): Interpretation | null {
  if (!notUnderstood(read)) return null;
  // "stairs r hard esp going down", "cant squat at all": how much a movement is limited, kept for its question.
  const movement = movementLater(ctx, text, said);
  if (movement) return movement;
  // Kept for its question when it is plainly one ("6 wks", "from the hike", "desk job, new monitor is too low"),
  // which then is not asked again. Here the answer names no body part, so a cause needs no "from" to be one;
  // but "worse when sitting", "the one that hurts when i run" say what sets it off, not what started it.
  const causes = nlu.parseCauses(text);
  const early = found({ duration: earlyDuration(text, at), causes: AGGRAVATES.test(text) ? undefined : plainCauses(causes) });
  if (early) return { kind: 'miss', why: 'not_understood', detail: 'kept_for_later', said, early };
  if (DURATION_CUE.test(text) && nlu.parseDuration(text, at).ok) return { kind: 'miss', why: 'not_understood', detail: duration, said };
  // "5", "like a 7": a pain score, asked for in a moment (not "none", which answers no to this question).
  if (!causes.ok && causes.detail === 'score' && /\d|\b(one|two|three|four|five|six|seven|eight|nine|ten)\b/i.test(text)) return { kind: 'miss', why: 'not_understood', detail: 'score', said };
  return null;
}

function scoreEvent(state: QuestionState, ctx: IntakeContext, value: number, said?: string): Interpretation {
  if (state === 'intensityWorst' && ctx.intensityNow !== null && value < ctx.intensityNow) {
    return { kind: 'miss', why: 'worst_below_now', detail: String(ctx.intensityNow), ...(said ? { said } : {}) };
  }
  return { kind: 'event', event: { type: 'SCORE', value, ...(said ? { said } : {}) } };
}

/** `text` is read; `typed`, what the patient typed, is what is kept (they differ when someone answers for the patient). */
function fromText(state: QuestionState, ctx: IntakeContext, text: string, at: string, typed: string): Interpretation {
  const said = nlu.cutAt(typed, MAX_SAID);
  const withSaid = <T,>(u: Understood<T>, toEvent: (v: T) => Interpretation | IntakeEvent): Interpretation => {
    if (!u.ok) return { kind: 'miss', why: u.reason, ...(u.detail ? { detail: u.detail } : {}), said };
    const made = toEvent(u.value);
    if ('kind' in made) return made;
    return { kind: 'event', event: { ...made, said } as IntakeEvent, ...(u.note ? { note: u.note } : {}) };
  };
  switch (state) {
    case 'consent':
      return withSaid(nlu.parseConsent(text), (agree) => ({ type: 'CONSENT', agree }));
    case 'location': {
      // "bout 2 wks", "6ish", "lifted the kids car seat": no place named, but a later answer, kept or pointed to.
      const { read, text: whole } = sitesContinued(ctx, text);
      return (read.ok || read.detail ? null : laterQuestion(ctx, read, text, at, 'duration_later', said)) ?? withSaid(read, (a) => {
        if (!a.sites.length) return { kind: 'miss', why: 'not_understood', said };
        const early = { ...earlyAnswers(whole, at), ...(a.spread ? { spread: a.spread } : {}) };
        return { type: 'SITES', sites: a.sites, ...(Object.keys(early).length ? { early } : {}) };
      });
    }
    case 'side': {
      const read = nlu.parseSide(text);
      return laterQuestion(ctx, read, text, at, 'duration_later', said) ?? withSaid(read, (side) => ({ type: 'SIDE', side }));
    }
    case 'primary': {
      const read = bySide(nlu.parsePrimary(text, ctx.sites.map((s) => s.region)), ctx, text);
      return laterQuestion(ctx, read, text, at, 'duration_later', said) ?? withSaid(read, (region) => ({ type: 'PRIMARY', region }));
    }
    case 'spread': {
      const read = nlu.parseSpread(text);
      return laterQuestion(ctx, read, text, at, 'duration_next', said) ?? withSaid(read, (a) => ({ type: 'SPREAD', sites: spreadSites(ctx, a.sites), ...laterAnswers(text, at, 'spread') }));
    }
    case 'duration': {
      const read = painDuration(text, at);
      return (notUnderstood(read) ? movementLater(ctx, text, said) : null) ?? withSaid(read, (d) => ({ type: 'DURATION', duration: { weeks: d.weeks, text: nlu.cutAt(durationWords(typed, d.weeks, at), MAX_SAID) }, ...laterAnswers(text, at, 'duration') }));
    }
    case 'cause':
      return withSaid(nlu.parseCauses(text), (causes) => ({ type: 'CAUSES', causes }));
    case 'intensityNow': {
      const early = contactEarly(text, said);
      if (early) return early;
      const score = nlu.parsePainScore(text);
      const elsewhere = notUnderstood(score) ? (lateCause(ctx, text, said) ?? movementLater(ctx, text, said) ?? precautionsEarly(text, at, said)) : null;
      return elsewhere ?? withSaid(score, (value) => scoreEvent(state, ctx, value, said));
    }
    case 'intensityWorst': {
      const early = contactEarly(text, said);
      if (early) return early;
      const score = nlu.parseWorstScore(text, ctx.intensityNow);
      const elsewhere = notUnderstood(score) ? (movementLater(ctx, text, said) ?? precautionsEarly(text, at, said)) : null;
      return elsewhere ?? withSaid(score, (value) => scoreEvent(state, ctx, value, said));
    }
    case 'movement': {
      const other = movementAnswer(ctx, text, said);
      if (other) return other;
      const list = movementList(ctx);
      const asked = list[ctx.movementIndex];
      // "walking ok, cant run" at walking: the walking part, when it gives a level; else the whole answer.
      const part = asked ? partAbout(text, asked, list) : null;
      const ofPart = part ? nlu.parseDifficulty(part) : null;
      return withSaid(ofPart?.ok ? ofPart : nlu.parseDifficulty(text), (difficulty) => ({ type: 'DIFFICULTY', difficulty }));
    }
    case 'redFlags': {
      const read = nlu.parseFlagChecklist(text, screenFor(ctx.sites.map((s) => s.region)));
      // "Yes to all" is not taken as eleven emergencies: the items are asked one at a time instead.
      if (!read.ok && read.detail === 'all') return { kind: 'event', event: { type: 'ONE_BY_ONE' } };
      if (aBareYes(read, text)) return { kind: 'miss', why: 'not_understood', detail: 'which_items', said };
      // "im on warfarin for my heart", with the list's items or none: a precaution kept for the next question (and said so).
      const precautions = read.ok ? nlu.parsePrecautions(text, [], at, false) : null;
      if (read.ok && precautions?.ok && precautions.value.length > 0) {
        const note = `${precautions.value.map((c) => PRECAUTION_TEXT[c]!.toLowerCase()).join(' and ')} for the next question`;
        return { kind: 'event', event: { type: 'FLAGS', codes: read.value, typed: true, early: { precautions: precautions.value }, said }, note };
      }
      return withSaid(read, (codes) => ({ type: 'FLAGS', codes, typed: true }));
    }
    case 'flagFollowUp':
    case 'confirmSign':
    case 'checkItem': {
      const sign = signAsked(state, ctx);
      return withSaid(sign ? nlu.parseSignAnswer(text, sign) : nlu.parseYesNo(text), (yes) => ({ type: 'YES_NO', yes }));
    }
    case 'precautions': {
      const read = nlu.parsePrecautions(text, PRECAUTIONS, at);
      if (!read.ok && read.detail === 'all') return { kind: 'event', event: { type: 'ONE_BY_ONE' } };
      if (aBareYes(read, text)) return { kind: 'miss', why: 'not_understood', detail: 'which_items', said };
      return withSaid(read, (codes) => ({ type: 'PRECAUTIONS', codes }));
    }
    case 'summary':
      return withSaid(nlu.parseSummaryReply(text), (reply) => {
        if (reply.kind === 'confirm') return { type: 'CONFIRM' };
        if (reply.target === null) return { kind: 'miss', why: 'which_edit', said };
        if (reply.target === 'contact') return { kind: 'miss', why: 'contact_next', said };
        return { type: 'EDIT', target: reply.target };
      });
    case 'contact': {
      // Contact details are kept in `contact`, never in patientWords: not even a try that did not work, so a
      // patient who then says "no thanks" leaves no number behind.
      const read = nlu.parseContact(text);
      if (!read.ok) {
        // "dave 0412 555 01": the name is kept for the next try, which may give only the number.
        const name = nlu.nameSaid(text, read);
        return { kind: 'miss', why: read.reason, ...(read.detail ? { detail: read.detail } : {}), ...(name ? { early: { contactName: name.slice(0, 100) } } : {}) };
      }
      if (read.value.kind === 'skip') return { kind: 'event', event: { type: 'CONTACT', contact: null, at } };
      const { kind: _kind, ...details } = read.value;
      const name = details.name === nlu.NAME_NOT_GIVEN && ctx.early?.contactName ? ctx.early.contactName : details.name;
      const contact = Contact.safeParse({ ...details, name });
      return contact.success ? { kind: 'event', event: { type: 'CONTACT', contact: contact.data, at } } : { kind: 'miss', why: 'not_understood', detail: 'contact_invalid' };
    }
  }
}
