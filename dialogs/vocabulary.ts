// The coded vocabularies of the public contract (shared/CONTRACT.md §2–§3).
// Codes are part of the contract: add freely, never rename or remove without a schema version bump.
import { z } from 'zod';

export const REGIONS = [
  'head', 'jaw', 'neck', 'shoulder', 'upper_back', 'mid_back', 'lower_back', 'chest',
  'upper_arm', 'elbow', 'forearm', 'wrist_hand', 'hip', 'buttock', 'thigh', 'knee',
  'lower_leg', 'ankle_foot',
] as const;
export const Region = z.enum(REGIONS);
export type Region = z.infer<typeof Region>;

export const SIDES = ['left', 'right', 'both', 'centre'] as const;
export const Side = z.enum(SIDES);
export type Side = z.infer<typeof Side>;

export const MOVEMENTS = [
  'turning_head', 'looking_up_down', 'reaching_overhead', 'reaching_behind_back', 'lying_on_side',
  'lifting', 'carrying', 'bending_forward', 'twisting', 'sitting', 'standing', 'sit_to_stand',
  'walking', 'stairs', 'kneeling_squatting', 'running', 'gripping', 'typing', 'sleeping', 'chewing',
] as const;
export const Movement = z.enum(MOVEMENTS);
export type Movement = z.infer<typeof Movement>;

export const DIFFICULTIES = ['none', 'some', 'a_lot', 'unable'] as const;
export const Difficulty = z.enum(DIFFICULTIES);
export type Difficulty = z.infer<typeof Difficulty>;

/** `other`: the patient's words fit no category; the words are kept in patientWords.cause. */
export const CAUSES = ['strain', 'stress', 'repetitive_use', 'injury', 'posture', 'other', 'unknown'] as const;
export const Cause = z.enum(CAUSES);
export type Cause = z.infer<typeof Cause>;

export const FLAG_LEVELS = ['emergency', 'see_doctor', 'review'] as const;
export const FlagLevel = z.enum(FLAG_LEVELS);
export type FlagLevel = z.infer<typeof FlagLevel>;

export const EMERGENCY_FLAGS = [
  'bladder_bowel_change', 'saddle_numbness', 'both_legs_symptoms', 'progressive_weakness',
  'chest_pain_breathless', 'neck_neuro_signs', 'trauma_fracture', 'hot_swollen_joint_fever',
] as const;
export const SEE_DOCTOR_FLAGS = [
  'cancer_history', 'unexplained_weight_loss', 'fever_unwell', 'constant_night_pain',
  'immunosuppressed_steroids', 'clumsy_hands_unsteady_walk',
] as const;
export const REVIEW_FLAGS = [
  'numbness_tingling', 'pregnancy', 'blood_thinners', 'recent_surgery', 'fear_of_movement', 'osteoporosis',
] as const;
export const FLAG_CODES = [...EMERGENCY_FLAGS, ...SEE_DOCTOR_FLAGS, ...REVIEW_FLAGS] as const;
export const FlagCode = z.enum(FLAG_CODES);
export type FlagCode = z.infer<typeof FlagCode>;

/** The level of a flag follows from its code alone; the triage rules build on this. */
export function levelOf(code: FlagCode): FlagLevel {
  if ((EMERGENCY_FLAGS as readonly string[]).includes(code)) return 'emergency';
  if ((SEE_DOCTOR_FLAGS as readonly string[]).includes(code)) return 'see_doctor';
  return 'review';
}

export const TRIAGES = ['emergency', 'see_doctor_first', 'therapist_review', 'routine'] as const;
export const Triage = z.enum(TRIAGES);
export type Triage = z.infer<typeof Triage>;

/** Step markers, in the order a conversation meets them (CONTRACT §2). */
export const STEPS = [
  'consent', 'location', 'side', 'primary', 'spread', 'duration', 'cause', 'intensity_now',
  'intensity_worst', 'movement', 'red_flags', 'precautions', 'summary', 'contact', 'booking',
  'done', 'emergency', 'declined',
] as const;
export const Step = z.enum(STEPS);
export type Step = z.infer<typeof Step>;
