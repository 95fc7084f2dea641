// The conversation as a function: (persisted snapshot, patient input) → (snapshot, outputs, effects).
// Pure: time and ids come in through `env`, and saving or delivering happens in the shell.
import { z } from 'zod';
import { createActor, type AnyActorScope } from 'xstate';
import type { ClinicProfile } from './clinicProfile.js';
import type { IntakeEvent } from './events.js';
import { IntakeContext, QUESTION_STATES, STEP_OF, movementList, type QuestionState, type SignMention } from './intakeContext.js';
import { MOVEMENT_LABELS } from './movements.js';
import { MAX_TEXT, interpret, isStructured, proxyOf, spreadSites, type Interpretation, type PatientInput, type Why } from './interpret.js';
import { describeSite } from './painAreas.js';
import { FLOW_VERSION, intakeMachine } from './machine.js';
import type { Effect, Output } from './outputs.js';
import { ask, ending, marker, whichPartAsk, type Whole } from './prompts.js';
import { DIFFICULTY_WORDS, causeWords } from './summary.js';
import { cutAt, findSigns, inPatientsVoice, isWorthAsking } from './understanding/index.js';
import type { QuestionBack } from './understanding/questionsBack.js';
import { WORDS } from './words.js';

export interface TurnEnv {
  clinic: ClinicProfile;
  /** ISO time of this turn. */
  now: string;
  /** A fresh UUID, used when an intake starts. */
  newId: () => string;
  conversationId: string;
  channelId: string;
}

const StateName = z.enum([...QUESTION_STATES, 'done', 'emergency', 'declined']);

/** What is stored between turns: small, versioned, and validated on the way back in. */
export const PersistedIntake = z.object({ flowVersion: z.literal(FLOW_VERSION), state: StateName, context: IntakeContext });
export type PersistedIntake = z.infer<typeof PersistedIntake>;

export interface TurnResult {
  /** null: store nothing (before consent, after declining or stopping). */
  persisted: PersistedIntake | null;
  outputs: Output[];
  effects: Effect[];
}

type Snapshot = ReturnType<typeof intakeMachine.resolveState>;

/**
 * The scope the machine's pure transitions run in. xstate's `transition()` and `initialTransition()`
 * build a throwaway actor on every call, and constructing one computes the machine's initial snapshot:
 * measured with --cpu-prof, that was about half the cost of a transition. The machine has only
 * `assign` actions (applied by the transition itself) and no children, so one inert scope serves every
 * call; like those functions it executes nothing (side effects happen in the shell, never in actions).
 */
const scope: AnyActorScope = (() => {
  // The actor only lends its identity to the scope; it is never started.
  const self = createActor(intakeMachine, { input: { intakeId: '00000000-0000-4000-8000-000000000000', conversationId: '', channelId: '', startedAt: '' } });
  const none = () => {};
  return { self, id: '', sessionId: '', system: self.system, logger: none, defer: none, emit: none, stopChild: none, actionExecutor: none };
})();

function transition(snapshot: Snapshot, event: IntakeEvent): Snapshot {
  return intakeMachine.transition(snapshot, event, scope);
}

function start(env: TurnEnv): Snapshot {
  return intakeMachine.getInitialSnapshot(scope, {
    intakeId: env.newId(),
    conversationId: env.conversationId,
    channelId: env.channelId,
    startedAt: env.now,
  });
}

function stateOf(snapshot: Snapshot): z.infer<typeof StateName> {
  return StateName.parse(snapshot.value);
}

function persist(snapshot: Snapshot): PersistedIntake | null {
  const state = stateOf(snapshot);
  // Nothing is stored before consent (APP 3) or after the patient declines or stops.
  if (state === 'consent' || state === 'declined') return null;
  return { flowVersion: FLOW_VERSION, state, context: snapshot.context };
}

/** The greeting and consent question, for a new conversation (conversationUpdate, webchat/join). */
export function welcome(env: TurnEnv): TurnResult {
  return { persisted: null, outputs: [ask('consent', start(env).context, env.clinic)], effects: [] };
}

/** Restores a stored snapshot; anything unreadable (older flow, corrupt row) yields null. */
export function restore(stored: unknown): Snapshot | null {
  const parsed = PersistedIntake.safeParse(stored);
  if (!parsed.success) return null;
  const snapshot = intakeMachine.resolveState({ value: parsed.data.state, context: parsed.data.context });
  return snapshot.status === 'error' ? null : snapshot;
}

export function takeTurn(stored: unknown, input: PatientInput, env: TurnEnv): TurnResult {
  const restored = stored == null ? null : restore(stored);
  const preface: Output[] = stored != null && restored === null ? [{ kind: 'say', text: WORDS.flowChanged }] : [];
  const snapshot = restored ?? start(env);
  const state = stateOf(snapshot);

  if (state === 'done' || state === 'emergency' || state === 'declined') {
    return afterEnd(snapshot, state, input, env);
  }
  // Someone answering for the patient, said for the first time: kept, and said back once.
  const who = isStructured(input) ? undefined : proxyOf(state, snapshot.context, input.text ?? '');
  const newlyFor = who !== undefined && snapshot.context.proxy === undefined;
  const current = newlyFor ? transition(snapshot, { type: 'PROXY', ...who }) : snapshot;
  const interpretation = interpret(state, current.context, input, env.now);
  // Before consent nothing is stored, so no miss is counted there: an answer that is both or neither a
  // yes and a no ("yeah nah all good", "maybe") gets why, the buttons and the clinic's number each time,
  // not the welcome again as if it were never said.
  if (restored === null && interpretation.kind === 'miss' && (interpretation.why === 'ambiguous' || interpretation.detail === 'unsure')) {
    return { persisted: null, outputs: [...preface, ...consentAgain(interpretation, env)], effects: [] };
  }
  // A first message that is not an answer to consent ("hi") simply gets the welcome.
  if (restored === null && interpretation.kind !== 'event' && interpretation.kind !== 'command') {
    const fresh = welcome(env);
    return { ...fresh, outputs: [...preface, ...fresh.outputs] };
  }
  const result = respond(current, state, interpretation, typedSigns(state, input, who), env);
  return { ...result, outputs: [...preface, ...(newlyFor ? [say(WORDS.answeringFor)] : []), ...result.outputs] };
}

/** The consent question alone (the welcome was just read), after an answer that was not a clear yes or no. */
function consentAgain(interpretation: Extract<Interpretation, { kind: 'miss' }>, env: TurnEnv): Output[] {
  const question = ask('consent', start(env).context, env.clinic);
  return [
    say(`${missText('consent', interpretation.why, interpretation.detail)} ${WORDS.stuck(env.clinic)}`),
    question.kind === 'ask' ? { ...question, text: WORDS.consent } : question,
  ];
}

/** Safety questions whose own words are the answer; everywhere else a typed sign is asked about. */
const OWN_SAFETY_ANSWER: ReadonlySet<QuestionState> = new Set(['redFlags', 'checkItem', 'confirmSign', 'flagFollowUp']);

/**
 * Warning signs the patient typed as their own and current (ConText), at any question but the safety
 * ones. Only words the patient typed: a button's text is its title, which the bot wrote.
 */
export function typedSigns(state: QuestionState, input: PatientInput, proxy?: IntakeContext['proxy']): SignMention[] {
  if (OWN_SAFETY_ANSWER.has(state) || typeof input.text !== 'string' || input.text.length > MAX_TEXT || isStructured(input)) return [];
  // Read in the patient's own voice when someone answers for them: "her legs are numb" is the patient's sign.
  const signs = findSigns(proxy ? inPatientsVoice(input.text, proxy) : input.text, 'anywhere').filter(isWorthAsking);
  // The therapist reads the whole message the sign was in, in the patient's own words.
  const words = cutAt(input.text.trim(), 300);
  return signs.map((m) => ({ code: m.code, words }));
}

function respond(snapshot: Snapshot, state: QuestionState, interpretation: Interpretation, signs: SignMention[], env: TurnEnv): TurnResult {
  const clinic = env.clinic;
  switch (interpretation.kind) {
    case 'command':
      switch (interpretation.command) {
        case 'help':
          // Like a question back: it counts towards the closed form, so help asked again and again ends in buttons.
          return advance(snapshot, { type: 'MISS', step: STEP_OF[state] }, env, [say(`${WORDS.help[state]} ${WORDS.commands}`)]);
        case 'back':
          if (snapshot.context.trail.length === 0) return { persisted: persist(snapshot), outputs: [say(WORDS.firstQuestion), ask(state, snapshot.context, clinic)], effects: [] };
          return advance(snapshot, { type: 'BACK' }, env, []);
        case 'restart':
          return advance(snapshot, { type: 'RESTART', intakeId: env.newId(), at: env.now }, env, [say(WORDS.restarted)]);
        case 'stop':
          return advance(snapshot, { type: 'STOP' }, env, []);
        case 'delete_data':
          return deleted();
      }
      break;
    case 'question':
      // Answered, then the same question again. It counts towards the closed form like a miss (a third
      // identical question helps nobody), but the patient is not told they were not understood.
      return advance(snapshot, { type: 'MISS', step: STEP_OF[state] }, env, [say(answerBack(state, interpretation.back, clinic))]);
    case 'miss': {
      const said = interpretation.said ? { said: interpretation.said } : {};
      // Contact details are optional: a second answer that is not one is taken as "no thanks".
      if (state === 'contact' && snapshot.context.misses >= 1) {
        return advance(snapshot, { type: 'CONTACT', contact: null, at: env.now }, env, [say(WORDS.contactSkipped(clinic))]);
      }
      // At the closed form of an optional question, words that still fit no button are kept for the therapist.
      // An answer to a later question ("3", "since november", "cant run" at walking) is said where it belongs once, and
      // the closed form asked again, rather than the words standing in for this answer; a second time, they are kept.
      const bounced = snapshot.context.misses >= 3;
      if (snapshot.context.misses >= 2 && (state === 'movement' || state === 'spread' || state === 'cause') && (bounced || !answersAnotherQuestion(interpretation.detail))) {
        const kept: IntakeEvent =
          state === 'movement' ? { type: 'SKIP', ...said } : state === 'spread' ? { type: 'SPREAD', sites: [], ...said } : { type: 'CAUSES', causes: ['other'], ...said };
        return advance(snapshot, kept, env, [say(WORDS.somethingElse)], signs);
      }
      const early = interpretation.early ? { early: interpretation.early } : {};
      const miss: IntakeEvent = { type: 'MISS', step: STEP_OF[state], ...said, ...early };
      // "my back": the question comes back as which part of it, with those parts as its buttons.
      const vague = interpretation.detail?.startsWith('vague:') ? wholesOf(interpretation.detail.slice('vague:'.length)) : undefined;
      if (vague && signs.length === 0) return advance(snapshot, miss, env, [], signs, vague);
      // A sign typed in an answer that fits nothing else is asked about first; the question comes back after.
      const before = signs.length > 0 ? [] : [say(missText(state, interpretation.why, interpretation.detail))];
      return advance(snapshot, miss, env, before, signs);
    }
    case 'event':
      return advance(snapshot, interpretation.event, env, interpretation.note ? [say(WORDS.noted(interpretation.note))] : [], signs);
  }
}

/** "back+arm.left" (a vague miss's detail) as the wholes named and their sides. */
function wholesOf(detail: string): Whole[] {
  return detail.split('+').map((item) => {
    const [whole = '', side] = item.split('.');
    return side === 'left' || side === 'right' || side === 'both' ? { whole, side } : { whole };
  });
}

/** Details of a miss that say the words answer another question, kept or to come. */
const ANOTHER_QUESTION: ReadonlySet<string> = new Set(['kept_for_later', 'kept_for_movements', 'score', 'duration_next', 'duration_later', 'movement_later']);
function answersAnotherQuestion(detail: string | undefined): boolean {
  return detail !== undefined && (ANOTHER_QUESTION.has(detail) || detail.startsWith('other_movement:'));
}

function answerBack(state: QuestionState, back: QuestionBack, clinic: ClinicProfile): string {
  switch (back) {
    case 'why':
      return WORDS.why[state];
    case 'meaning':
      return `${WORDS.answersBack.meaning} ${WORDS.help[state]}`;
    case 'diagnosis':
      return WORDS.answersBack.diagnosis;
    case 'privacy':
      return WORDS.answersBack.privacy(clinic);
    case 'human':
      return WORDS.answersBack.human(clinic);
  }
}

function missText(state: QuestionState, why: Why, detail?: string): string {
  switch (why) {
    case 'stale_button':
      return WORDS.staleButton;
    case 'bad_value':
      return WORDS.badValue;
    case 'too_long':
      return WORDS.tooLong;
    case 'which_edit':
      return WORDS.whichEdit;
    case 'contact_next':
      return WORDS.contactNext;
    case 'out_of_range':
      return WORDS.outOfRange(state);
    case 'not_understood':
    case 'empty':
      // The help line is the re-ask with examples, specific to this question.
      return `${WORDS.miss(why, detail)} ${WORDS.help[state]}`;
    default:
      return WORDS.miss(why, detail);
  }
}

/** The event an early answer stands for, when the flow has just reached its (still empty) question. */
function earlyEvent(snapshot: Snapshot): { event: IntakeEvent; noted: string } | null {
  const ctx = snapshot.context;
  const early = ctx.early;
  if (!early || ctx.editing) return null;
  switch (snapshot.value) {
    case 'duration':
      return early.duration && ctx.duration === null ? { event: { type: 'DURATION', duration: early.duration }, noted: `how long: ${early.duration.text}` } : null;
    case 'cause':
      return early.causes && ctx.causes.length === 0 ? { event: { type: 'CAUSES', causes: early.causes }, noted: `the cause: ${causeWords(early.causes)}` } : null;
    case 'spread': {
      const sites = early.spread && ctx.spreadsTo.length === 0 ? spreadSites(ctx, early.spread) : [];
      return sites.length ? { event: { type: 'SPREAD', sites }, noted: `that it spreads to your ${sites.map((s) => describeSite(s.region, s.side)).join(' and ')}` } : null;
    }
    case 'intensityNow':
      return early.intensityNow !== undefined && ctx.intensityNow === null
        ? { event: { type: 'SCORE', value: early.intensityNow }, noted: `pain now ${early.intensityNow}/10` }
        : null;
    case 'movement': {
      // Taken when its question comes, so the list's order and the trail ("back") stay as for any answer.
      const movement = movementList(ctx)[ctx.movementIndex];
      const difficulty = movement ? early.movements?.[movement] : undefined;
      return movement && difficulty && ctx.movementAnswers[movement] === undefined
        ? { event: { type: 'DIFFICULTY', difficulty }, noted: `${MOVEMENT_LABELS[movement]}: ${DIFFICULTY_WORDS[difficulty]}` }
        : null;
    }
    default:
      return null;
  }
}

/**
 * Runs the event through the chart, applies any answers given early, asks about any warning sign typed
 * with it (the answer is still used; the question it led to comes back after), and says what comes next.
 */
function advance(snapshot: Snapshot, event: IntakeEvent, env: TurnEnv, before: Output[], signs: SignMention[] = [], wholes?: readonly Whole[]): TurnResult {
  let next = transition(snapshot, event);
  const noted: string[] = [];
  for (let early = earlyEvent(next); early; early = earlyEvent(next)) {
    next = transition(next, early.event);
    noted.push(early.noted);
  }
  if (noted.length) before = [...before, say(WORDS.notedEarly(noted))];
  const reached = stateOf(next);
  if (signs.length > 0 && reached !== 'done' && reached !== 'emergency' && reached !== 'declined') {
    next = transition(next, { type: 'MENTION', signs, resume: reached });
  }
  const state = stateOf(next);
  if (state === 'done' || state === 'emergency' || state === 'declined') {
    const closing = ending(state, next.context, env.clinic);
    // The closing message already carries the summary; the clinic gets that same one.
    const last = closing.at(-1);
    const summary = last?.kind === 'end' ? last.summary : undefined;
    const effects: Effect[] = state !== 'declined' && summary ? [{ type: 'intake_ended', outcome: state, summary }] : [];
    return { persisted: persist(next), outputs: [...before, ...closing], effects };
  }
  const outputs = [...before];
  // Never a third identical question: after two misses, the closed form (buttons, or a checklist one
  // item at a time) and a human's number.
  const wentOneByOne = event.type === 'MISS' && state === 'checkItem' && stateOf(snapshot) !== 'checkItem';
  if (next.context.misses >= 2 || wentOneByOne) outputs.push(say(WORDS.closedForm(env.clinic)));
  const asked = ask(state, next.context, env.clinic);
  const question = wholes && state === 'location' && asked.kind === 'ask' ? whichPartAsk(asked, wholes) : asked;
  // The closed form names its buttons, so the question is never the same words a third time.
  const closed = next.context.misses >= 2 && question.kind === 'ask' && question.choices.length > 0;
  outputs.push(closed ? { ...question, closed: true, text: `${question.text}\n${WORDS.pickOne(question.choices.map((c) => c.label))}` } : question);
  return { persisted: persist(next), outputs, effects: [] };
}

function afterEnd(snapshot: Snapshot, state: 'done' | 'emergency' | 'declined', input: PatientInput, env: TurnEnv): TurnResult {
  const command = interpret('consent', snapshot.context, input, env.now);
  if (command.kind === 'command' && command.command === 'delete_data') {
    return deleted();
  }
  if (state === 'declined' || (command.kind === 'command' && command.command === 'restart')) {
    const fresh = welcome(env);
    return { ...fresh, outputs: [say(WORDS.restarted), ...fresh.outputs] };
  }
  // The intake has ended: repeat the closing words (urgent advice stays urgent) without changing anything.
  const closing = state === 'emergency' ? WORDS.emergency(env.clinic) : WORDS.alreadyDone(env.clinic);
  const last = ending(state, snapshot.context, env.clinic).at(-1)!;
  return { persisted: persist(snapshot), outputs: [{ ...last, text: closing }], effects: [] };
}

/** Deleting closes the conversation, so its message carries the closing marker clients wait for. */
function deleted(): TurnResult {
  return { persisted: null, outputs: [{ kind: 'end', text: WORDS.deleted, ...marker('declined') }], effects: [{ type: 'delete_data' }] };
}

function say(text: string): Output {
  return { kind: 'say', text };
}
