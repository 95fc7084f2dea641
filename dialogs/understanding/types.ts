// What the free-text understanding hands back: a typed answer, or the specific reason it could not
// use the text, so the bot can re-ask precisely instead of guessing.
import type { Cause, Difficulty, FlagCode, Region, Side } from '../vocabulary.js';

export type MissReason =
  | 'empty'
  | 'not_understood'
  | 'out_of_range' // a number outside 0–10, a negative duration…
  | 'ambiguous' // e.g. two different pain scores in one answer
  | 'not_offered'; // a valid thing, but not one of the choices on offer (e.g. primary region not named)

export type Understood<T> =
  | { ok: true; value: T; note?: string }
  | { ok: false; reason: MissReason; detail?: string };

/** A body site as the patient named it; side is absent when they did not say one. */
export interface NamedSite {
  region: Region;
  side?: Side;
}

export interface SitesAnswer {
  /** Sites named positively, in the order named, without duplicates. */
  sites: NamedSite[];
  /** Regions the patient explicitly excluded ("not my neck"). */
  excluded: Region[];
  /** At the location question: where the patient said it spreads ("and down the back of my left leg"). */
  spread?: NamedSite[];
}

export interface DurationAnswer {
  weeks: number;
  text: string;
}

export type Command = 'help' | 'back' | 'restart' | 'stop' | 'delete_data';

export type EditTarget = 'location' | 'duration' | 'cause' | 'intensity' | 'movement' | 'flags' | 'contact';

export type SummaryReply = { kind: 'confirm' } | { kind: 'edit'; target: EditTarget | null };

export type ContactAnswer =
  | { kind: 'skip' }
  | { kind: 'contact'; name: string; phone?: string; email?: string; preferredTimes?: string };

export type { Cause, Difficulty, FlagCode, Region, Side };
