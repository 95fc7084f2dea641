// The question each state asks, with its buttons, as data (see outputs.ts).
import type { ClinicProfile } from './clinicProfile.js';
import { STEP_OF, itemsOf, movementList, pendingFollowUps, siteAwaitingSide, type IntakeContext, type QuestionState } from './intakeContext.js';
import { MOVEMENT_LABELS } from './movements.js';
import type { Ask, Choice, Marker, Output, Progress } from './outputs.js';
import { progressAt, progressOf } from './progress.js';
import { COMMON_REGIONS, PARTS_OF, REGION_LABELS, describeSite } from './painAreas.js';
import { FOLLOW_UPS, PRECAUTIONS, PRECAUTION_TEXT, SIGN_IN_PLAIN_WORDS, screenFor, screenText } from './redFlags.js';
import { buildSummary, summaryFacts } from './summary.js';
import type { Cause, Difficulty, Side, Step } from './vocabulary.js';
import { WORDS } from './words.js';

export function marker(step: Step, subject?: string, progress: Progress = progressOf(step)): Marker {
  return subject === undefined ? { step, progress } : { step, subject, progress };
}

const YES_NO: Choice[] = [
  { label: 'Yes', answer: true },
  { label: 'No', answer: false },
];

const DURATION_CHOICES: Choice[] = [
  { label: 'A few days', answer: { weeks: 0.4, text: 'A few days' } },
  { label: '1 to 2 weeks', answer: { weeks: 1.5, text: '1 to 2 weeks' } },
  { label: 'About a month', answer: { weeks: 4.3, text: 'About a month' } },
  { label: '2 to 3 months', answer: { weeks: 11, text: '2 to 3 months' } },
  { label: 'Over 6 months', answer: { weeks: 26, text: 'Over 6 months' } },
];

const CAUSE_CHOICES: Array<[Cause, string]> = [
  ['strain', 'Lifting, sport or overdoing it'],
  ['stress', 'Stress or tension'],
  ['repetitive_use', 'Repetitive use, e.g. desk work'],
  ['injury', 'An injury or accident'],
  ['posture', 'Posture or an awkward position'],
  ['unknown', 'Not sure'],
];

const DIFFICULTY_CHOICES: Array<[Difficulty, string]> = [
  ['none', 'None'],
  ['some', 'Some'],
  ['a_lot', 'A lot'],
  ['unable', 'Unable'],
];

const EDIT_CHOICES: Choice[] = [
  { label: "Yes, that's right", answer: 'confirm' },
  { label: 'Change where it hurts', answer: { edit: 'location' } },
  { label: 'Change how long', answer: { edit: 'duration' } },
  { label: 'Change the cause', answer: { edit: 'cause' } },
  { label: 'Change the pain score', answer: { edit: 'intensity' } },
  { label: 'Change the movements', answer: { edit: 'movement' } },
  { label: 'Change the health answers', answer: { edit: 'flags' } },
];

/**
 * The location question narrowed to the parts of what was named ("my back": lower, middle or upper back),
 * asked in its place so the patient sees one question with those parts as buttons, not the first one again.
 */
export function whichPartAsk(question: Ask, wholes: readonly Whole[]): Ask {
  const choices = wholes.flatMap(({ whole, side }) =>
    (PARTS_OF[whole as keyof typeof PARTS_OF] ?? []).map((region) => ({ label: capitalise(describeSite(region, side)), answer: [side ? { region, side } : { region }] })),
  );
  if (choices.length === 0) return question;
  return { ...question, text: WORDS.whichPart(wholes.map((w) => w.whole)), choices };
}

/** A whole limb or the back named alone, with the side said with it: "arm.left" from understanding's detail. */
export interface Whole {
  whole: string;
  side?: Side;
}

/** The question for a state, exactly as the patient will see it. */
export function ask(state: QuestionState, ctx: IntakeContext, clinic: ClinicProfile): Output {
  const q = WORDS.questions;
  const step = STEP_OF[state];
  const progress = progressAt(state, ctx);
  const plain = (text: string, choices: Choice[], subject?: string): Ask => ({ kind: 'ask', text, choices, ...marker(step, subject, progress) });
  switch (state) {
    case 'consent':
      return plain(`${WORDS.welcome(clinic)}\n\n${WORDS.consent}`, [
        { label: 'Yes, I agree', answer: true },
        { label: 'No thanks', answer: false },
      ]);
    case 'location':
      return plain(q.location, COMMON_REGIONS.map((r) => ({ label: capitalise(REGION_LABELS[r]), answer: [{ region: r }] })));
    case 'side': {
      const site = ctx.sites[siteAwaitingSide(ctx)]!;
      return plain(q.side(REGION_LABELS[site.region]), [
        { label: 'Left', answer: 'left' },
        { label: 'Right', answer: 'right' },
        { label: 'Both', answer: 'both' },
      ], site.region);
    }
    case 'primary': {
      const names = ctx.sites.map((s) => describeSite(s.region, s.side));
      return plain(q.primary(names), ctx.sites.map((s, i) => ({ label: capitalise(names[i]!), answer: s.region })));
    }
    case 'spread':
      return plain(q.spread, [{ label: 'No, it stays there', answer: [] }]);
    case 'duration':
      return plain(q.duration, DURATION_CHOICES);
    case 'cause':
      return {
        ...plain(q.cause, CAUSE_CHOICES.map(([code, label]) => ({ label, answer: [code] }))),
        // "Not sure" is the card's none-of-these choice, so it is not also one of its options.
        checklist: { options: CAUSE_CHOICES.filter(([code]) => code !== 'unknown').map(([code, label]) => ({ code, label })), noneLabel: 'Not sure' },
      };
    case 'intensityNow':
    case 'intensityWorst':
      return plain(state === 'intensityNow' ? q.intensityNow : q.intensityWorst, Array.from({ length: 11 }, (_, n) => ({ label: String(n), answer: n })));
    case 'movement': {
      const movement = movementList(ctx)[ctx.movementIndex]!;
      return plain(q.movement(MOVEMENT_LABELS[movement]), DIFFICULTY_CHOICES.map(([d, label]) => ({ label, answer: d })), movement);
    }
    case 'redFlags': {
      const offered = screenFor(ctx.sites.map((s) => s.region));
      const options = offered.map((code) => ({ code, label: screenText(code) }));
      return {
        ...plain(`${q.redFlags}\n${numbered(options.map((o) => o.label))}`, [{ label: 'None of these', answer: [] }]),
        checklist: { options, noneLabel: 'None of these' },
      };
    }
    case 'flagFollowUp': {
      const code = pendingFollowUps(ctx)[ctx.followUpIndex]!;
      const followUp = FOLLOW_UPS[code]!;
      return plain(followUp.question, YES_NO, followUp.ifYes);
    }
    case 'precautions': {
      const options = PRECAUTIONS.map((code) => ({ code, label: PRECAUTION_TEXT[code]! }));
      return {
        ...plain(`${q.precautions}\n${numbered(options.map((o) => o.label))}`, [{ label: 'None of these', answer: [] }]),
        checklist: { options, noneLabel: 'None of these' },
      };
    }
    case 'summary': {
      const summary = buildSummary(ctx, clinic);
      const facts = summaryFacts(summary).map(([k, v]) => `${k}: ${v}`).join('\n');
      return { kind: 'summary', text: `${q.summary}\n${facts}`, summary, choices: EDIT_CHOICES, ...marker('summary', undefined, progress) };
    }
    case 'contact':
      return { ...plain(q.contact, [{ label: 'No thanks', answer: null }]), contactForm: true };
    case 'confirmSign': {
      const sign = ctx.confirming[0]!;
      return { kind: 'ask', text: q.confirmSign(SIGN_IN_PLAIN_WORDS[sign.code] ?? screenText(sign.code)), choices: YES_NO, ...marker('red_flags', sign.code, progress) };
    }
    case 'checkItem': {
      const check = ctx.itemCheck!;
      const items = itemsOf(ctx, check);
      const code = items[check.index]!;
      const step = check.of === 'redFlags' ? 'red_flags' : 'precautions';
      return { kind: 'ask', text: q.checkItem(screenText(code), check.index + 1, items.length), choices: YES_NO, ...marker(step, code, progress) };
    }
  }
}

/** What the patient can use to answer a list question in plain text: the numbers. */
export function numbered(lines: readonly string[]): string {
  return lines.map((line, i) => `${i + 1}. ${line}`).join('\n');
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The closing activities for a finished intake: urgent advice, or booking plus thanks. */
export function ending(state: 'done' | 'emergency' | 'declined', ctx: IntakeContext, clinic: ClinicProfile): Output[] {
  if (state === 'declined') {
    return [{ kind: 'end', text: ctx.stopped ? WORDS.stopped(clinic) : WORDS.declined(clinic), ...marker('declined') }];
  }
  const summary = buildSummary(ctx, clinic);
  if (state === 'emergency') {
    return [{ kind: 'end', text: WORDS.emergency(clinic), summary, ...marker('emergency') }];
  }
  const advice =
    summary.triage === 'see_doctor_first' ? WORDS.seeDoctorFirst : summary.triage === 'therapist_review' ? WORDS.therapistReview : undefined;
  const recommendation = summary.recommendation!;
  const booking: Output = {
    kind: 'booking',
    text: [advice, WORDS.booking(recommendation.appointmentType, recommendation.durationMinutes)].filter(Boolean).join('\n\n'),
    recommendation,
    clinic: { name: clinic.name, phone: clinic.phone },
    ...marker('booking'),
  };
  return [booking, { kind: 'end', text: WORDS.done(clinic), summary, ...marker('done') }];
}
