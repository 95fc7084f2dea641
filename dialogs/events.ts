// The events the statechart understands. The shell (src/bot) builds them from activities through
// dialogs/interpret.ts; nothing else reaches the machine.
import type { EarlyAnswers, EditTarget, ResumeAt, SignMention } from './intakeContext.js';
import type { BodySite, Contact, Duration } from './summarySchema.js';
import type { Cause, Difficulty, FlagCode, Movement, Region, Side, Step } from './vocabulary.js';
import type { NamedSite } from './understanding/types.js';

/** `said` carries the patient's own typed words for patientWords; absent for button presses. */
interface Said {
  said?: string;
}

export type AnswerEvent =
  | ({ type: 'CONSENT'; agree: boolean } & Said)
  | ({ type: 'SITES'; sites: NamedSite[]; early?: EarlyAnswers } & Said)
  | ({ type: 'SIDE'; side: Side } & Said)
  | ({ type: 'PRIMARY'; region: Region } & Said)
  /** `early`: later answers said with this one ("since the weekend, was pulling weeds"), asked for no more. */
  | ({ type: 'SPREAD'; sites: BodySite[]; early?: EarlyAnswers } & Said)
  | ({ type: 'DURATION'; duration: Omit<Duration, 'category'>; early?: EarlyAnswers } & Said)
  | ({ type: 'CAUSES'; causes: Cause[] } & Said)
  | ({ type: 'SCORE'; value: number } & Said)
  /** `movement`: the answer was about a later movement in the list, not the one asked (which is asked again). */
  | ({ type: 'DIFFICULTY'; difficulty: Difficulty; movement?: Movement } & Said)
  /** `typed`: read from free text, so emergency items are confirmed before they end the intake. */
  | ({ type: 'FLAGS'; codes: FlagCode[]; typed?: boolean; early?: EarlyAnswers } & Said)
  | ({ type: 'YES_NO'; yes: boolean } & Said)
  | ({ type: 'PRECAUTIONS'; codes: FlagCode[] } & Said)
  | ({ type: 'CONFIRM' } & Said)
  | ({ type: 'EDIT'; target: EditTarget } & Said)
  | ({ type: 'CONTACT'; contact: Contact | null; at: string } & Said);

/**
 * The safety protocol's events. MENTION: warning signs typed at any question (the machine asks about
 * emergency ones at once and keeps the rest); ONE_BY_ONE: go through a checklist an item at a time;
 * SKIP: the closed form of an optional question took the patient's words instead of a value.
 */
export type SafetyEvent =
  | { type: 'MENTION'; signs: SignMention[]; resume: ResumeAt }
  | { type: 'ONE_BY_ONE' }
  | ({ type: 'SKIP' } & Said);

export type CommandEvent =
  | { type: 'HELP' }
  | { type: 'BACK' }
  | { type: 'STOP' }
  /** Someone answering for the patient said so ("filling this in for my son"): whose pronouns name the patient. */
  | { type: 'PROXY'; who: 'he' | 'she' | 'either'; kin: string }
  | { type: 'RESTART'; intakeId: string; at: string };

/**
 * Input the current question could not use; the machine counts it, the words say why. `early`: the answer to
 * a later question in it ("6 wks" at the side question), kept for that question.
 */
export type MissEvent = { type: 'MISS'; step: Step; early?: EarlyAnswers } & Said;

export type IntakeEvent = AnswerEvent | SafetyEvent | CommandEvent | MissEvent;
