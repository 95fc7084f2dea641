// The intake conversation as a statechart: the single source of truth for the flow. Read the
// `states` block top to bottom like the conversation itself. Every question state also answers
// HELP, MISS, BACK, RESTART and STOP (see `commonQuestionHandlers`), so no state is a dead end.
import { assign, setup } from 'xstate';
import type { IntakeEvent } from './events.js';
import {
  QUESTION_STATES,
  STEP_OF,
  freshContext,
  hasEmergency,
  joinEarly,
  itemsOf,
  movementList,
  pendingFollowUps,
  siteAwaitingSide,
  type EditTarget,
  type IntakeContext,
  type IntakeIdentity,
  type QuestionState,
  type ResumeAt,
  type SignMention,
} from './intakeContext.js';
import { FOLLOW_UPS } from './redFlags.js';
import { levelOf, type FlagCode } from './vocabulary.js';
import { defaultSide } from './painAreas.js';
import { durationCategory } from './triage.js';
import type { Step } from './vocabulary.js';

/** Bump when states or context change shape; older snapshots are restarted politely (src/bot). */
export const FLOW_VERSION = 2;

type Ctx = IntakeContext;
type Ev = IntakeEvent;
type Of<T extends Ev['type']> = Extract<Ev, { type: T }>;

/** Records what the patient typed at this state's step, resets the miss count, and leaves a trail for "back". */
function answered(ctx: Ctx, state: QuestionState, index: number, said: string | undefined): Partial<Ctx> {
  const { patientWords } = missed(ctx, STEP_OF[state], said);
  return { patientWords, misses: 0, trail: [...ctx.trail, { state, index }].slice(-MAX_TRAIL) };
}

/** Enough "back" presses for any real conversation; the snapshot stays small however long it runs. */
const MAX_TRAIL = 40;
/** The latest few things typed per step are what a clinician reads; older retries add nothing. */
const MAX_WORDS_PER_STEP = 4;

function missed(ctx: Ctx, step: Step, said: string | undefined): Partial<Ctx> {
  const words = said ? { ...ctx.patientWords, [step]: [...(ctx.patientWords[step] ?? []), said].slice(-MAX_WORDS_PER_STEP) } : ctx.patientWords;
  return { misses: ctx.misses + 1, patientWords: words };
}

/** Words typed at a safety question, kept like any other step's (the answer itself is the event). */
function wordsAt(ctx: Ctx, said: string | undefined): Partial<Ctx> {
  if (!said) return {};
  return { patientWords: { ...ctx.patientWords, red_flags: [...(ctx.patientWords.red_flags ?? []), said].slice(-MAX_WORDS_PER_STEP) } };
}

function firstUnansweredMovement(ctx: Ctx, from: number): number {
  const list = movementList(ctx);
  for (let i = from; i < list.length; i++) if (ctx.movementAnswers[list[i]!] === undefined) return i;
  return list.length;
}

const isListed = (list: readonly SignMention[], code: FlagCode) => list.some((m) => m.code === code);

/**
 * Typed signs: an emergency sign not yet asked about waits for "is that happening now?"; any other sign
 * is kept for the therapist. A sign already confirmed, denied or waiting is not asked twice.
 */
function hear(ctx: Ctx, signs: readonly SignMention[], resume: ResumeAt): Partial<Ctx> {
  const known = (code: FlagCode) =>
    ctx.confirmedSigns.includes(code) || isListed(ctx.deniedSigns, code) || isListed(ctx.confirming, code) || isListed(ctx.heard, code);
  const fresh = signs.filter((s, i) => !known(s.code) && signs.findIndex((o) => o.code === s.code) === i);
  const urgent = fresh.filter((s) => levelOf(s.code) === 'emergency');
  return {
    heard: [...ctx.heard, ...fresh.filter((s) => levelOf(s.code) !== 'emergency')],
    confirming: [...ctx.confirming, ...urgent],
    ...(urgent.length > 0 ? { resumeAt: ctx.resumeAt ?? resume } : {}),
  };
}

/** The patient's answer to "is that happening now?" about the first waiting sign. */
function settleSign(ctx: Ctx, yes: boolean | null): Partial<Ctx> {
  const [sign, ...rest] = ctx.confirming;
  if (!sign) return {};
  if (yes === true) return { confirming: rest, confirmedSigns: [...ctx.confirmedSigns, sign.code] };
  // "No" (or no clear answer) takes a typed checklist tick back; the words stay for the therapist.
  const screened = yes === false && ctx.screened ? ctx.screened.filter((c) => c !== sign.code) : ctx.screened;
  return yes === false
    ? { confirming: rest, screened, deniedSigns: [...ctx.deniedSigns, sign] }
    : { confirming: rest, heard: [...ctx.heard, sign] };
}

/** The closed form's answer to one checklist item: yes, no, or (after two misses) not sure. */
function settleItem(ctx: Ctx, answer: boolean | string): Partial<Ctx> {
  const check = ctx.itemCheck!;
  const code = itemsOf(ctx, check)[check.index]!;
  const unsure = typeof answer === 'string' ? { heard: [...ctx.heard, { code, words: answer }] } : {};
  return { ...unsure, misses: 0, itemCheck: { ...check, index: check.index + 1, yes: answer === true ? [...check.yes, code] : check.yes } };
}

const resumeTo = (state: ResumeAt) => ({ context }: { context: Ctx }) => context.confirming.length === 0 && context.resumeAt === state;

const editingIs = (target: EditTarget) => ({ context }: { context: Ctx }) => context.editing === target;

export const intakeMachine = setup({
  types: {
    context: {} as Ctx,
    events: {} as Ev,
    input: {} as IntakeIdentity,
  },
  guards: {
    agrees: ({ event }) => (event as Of<'CONSENT'>).agree,
    siteAwaitsSide: ({ context }) => siteAwaitingSide(context) >= 0,
    severalRegions: ({ context }) => new Set(context.sites.map((s) => s.region)).size > 1,
    movementLeft: ({ context }) => context.movementIndex < movementList(context).length,
    worstBelowNow: ({ context, event }) => (event as Of<'SCORE'>).value < (context.intensityNow ?? 0),
    emergencyFlagged: ({ context }) => hasEmergency(context),
    followUpLeft: ({ context }) => context.followUpIndex < pendingFollowUps(context).length,
    editingLocation: editingIs('location'),
    editingDuration: editingIs('duration'),
    editingCause: editingIs('cause'),
    editingIntensity: editingIs('intensity'),
    editingMovement: editingIs('movement'),
    editingAny: ({ context }) => context.editing !== null,
    trailEmpty: ({ context }) => context.trail.length === 0,
    signWaiting: ({ context }) => context.confirming.length > 0,
    itemsLeft: ({ context }) => context.itemCheck !== null && context.itemCheck.index < itemsOf(context, context.itemCheck).length,
    checkingFlags: ({ context }) => context.itemCheck?.of === 'redFlags',
    secondMiss: ({ context }) => context.misses >= 1,
  },
  actions: {
    countMiss: assign(({ context, event }) => {
      const miss = event as Of<'MISS'>;
      return { ...missed(context, miss.step, miss.said), ...(miss.early ? { early: joinEarly(context.early, miss.early) } : {}) };
    }),
    worstBelowNow: assign(({ context, event }) => missed(context, 'intensity_worst', (event as Of<'SCORE'>).said)),
    restart: assign(({ context, event }) => {
      const e = event as Of<'RESTART'>;
      return freshContext({ intakeId: e.intakeId, conversationId: context.conversationId, channelId: context.channelId, startedAt: e.at });
    }),
    markStopped: assign({ stopped: true }),
    startEdit: assign(({ context, event }) => ({ ...answered(context, 'summary', 0, (event as Of<'EDIT'>).said), editing: (event as Of<'EDIT'>).target })),
    popTrail: assign(({ context }) => {
      const last = context.trail.at(-1)!;
      const restored: Partial<Ctx> = { trail: context.trail.slice(0, -1), misses: 0 };
      // Re-open the exact sub-question the patient is going back to.
      if (last.state === 'side') {
        restored.sites = context.sites.map((s, i) => (i === last.index ? { region: s.region } : s));
      }
      if (last.state === 'movement') restored.movementIndex = last.index;
      if (last.state === 'flagFollowUp') restored.followUpIndex = last.index;
      if (last.state === 'summary') restored.editing = null;
      // Going back from a safety question never loses the sign it was about.
      if (context.confirming.length > 0) Object.assign(restored, { heard: [...context.heard, ...context.confirming], confirming: [], resumeAt: null });
      restored.itemCheck = null;
      return restored;
    }),
    hear: assign(({ context, event }) => hear(context, (event as Of<'MENTION'>).signs, (event as Of<'MENTION'>).resume)),
    clearResume: assign({ resumeAt: null }),
    checkFlagsOneByOne: assign({ itemCheck: { of: 'redFlags', index: 0, yes: [] }, misses: 0 }),
    checkPrecautionsOneByOne: assign({ itemCheck: { of: 'precautions', index: 0, yes: [] }, misses: 0 }),
  },
}).createMachine({
  id: 'intake',
  context: ({ input }) => freshContext(input),
  initial: 'consent',
  states: {
    consent: {
      on: {
        CONSENT: [
          { guard: 'agrees', target: 'location', actions: assign(({ context, event }) => answered(context, 'consent', 0, event.said)) },
          { target: 'declined' },
        ],
      },
    },
    location: {
      on: {
        SITES: {
          target: 'routeSites',
          actions: assign(({ context, event }) => ({
            ...answered(context, 'location', 0, event.said),
            sites: event.sites.map((s) => ({ region: s.region, side: s.side ?? defaultSide(s.region) })),
            primary: null,
            ...(event.early ? { early: event.early } : {}),
          })),
        },
      },
    },
    routeSites: {
      always: [
        { guard: 'siteAwaitsSide', target: 'side' },
        { guard: 'severalRegions', target: 'primary' },
        { target: 'spread', actions: assign(({ context }) => ({ primary: context.sites[0]?.region ?? null })) },
      ],
    },
    side: {
      on: {
        SIDE: {
          target: 'routeSites',
          actions: assign(({ context, event }) => {
            const index = siteAwaitingSide(context);
            return {
              ...answered(context, 'side', index, event.said),
              sites: context.sites.map((s, i) => (i === index ? { region: s.region, side: event.side } : s)),
            };
          }),
        },
      },
    },
    primary: {
      on: {
        PRIMARY: {
          target: 'spread',
          actions: assign(({ context, event }) => ({ ...answered(context, 'primary', 0, event.said), primary: event.region })),
        },
      },
    },
    spread: {
      on: {
        SPREAD: {
          target: 'routeAfterSpread',
          actions: assign(({ context, event }) => ({
            ...answered(context, 'spread', 0, event.said),
            spreadsTo: event.sites,
            ...(event.early ? { early: joinEarly(context.early, event.early) } : {}),
          })),
        },
      },
    },
    routeAfterSpread: {
      always: [
        // After an edit of where it hurts, only the movements of newly named regions are asked,
        // but the safety screen is asked again because it depends on the regions.
        { guard: 'editingLocation', target: 'movement', actions: assign(({ context }) => ({ movementIndex: firstUnansweredMovement(context, 0) })) },
        { target: 'duration' },
      ],
    },
    duration: {
      on: {
        DURATION: {
          target: 'routeAfterDuration',
          actions: assign(({ context, event }) => ({
            ...answered(context, 'duration', 0, event.said),
            duration: { ...event.duration, category: durationCategory(event.duration.weeks) },
            ...(event.early ? { early: joinEarly(context.early, event.early) } : {}),
          })),
        },
      },
    },
    routeAfterDuration: { always: [{ guard: 'editingDuration', target: 'summary' }, { target: 'cause' }] },
    cause: {
      on: {
        CAUSES: {
          target: 'routeAfterCause',
          actions: assign(({ context, event }) => ({ ...answered(context, 'cause', 0, event.said), causes: event.causes })),
        },
      },
    },
    routeAfterCause: { always: [{ guard: 'editingCause', target: 'summary' }, { target: 'intensityNow' }] },
    intensityNow: {
      on: {
        // More about the cause, typed here just after its question: added to what was said (a "not sure" gives
        // way to it), and the score asked again.
        CAUSES: {
          target: 'intensityNow',
          reenter: true,
          actions: assign(({ context, event }) => ({
            causes: [...new Set([...context.causes.filter((c) => c !== 'unknown'), ...event.causes])],
            patientWords: missed(context, 'cause', event.said).patientWords,
          })),
        },
        SCORE: {
          target: 'intensityWorst',
          actions: assign(({ context, event }) => ({ ...answered(context, 'intensityNow', 0, event.said), intensityNow: event.value })),
        },
      },
    },
    intensityWorst: {
      on: {
        SCORE: [
          // The worst this week cannot be below the pain right now; the words explain and re-ask.
          { guard: 'worstBelowNow', actions: 'worstBelowNow' },
          {
            target: 'routeAfterIntensity',
            actions: assign(({ context, event }) => ({ ...answered(context, 'intensityWorst', 0, event.said), intensityWorst: event.value })),
          },
        ],
      },
    },
    routeAfterIntensity: {
      always: [
        { guard: 'editingIntensity', target: 'summary' },
        { target: 'movement', actions: assign(({ context }) => ({ movementIndex: firstUnansweredMovement(context, 0) })) },
      ],
    },
    movement: {
      always: [{ guard: ({ context }) => context.movementIndex >= movementList(context).length, target: 'routeAfterMovement' }],
      on: {
        DIFFICULTY: {
          target: 'movement',
          reenter: true,
          actions: assign(({ context, event }) => {
            const list = movementList(context);
            // An answer about another movement on the list is kept for it: one still to come is answered
            // early, one already asked is corrected ("bending's the worst actually" at walking). The
            // movement asked is asked again; the words are kept with the step's others.
            const other = event.movement;
            if (other !== undefined && other !== list[context.movementIndex] && list.includes(other)) {
              return { movementAnswers: { ...context.movementAnswers, [other]: event.difficulty }, patientWords: missed(context, 'movement', event.said).patientWords };
            }
            const movement = list[context.movementIndex]!;
            const next = { ...context, movementAnswers: { ...context.movementAnswers, [movement]: event.difficulty } };
            // Editing "movement" walks every question again; otherwise only unanswered ones.
            const nextIndex = context.editing === 'movement' ? context.movementIndex + 1 : firstUnansweredMovement(next, context.movementIndex + 1);
            return { ...answered(context, 'movement', context.movementIndex, event.said), movementAnswers: next.movementAnswers, movementIndex: nextIndex };
          }),
        },
        // The closed form took the patient's words for this movement instead of a rating: move on, keep the words.
        SKIP: {
          target: 'movement',
          reenter: true,
          actions: assign(({ context, event }) => ({ ...answered(context, 'movement', context.movementIndex, event.said), movementIndex: context.movementIndex + 1 })),
        },
      },
    },
    routeAfterMovement: { always: [{ guard: 'editingMovement', target: 'summary' }, { target: 'redFlags' }] },
    redFlags: {
      on: {
        FLAGS: {
          target: 'routeScreen',
          actions: assign(({ context, event }) => {
            // An emergency ending from typed words is confirmed first; a follow-up question confirms the others.
            const toConfirm = event.typed
              ? event.codes.filter((c) => levelOf(c) === 'emergency' && !FOLLOW_UPS[c]).map((code) => ({ code, words: event.said ?? '' }))
              : [];
            return {
              ...answered(context, 'redFlags', 0, event.said),
              screened: event.codes,
              followUpAnswers: {},
              followUpIndex: 0,
              confirming: toConfirm,
              resumeAt: toConfirm.length > 0 ? ('routeScreen' as const) : context.resumeAt,
              // Precautions said here join those said before; answering the checklist again from the summary replaces them.
              early: context.editing ? { ...context.early, precautions: event.early?.precautions } : joinEarly(context.early, event.early ?? {}),
            };
          }),
        },
        ONE_BY_ONE: { target: 'checkItem', actions: 'checkFlagsOneByOne' },
        // Never a third identical question: after two misses, one item at a time.
        MISS: [{ guard: 'secondMiss', target: 'checkItem', actions: ['countMiss', 'checkFlagsOneByOne'] }, { actions: 'countMiss' }],
      },
    },
    checkItem: {
      on: {
        YES_NO: { target: 'routeItems', actions: assign(({ context, event }) => ({ ...settleItem(context, event.yes), ...wordsAt(context, event.said) })) },
        MISS: [
          { guard: 'secondMiss', target: 'routeItems', actions: assign(({ context, event }) => settleItem(context, event.said ?? 'not sure')) },
          { actions: 'countMiss' },
        ],
      },
    },
    routeItems: {
      always: [
        { guard: 'itemsLeft', target: 'checkItem', reenter: true },
        // The list answered one item at a time is on the trail like the list itself, so "back" returns to it.
        {
          guard: 'checkingFlags',
          target: 'routeScreen',
          actions: assign(({ context }) => ({
            ...answered(context, 'redFlags', 0, undefined),
            screened: context.itemCheck!.yes,
            followUpAnswers: {},
            followUpIndex: 0,
            itemCheck: null,
          })),
        },
        {
          target: 'summary',
          actions: assign(({ context }) => ({ ...answered(context, 'precautions', 0, undefined), precautions: context.itemCheck!.yes, itemCheck: null })),
        },
      ],
    },
    confirmSign: {
      on: {
        YES_NO: { target: 'routeConfirm', actions: assign(({ context, event }) => ({ ...settleSign(context, event.yes), ...wordsAt(context, event.said), misses: 0 })) },
        MISS: [
          // Two answers that are neither yes nor no: the sign stays unconfirmed and is kept; the intake goes on.
          { guard: 'secondMiss', target: 'routeConfirm', actions: assign(({ context }) => ({ ...settleSign(context, null), misses: 0 })) },
          { actions: 'countMiss' },
        ],
      },
    },
    routeConfirm: {
      always: [
        { guard: 'emergencyFlagged', target: 'emergency' },
        { guard: 'signWaiting', target: 'confirmSign', reenter: true },
        { guard: resumeTo('routeScreen'), target: 'routeScreen', actions: 'clearResume' },
        ...QUESTION_STATES.map((state) => ({ guard: resumeTo(state), target: state, actions: 'clearResume' as const })),
        { target: 'summary' },
      ],
    },
    routeScreen: {
      always: [
        { guard: 'signWaiting', target: 'confirmSign' },
        { guard: 'emergencyFlagged', target: 'emergency' },
        { guard: 'followUpLeft', target: 'flagFollowUp' },
        { target: 'precautions' },
      ],
    },
    flagFollowUp: {
      on: {
        YES_NO: {
          target: 'routeScreen',
          actions: assign(({ context, event }) => {
            const code = pendingFollowUps(context)[context.followUpIndex]!;
            return {
              ...answered(context, 'flagFollowUp', context.followUpIndex, event.said),
              followUpAnswers: { ...context.followUpAnswers, [code]: event.yes },
              followUpIndex: context.followUpIndex + 1,
            };
          }),
        },
      },
    },
    precautions: {
      on: {
        PRECAUTIONS: {
          target: 'summary',
          // What was said at the checklist just before ("im on warfarin") stays, whatever this answer adds.
          actions: assign(({ context, event }) => ({
            ...answered(context, 'precautions', 0, event.said),
            precautions: [...new Set([...(context.early?.precautions ?? []), ...event.codes])],
          })),
        },
        ONE_BY_ONE: { target: 'checkItem', actions: 'checkPrecautionsOneByOne' },
        MISS: [{ guard: 'secondMiss', target: 'checkItem', actions: ['countMiss', 'checkPrecautionsOneByOne'] }, { actions: 'countMiss' }],
      },
    },
    summary: {
      entry: assign({ editing: null }),
      on: {
        CONFIRM: { target: 'contact', actions: assign(({ context, event }) => answered(context, 'summary', 0, event.said)) },
        EDIT: [
          { guard: ({ event }) => event.target === 'location', target: 'location', actions: 'startEdit' },
          { guard: ({ event }) => event.target === 'duration', target: 'duration', actions: 'startEdit' },
          { guard: ({ event }) => event.target === 'cause', target: 'cause', actions: 'startEdit' },
          { guard: ({ event }) => event.target === 'intensity', target: 'intensityNow', actions: 'startEdit' },
          { guard: ({ event }) => event.target === 'movement', target: 'movement', actions: ['startEdit', assign({ movementIndex: 0 })] },
          { target: 'redFlags', actions: 'startEdit' },
        ],
      },
    },
    contact: {
      on: {
        CONTACT: {
          target: 'done',
          actions: assign(({ context, event }) => ({
            ...answered(context, 'contact', 0, undefined),
            contact: event.contact,
            contactDeclined: event.contact === null,
            completedAt: event.at,
          })),
        },
      },
    },
    done: { type: 'final' },
    emergency: { type: 'final' },
    declined: { type: 'final' },
  },
  on: {
    // Handled here for every question state: the final states take no events at all.
    HELP: { actions: assign({ misses: 0 }) },
    MENTION: [{ guard: ({ context, event }) => hear(context, event.signs, event.resume).confirming!.length > 0, target: '.confirmSign', actions: 'hear' }, { actions: 'hear' }],
    MISS: { actions: 'countMiss' },
    RESTART: { target: '.consent', actions: 'restart' },
    STOP: { target: '.declined', actions: 'markStopped' },
    PROXY: { actions: assign(({ event }) => ({ proxy: { who: event.who, kin: event.kin } })) },
    BACK: [
      { guard: 'trailEmpty' },
      ...QUESTION_STATES.map((state) => ({
        guard: ({ context }: { context: Ctx }) => context.trail.at(-1)?.state === state,
        target: `.${state}`,
        actions: 'popTrail' as const,
      })),
    ],
  },
});

export type IntakeMachine = typeof intakeMachine;

