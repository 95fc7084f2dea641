// Triage is derived, never stored on its own (PRODUCT.md): the most serious flag level decides.
import type { AppointmentType, ClinicProfile } from './clinicProfile.js';
import type { DurationCategory, Flag, Recommendation } from './summarySchema.js';
import { levelOf, type FlagCode, type Triage } from './vocabulary.js';

/** What besides the flags raises triage (PRODUCT.md, "How patients type, and the safety protocol"). */
export interface TriageFacts {
  /** Warning signs typed and not confirmed: never routine. */
  mentioned?: number;
  /** A fall or knock, which with osteoporosis needs a GP first. */
  fallOrKnock?: boolean;
}

export function triageOf(flags: readonly Flag[], facts: TriageFacts = {}): Triage {
  const levels = new Set(flags.map((f) => f.level));
  if (levels.has('emergency')) return 'emergency';
  if (levels.has('see_doctor')) return 'see_doctor_first';
  if (facts.fallOrKnock && flags.some((f) => f.code === 'osteoporosis')) return 'see_doctor_first';
  if (levels.has('review') || (facts.mentioned ?? 0) > 0) return 'therapist_review';
  return 'routine';
}

export function flagsFrom(codes: readonly FlagCode[]): Flag[] {
  return [...new Set(codes)].map((code) => ({ code, level: levelOf(code) }));
}

/** acute < 6 weeks, subacute 6–12 weeks, chronic > 12 weeks (PRODUCT.md §3). */
export function durationCategory(weeks: number): DurationCategory {
  if (weeks < 6) return 'acute';
  if (weeks <= 12) return 'subacute';
  return 'chronic';
}

interface Facts {
  triage: Triage;
  category: DurationCategory;
  regionCount: number;
}

function fits(type: AppointmentType, facts: Facts): boolean {
  const w = type.when;
  if (w.durationCategories && !w.durationCategories.includes(facts.category)) return false;
  if (w.minRegions !== undefined && facts.regionCount < w.minRegions) return false;
  if (w.triage && !w.triage.includes(facts.triage)) return false;
  return true;
}

/** The clinic's first appointment type that fits; none at all for an emergency. */
export function recommend(clinic: ClinicProfile, facts: Facts): Recommendation | null {
  if (facts.triage === 'emergency') return null;
  // The profile schema guarantees a criteria-free last type, so find() always succeeds.
  const type = clinic.appointmentTypes.find((t) => fits(t, facts)) ?? clinic.appointmentTypes.at(-1)!;
  return { appointmentType: type.name, durationMinutes: type.durationMinutes, bookingUrl: type.bookingUrl ?? clinic.bookingUrl };
}
