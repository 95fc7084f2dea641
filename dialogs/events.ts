// The events the statechart understands. The shell (src/bot) builds them from activities through
// dialogs/interpret.ts; nothing else reaches the machine.
import type { EarlyAnswers, EditTarget } from './intakeContext.js';
import type { BodySite, Contact, Duration } from './summarySchema.js';
import type { Cause, Difficulty, FlagCode, Region, Side, Step } from './vocabulary.js';
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
  | ({ type: 'SPREAD'; sites: BodySite[] } & Said)
  | ({ type: 'DURATION'; duration: Omit<Duration, 'category'> } & Said)
  | ({ type: 'CAUSES'; causes: Cause[] } & Said)
  | ({ type: 'SCORE'; value: number } & Said)
  | ({ type: 'DIFFICULTY'; difficulty: Difficulty } & Said)
  | ({ type: 'FLAGS'; codes: FlagCode[] } & Said)
  | ({ type: 'YES_NO'; yes: boolean } & Said)
  | ({ type: 'PRECAUTIONS'; codes: FlagCode[] } & Said)
  | ({ type: 'CONFIRM' } & Said)
  | ({ type: 'EDIT'; target: EditTarget } & Said)
  | ({ type: 'CONTACT'; contact: Contact | null; at: string } & Said);

export type CommandEvent =
  | { type: 'HELP' }
  | { type: 'BACK' }
  | { type: 'STOP' }
  | { type: 'RESTART'; intakeId: string; at: string };

/** Input the current question could not use; the machine only counts it, the words say why. */
export type MissEvent = { type: 'MISS'; step: Step } & Said;

export type IntakeEvent = AnswerEvent | CommandEvent | MissEvent;
