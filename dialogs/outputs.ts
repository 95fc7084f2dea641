// What a turn produces, as data. src/bot/render.ts turns these into activities (text, suggested
// actions, Adaptive Cards); tests read them directly.
import type { ClinicProfile } from './clinicProfile.js';
import type { IntakeSummary, Recommendation } from './summarySchema.js';
import type { Step } from './vocabulary.js';

/** A button: `label` is shown (and sent as text), `answer` is the structured value for `step`. */
export interface Choice {
  label: string;
  answer: unknown;
}

export interface Progress {
  index: number;
  total: number;
  /**
   * Added to CONTRACT §2 (nothing renamed): where one step asks several questions in a row (the
   * movements, the safety follow-ups), which of them this is, so a bar can move on within the step.
   */
  part?: { index: number; total: number };
}

export interface Marker {
  step: Step;
  subject?: string;
  progress: Progress;
}

export interface ChecklistOption {
  code: string;
  label: string;
}

export type Ask = {
  kind: 'ask';
  text: string;
  choices: Choice[];
  /** A multi-select list (safety screen, precautions, causes) shown as a card with a text fallback. */
  checklist?: { options: ChecklistOption[]; noneLabel: string };
  /** The contact form (name, phone, email, preferred times). */
  contactForm?: boolean;
  /** The closed form after two misses: the buttons are the answer (a page may hide the text box's hint). */
  closed?: boolean;
} & Marker;

export type Output =
  | { kind: 'say'; text: string }
  | Ask
  | ({ kind: 'summary'; text: string; summary: IntakeSummary; choices: Choice[] } & Marker)
  | ({
      kind: 'booking';
      text: string;
      recommendation: Recommendation;
      clinic: Pick<ClinicProfile, 'name' | 'phone'>;
    } & Marker)
  | ({ kind: 'end'; text: string; summary?: IntakeSummary } & Marker);

export type Effect = { type: 'intake_ended'; outcome: 'done' | 'emergency'; summary: IntakeSummary } | { type: 'delete_data' };
