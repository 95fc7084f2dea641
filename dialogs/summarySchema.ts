// IntakeSummary, schemaVersion 1 (shared/CONTRACT.md §3). The JSON Schema the server publishes is
// generated from this with z.toJSONSchema, so this file is the one definition.
import { z } from 'zod';
import { Cause, Difficulty, FlagCode, FlagLevel, Movement, Region, Side, Step, Triage } from './vocabulary.js';

export const PainArea = z.object({ region: Region, side: Side, primary: z.boolean() });
export type PainArea = z.infer<typeof PainArea>;

export const BodySite = z.object({ region: Region, side: Side });
export type BodySite = z.infer<typeof BodySite>;

export const DurationCategory = z.enum(['acute', 'subacute', 'chronic']);
export type DurationCategory = z.infer<typeof DurationCategory>;

export const Duration = z.object({
  weeks: z.number().nonnegative(),
  category: DurationCategory,
  text: z.string(),
});
export type Duration = z.infer<typeof Duration>;

const PainScore = z.number().int().min(0).max(10);

export const Intensity = z
  .object({ now: PainScore, worst: PainScore })
  .refine((i) => i.worst >= i.now, { message: 'worst must be at least now', path: ['worst'] });

export const MovementLimit = z.object({ movement: Movement, difficulty: Difficulty });
export type MovementLimit = z.infer<typeof MovementLimit>;

export const Flag = z.object({ code: FlagCode, level: FlagLevel });
export type Flag = z.infer<typeof Flag>;

/** A warning sign the patient typed but did not confirm when asked: kept for the therapist, never dropped. */
export const Mentioned = z.object({ code: FlagCode, words: z.string(), confirmed: z.literal(false) });
export type Mentioned = z.infer<typeof Mentioned>;

export const Recommendation = z.object({
  appointmentType: z.string().min(1),
  durationMinutes: z.number().int().positive(),
  bookingUrl: z.string().url(),
});
export type Recommendation = z.infer<typeof Recommendation>;

export const Contact = z.object({
  name: z.string().min(1).max(200),
  phone: z.string().max(40).optional(),
  email: z.string().email().max(254).optional(),
  preferredTimes: z.string().max(500).optional(),
});
export type Contact = z.infer<typeof Contact>;

export const IntakeSummary = z
  .object({
    schemaVersion: z.literal(1),
    intakeId: z.string().uuid(),
    conversationId: z.string().min(1),
    channelId: z.string().min(1),
    startedAt: z.string().datetime({ offset: true }),
    completedAt: z.string().datetime({ offset: true }).nullable(),
    /** At least one, exactly one primary; empty only when an emergency ended the intake before the patient said where it hurts. */
    painAreas: z.array(PainArea),
    spreadsTo: z.array(BodySite),
    duration: Duration,
    causes: z.array(Cause).min(1),
    intensity: Intensity,
    movementLimits: z.array(MovementLimit),
    flags: z.array(Flag),
    /** Added within schema version 1: optional, so older records still validate. */
    mentioned: z.array(Mentioned).optional(),
    triage: Triage,
    recommendation: Recommendation.nullable(),
    contact: Contact.optional(),
    patientWords: z.partialRecord(Step, z.array(z.string())),
  })
  .refine((s) => (s.painAreas.length === 0 ? s.triage === 'emergency' : s.painAreas.filter((a) => a.primary).length === 1), {
    message: 'painAreas needs exactly one primary area (it may be empty only in an emergency ending)',
    path: ['painAreas'],
  })
  .meta({
    title: 'IntakeSummary',
    description: 'A myotherapy pre-assessment intake (schemaVersion 1)',
    // The refine above, for JSON Schema readers: at least one pain area unless the intake ended as an emergency.
    if: { properties: { triage: { const: 'emergency' } } },
    else: { properties: { painAreas: { type: 'array', minItems: 1 } } },
  });
export type IntakeSummary = z.infer<typeof IntakeSummary>;
