// The conversation as a function: (persisted snapshot, patient input) → (snapshot, outputs, effects).
// Pure: time and ids come in through `env`, and saving or delivering happens in the shell.
import { z } from 'zod';
import { createActor, type AnyActorScope } from 'xstate';
import type { ClinicProfile } from './clinicProfile.js';
import type { IntakeEvent } from './events.js';
import { IntakeContext, QUESTION_STATES, STEP_OF, type QuestionState } from './intakeContext.js';
import { MAX_TEXT, interpret, isStructured, type Interpretation, type PatientInput, type Why } from './interpret.js';
import { FLOW_VERSION, intakeMachine } from './machine.js';
import type { Effect, Output } from './outputs.js';
import { ask, ending, marker } from './prompts.js';
import { causeWords } from './summary.js';
import { parseFlagChecklist } from './understanding/index.js';
import type { FlagCode } from './vocabulary.js';
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
  const interpretation = interpret(state, snapshot.context, input, env.now);
  const aside = urgentAside(state, input, env);
  if (aside) preface.push(aside);
  // A first message that is not an answer to consent ("hi") simply gets the welcome.
  if (restored === null && interpretation.kind === 'miss') {
    const fresh = welcome(env);
    return { ...fresh, outputs: [...preface, ...fresh.outputs] };
  }
  const result = respond(snapshot, state, interpretation, env);
  return { ...result, outputs: [...preface, ...result.outputs] };
}

function respond(snapshot: Snapshot, state: QuestionState, interpretation: Interpretation, env: TurnEnv): TurnResult {
  const clinic = env.clinic;
  switch (interpretation.kind) {
    case 'command':
      switch (interpretation.command) {
        case 'help':
          return advance(snapshot, { type: 'HELP' }, env, [say(`${WORDS.help[state]} ${WORDS.commands}`)]);
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
    case 'miss':
      return advance(snapshot, { type: 'MISS', step: STEP_OF[state], ...(interpretation.said ? { said: interpretation.said } : {}) }, env, [
        say(missText(state, interpretation.why, interpretation.detail)),
      ]);
    case 'event':
      return advance(snapshot, interpretation.event, env, interpretation.note ? [say(WORDS.noted(interpretation.note))] : []);
  }
}

/** Emergency signs that need no follow-up question to mean "get help now". */
const URGENT_SIGNS: FlagCode[] = ['bladder_bowel_change', 'saddle_numbness', 'both_legs_symptoms', 'chest_pain_breathless', 'neck_neuro_signs', 'hot_swollen_joint_fever'];

/**
 * A safety net for emergency signs typed at any question ("3 weeks, and I can't control my bladder").
 * The answer is still used; the patient is told at once what to do, and the safety screen later asks formally.
 */
function urgentAside(state: QuestionState, input: PatientInput, env: TurnEnv): Output | null {
  if (state === 'consent' || state === 'redFlags' || state === 'flagFollowUp') return null;
  // Only words the patient typed: a button's text is its title, which the bot wrote.
  if (typeof input.text !== 'string' || input.text.length > MAX_TEXT || isStructured(input)) return null;
  const signs = parseFlagChecklist(input.text, URGENT_SIGNS);
  return signs.ok && signs.value.length > 0 ? say(WORDS.urgentAside(env.clinic)) : null;
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
      return early.duration && ctx.duration === null ? { event: { type: 'DURATION', duration: early.duration }, noted: `how long: "${early.duration.text}"` } : null;
    case 'cause':
      return early.causes && ctx.causes.length === 0 ? { event: { type: 'CAUSES', causes: early.causes }, noted: `the cause: ${causeWords(early.causes)}` } : null;
    case 'intensityNow':
      return early.intensityNow !== undefined && ctx.intensityNow === null
        ? { event: { type: 'SCORE', value: early.intensityNow }, noted: `pain now ${early.intensityNow}/10` }
        : null;
    default:
      return null;
  }
}

/** Runs the event through the chart, applies any answers given early, and says what comes next. */
function advance(snapshot: Snapshot, event: IntakeEvent, env: TurnEnv, before: Output[]): TurnResult {
  let next = transition(snapshot, event);
  const noted: string[] = [];
  for (let early = earlyEvent(next); early; early = earlyEvent(next)) {
    next = transition(next, early.event);
    noted.push(early.noted);
  }
  if (noted.length) before = [...before, say(WORDS.notedEarly(noted))];
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
  // After two misses in a row, point at the buttons and a human.
  if (next.context.misses >= 2) outputs.push(say(WORDS.stuck(env.clinic)));
  outputs.push(ask(state, next.context, env.clinic));
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
