// The safety screen (PRODUCT.md "Safety screening reference"). Each item is worded for a patient,
// tied to a flag code, and offered only for the regions where it matters, so a sore wrist is not
// asked about bladder control. Two broad items need a follow-up question before they mean anything.
import type { FlagCode, Region } from './vocabulary.js';

const SPINE_AND_LEGS: readonly Region[] = ['mid_back', 'lower_back', 'buttock', 'hip', 'thigh', 'knee', 'lower_leg', 'ankle_foot'];
const NECK_AND_HEAD: readonly Region[] = ['head', 'jaw', 'neck', 'upper_back', 'shoulder'];
const CHEST_REFERRAL: readonly Region[] = ['neck', 'jaw', 'shoulder', 'upper_back', 'mid_back', 'chest', 'upper_arm', 'elbow', 'forearm'];
const JOINTS: readonly Region[] = ['jaw', 'shoulder', 'elbow', 'wrist_hand', 'hip', 'knee', 'ankle_foot'];
const LIMBS_AND_SPINE: readonly Region[] = [
  'neck', 'shoulder', 'upper_back', 'mid_back', 'lower_back', 'upper_arm', 'elbow', 'forearm', 'wrist_hand',
  'hip', 'buttock', 'thigh', 'knee', 'lower_leg', 'ankle_foot',
];
const UPPER_SPINE: readonly Region[] = ['neck', 'upper_back', 'shoulder', 'head'];

export interface ScreenItem {
  code: FlagCode;
  /** How the item reads in the checklist. */
  text: string;
  /** null: asked whatever the regions. */
  regions: readonly Region[] | null;
}

/** Checklist order: the most urgent first, so a patient skimming still reads them. */
export const SCREEN_ITEMS: readonly ScreenItem[] = [
  { code: 'bladder_bowel_change', text: 'New trouble passing or controlling urine or bowel motions', regions: SPINE_AND_LEGS },
  { code: 'saddle_numbness', text: 'Numbness around the genitals, bottom or inner thighs', regions: SPINE_AND_LEGS },
  { code: 'both_legs_symptoms', text: 'Pain, numbness or weakness in both legs', regions: SPINE_AND_LEGS },
  { code: 'chest_pain_breathless', text: 'Chest pain or shortness of breath with this pain', regions: CHEST_REFERRAL },
  { code: 'neck_neuro_signs', text: 'Dizziness, double vision, slurred speech, trouble swallowing or sudden falls', regions: NECK_AND_HEAD },
  { code: 'trauma_fracture', text: 'A fall, knock or accident in the last few weeks', regions: null },
  { code: 'hot_swollen_joint_fever', text: 'A hot, red, swollen joint together with a fever', regions: JOINTS },
  { code: 'numbness_tingling', text: 'Pins and needles, numbness or weakness in an arm or leg', regions: LIMBS_AND_SPINE },
  { code: 'cancer_history', text: 'Cancer, now or in the past', regions: null },
  { code: 'unexplained_weight_loss', text: 'Losing weight without trying', regions: null },
  { code: 'fever_unwell', text: 'Fever, night sweats or feeling generally unwell', regions: null },
  { code: 'constant_night_pain', text: 'Constant pain at night that no position eases', regions: null },
  { code: 'immunosuppressed_steroids', text: 'Long-term steroid tablets or a weakened immune system', regions: null },
  { code: 'clumsy_hands_unsteady_walk', text: 'Clumsy hands or an unsteady walk', regions: UPPER_SPINE },
];

/**
 * Items whose tick alone does not settle the flag: a fall is only an emergency with severe pain or
 * a suspected fracture, and numbness in one limb is only an emergency when weakness is worsening.
 * The follow-up is a yes/no question whose `subject` is the flag a "yes" raises.
 */
export interface FollowUp {
  /** The flag raised by "yes" (and the subject of the question). */
  ifYes: FlagCode;
  /** The flag kept on "no" (the tick itself still matters), or null. */
  ifNo: FlagCode | null;
  question: string;
}

export const FOLLOW_UPS: Partial<Record<FlagCode, FollowUp>> = {
  trauma_fracture: {
    ifYes: 'trauma_fracture',
    ifNo: null,
    question: 'About that fall or accident: was the pain severe straight away, or could something be broken or out of place?',
  },
  numbness_tingling: {
    ifYes: 'progressive_weakness',
    ifNo: 'numbness_tingling',
    question: 'About the pins and needles or numbness: is there weakness in that arm or leg that is getting worse?',
  },
};

/** The checklist for these regions, in checklist order. */
export function screenFor(regions: readonly Region[]): FlagCode[] {
  return SCREEN_ITEMS.filter((item) => item.regions === null || item.regions.some((r) => regions.includes(r))).map(
    (item) => item.code,
  );
}

export function screenText(code: FlagCode): string {
  return SCREEN_ITEMS.find((i) => i.code === code)?.text ?? PRECAUTION_TEXT[code] ?? code;
}

/** A sign typed in free text, in plain words for "You mentioned …. Is that happening now?". */
export const SIGN_IN_PLAIN_WORDS: Partial<Record<FlagCode, string>> = {
  bladder_bowel_change: 'new trouble passing or controlling urine or bowel motions',
  saddle_numbness: 'numbness around your genitals, bottom or inner thighs',
  both_legs_symptoms: 'pain, numbness or weakness in both legs',
  progressive_weakness: 'weakness in an arm or leg that is getting worse',
  chest_pain_breathless: 'chest pain or trouble breathing',
  neck_neuro_signs: 'dizziness, double vision, slurred speech, trouble swallowing or sudden falls',
  trauma_fracture: 'a bone that could be broken or a joint out of place after a fall or knock',
  hot_swollen_joint_fever: 'a hot, red, swollen joint with a fever',
};

/** Precautions for hands-on work and yellow flags, recorded for the therapist (review level). */
export const PRECAUTIONS: readonly FlagCode[] = ['pregnancy', 'blood_thinners', 'recent_surgery', 'fear_of_movement', 'osteoporosis'];

export const PRECAUTION_TEXT: Partial<Record<FlagCode, string>> = {
  pregnancy: 'Pregnant',
  blood_thinners: 'Taking blood-thinning medication',
  recent_surgery: 'Surgery in the last 3 months',
  fear_of_movement: 'Worried that moving will make it worse',
  osteoporosis: 'Osteoporosis or thin bones',
};
