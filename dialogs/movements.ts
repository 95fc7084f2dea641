// Which movements to ask about, chosen from the regions named (PRODUCT.md §6). The order within a
// region is the order of clinical usefulness, so when the cap cuts the list the best questions stay.
import type { Movement, Region } from './vocabulary.js';

export const MOVEMENT_LABELS: Record<Movement, string> = {
  turning_head: 'turning your head',
  looking_up_down: 'looking up or down',
  reaching_overhead: 'reaching overhead',
  reaching_behind_back: 'reaching behind your back',
  lying_on_side: 'lying on that side',
  lifting: 'lifting',
  carrying: 'carrying things',
  bending_forward: 'bending forward',
  twisting: 'twisting or turning your body',
  sitting: 'sitting for a while',
  standing: 'standing for a while',
  sit_to_stand: 'standing up from a chair',
  walking: 'walking',
  stairs: 'going up or down stairs',
  kneeling_squatting: 'kneeling or squatting',
  running: 'running',
  gripping: 'gripping or opening jars',
  typing: 'typing or using a mouse',
  sleeping: 'sleeping',
  chewing: 'chewing or opening your mouth wide',
};

const BY_REGION: Record<Region, readonly Movement[]> = {
  head: ['turning_head', 'looking_up_down', 'sleeping'],
  jaw: ['chewing', 'sleeping'],
  neck: ['turning_head', 'looking_up_down', 'sleeping'],
  shoulder: ['reaching_overhead', 'reaching_behind_back', 'lying_on_side'],
  upper_back: ['twisting', 'sitting', 'reaching_overhead'],
  mid_back: ['twisting', 'bending_forward', 'sitting'],
  lower_back: ['bending_forward', 'sitting', 'lifting', 'sit_to_stand', 'walking'],
  chest: ['twisting', 'lifting', 'sleeping'],
  upper_arm: ['reaching_overhead', 'lifting', 'carrying'],
  elbow: ['gripping', 'lifting', 'carrying'],
  forearm: ['gripping', 'typing', 'carrying'],
  wrist_hand: ['gripping', 'typing', 'carrying'],
  hip: ['walking', 'stairs', 'lying_on_side', 'sit_to_stand'],
  buttock: ['sitting', 'walking', 'bending_forward'],
  thigh: ['walking', 'stairs', 'running'],
  knee: ['stairs', 'kneeling_squatting', 'walking', 'running'],
  lower_leg: ['walking', 'standing', 'running'],
  ankle_foot: ['walking', 'standing', 'running'],
};

/** Keeps the whole conversation near three minutes however many regions are named. */
export const MAX_MOVEMENT_QUESTIONS = 6;

/**
 * The movement questions for these regions, primary region first, without repeats, capped.
 * Regions are taken in turns (first movement of each, then the second…) so that a secondary
 * region still gets its most telling question before the primary one gets its fifth.
 */
export function movementsFor(regions: readonly Region[]): Movement[] {
  const lists = regions.map((r) => BY_REGION[r]);
  const chosen: Movement[] = [];
  for (let round = 0; chosen.length < MAX_MOVEMENT_QUESTIONS; round++) {
    let any = false;
    for (const list of lists) {
      const m = list[round];
      if (m === undefined) continue;
      any = true;
      if (!chosen.includes(m) && chosen.length < MAX_MOVEMENT_QUESTIONS) chosen.push(m);
    }
    if (!any) break;
  }
  return chosen;
}
