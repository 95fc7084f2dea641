// Words the clinic side shows for coded values (inbox, print view, FHIR displays).
import { causeWords } from '../../dialogs/summary.js';
import type { Cause, Difficulty, Triage } from '../../dialogs/vocabulary.js';
import type { Outcome } from './intakeRecords.js';

export const TRIAGE_LABELS: Record<Triage, string> = {
  emergency: 'Emergency',
  see_doctor_first: 'See doctor',
  therapist_review: 'Review',
  routine: 'Routine',
};

/** What the therapist should do, in one line. */
export const TRIAGE_ADVICE: Record<Triage, string> = {
  emergency: 'Sent to urgent care (emergency number or emergency department). Not offered a booking.',
  see_doctor_first: 'Advised to see a GP before treatment.',
  therapist_review: 'Booking allowed; check the items below before hands-on or dry-needling work.',
  routine: 'No flags raised by the safety screen.',
};

export const OUTCOME_LABELS: Record<Outcome, string> = {
  done: 'Confirmed',
  emergency: 'Urgent care',
  abandoned: 'Abandoned',
};

export const DIFFICULTY_LABELS: Record<Difficulty, string> = {
  none: 'No trouble',
  some: 'Some trouble',
  a_lot: 'A lot of trouble',
  unable: 'Unable',
};

export function causeLabel(cause: Cause): string {
  const words = causeWords([cause]);
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export const DURATION_LABELS = { acute: 'Acute (< 6 weeks)', subacute: 'Subacute (6–12 weeks)', chronic: 'Chronic (> 12 weeks)' } as const;
