// Body regions as the patient hears them, and which ones have a side worth asking about.
import type { Region, Side } from './vocabulary.js';

export const REGION_LABELS: Record<Region, string> = {
  head: 'head',
  jaw: 'jaw',
  neck: 'neck',
  shoulder: 'shoulder',
  upper_back: 'upper back',
  mid_back: 'mid back',
  lower_back: 'lower back',
  chest: 'chest',
  upper_arm: 'upper arm',
  elbow: 'elbow',
  forearm: 'forearm',
  wrist_hand: 'wrist or hand',
  hip: 'hip',
  buttock: 'buttock',
  thigh: 'thigh',
  knee: 'knee',
  lower_leg: 'lower leg',
  ankle_foot: 'ankle or foot',
};

// Paired body parts get a side question when the patient did not say one (no default side). Midline regions
// default to centre instead: asking "which side of your lower back?" every time slows the
// conversation, and the patient can still say "left lower back" in the first place.
const MIDLINE: ReadonlySet<Region> = new Set(['head', 'neck', 'upper_back', 'mid_back', 'lower_back', 'chest']);

export function defaultSide(region: Region): Side | undefined {
  return MIDLINE.has(region) ? 'centre' : undefined;
}

const SIDE_WORDS: Record<Side, string> = { left: 'left', right: 'right', both: 'both sides', centre: '' };

/** "left shoulder", "knee (both sides)", "lower back", "neck (left side)": a region with no pair takes its side after it. */
export function describeSite(region: Region, side: Side | undefined): string {
  const label = REGION_LABELS[region];
  if (!side || side === 'centre') return label;
  if (side === 'both') return `${label} (both sides)`;
  return MIDLINE.has(region) ? `${label} (${SIDE_WORDS[side]} side)` : `${SIDE_WORDS[side]} ${label}`;
}

/** The parts a whole limb or "my back" is asked about by (their buttons when the patient names only the whole). */
export const PARTS_OF: Readonly<Record<'back' | 'arm' | 'leg', readonly Region[]>> = {
  back: ['lower_back', 'mid_back', 'upper_back'],
  arm: ['upper_arm', 'elbow', 'forearm', 'wrist_hand'],
  leg: ['thigh', 'knee', 'lower_leg', 'ankle_foot'],
};

/** Regions offered as buttons when free text keeps missing: the ones patients name most. */
export const COMMON_REGIONS: readonly Region[] = [
  'neck', 'shoulder', 'upper_back', 'lower_back', 'hip', 'knee', 'elbow', 'wrist_hand', 'head', 'ankle_foot',
];
