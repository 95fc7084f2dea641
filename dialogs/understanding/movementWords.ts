// Which movement an answer at the movement question talks about: "can't sit more than 20 min" asked about
// bending forward is about sitting. A table a clinician can read; one small reader below.
import type { Movement } from '../vocabulary.js';
import { findAll, lexicon, type Match } from './phrases.js';
import { saturdays, tokenise } from './text.js';

/** Everyday words for each movement the intake asks about. */
const WORDS: ReadonlyArray<readonly [Movement, readonly string[]]> = [
  ['turning_head', ['turn my head', 'turning my head', 'turn my neck', 'turning my neck', 'look over my shoulder', 'looking over my shoulder', 'head check', 'shoulder check', 'blind spot', 'reversing']],
  ['looking_up_down', ['look up', 'looking up', 'look down', 'looking down', 'tilt my head', 'tilting my head']],
  ['reaching_overhead', ['reach up', 'reaching up', 'overhead', 'above my head', 'top shelf', 'top shelves', 'hang the washing', 'hanging the washing', 'hang washing', 'hanging washing', 'hang out the washing',
    // Raising the arm is reaching, not lifting a load: "cant lift my arm above my head".
    'lift my arm', 'lift my arm up', 'lift arm up', 'lift the arm', 'raise my arm', 'raising my arm', 'arm above my head', 'above my shoulder', 'lift it above', 'lift it up', 'raise it', 'wash my hair', 'washing my hair', 'brush my hair', 'brushing my hair']],
  ['reaching_behind_back', ['behind my back', 'up my back', 'up behind', 'bra', 'do my bra up', 'tuck my shirt', 'back pocket', 'wipe my bum']],
  ['lying_on_side', ['lie on', 'lying on', 'lay on', 'laying on', 'sleep on that side', 'sleep on my side', 'roll onto it', 'roll onto that side', 'sleep on it', 'sleep on that', 'roll on it', 'roll on to it']],
  ['lifting', ['lift', 'lifting', 'lifted', 'pick up', 'picking up', 'pick things up', 'picking things up']],
  ['carrying', ['carry', 'carrying', 'shopping bags', 'groceries']],
  ['bending_forward', ['bend', 'bending', 'bend over', 'bending over', 'bend down', 'bending down', 'touch my toes', 'tie my shoes', 'tying my shoes', 'put my socks on', 'putting my socks on', 'socks', 'sock', 'shoes on', 'shoelaces']],
  ['twisting', ['twist', 'twisting', 'turn around', 'turning around', 'turn my body', 'rotate', 'rotating']],
  ['sitting', ['sit', 'sitting', 'sat', 'in the car', 'driving', 'at my desk', 'on the couch']],
  ['standing', ['stand', 'standing', 'on my feet', 'queue', 'queuing', 'cooking']],
  ['sit_to_stand', ['stand up', 'standing up', 'get up', 'getting up', 'get out of', 'getting out of', 'get off the couch', 'out of a chair', 'out of the chair', 'out of the car']],
  ['walking', ['walk', 'walking', 'walked', 'the dog', 'stroll', 'hike', 'hiking', 'hobble', 'hobbling', 'limp', 'limping']],
  ['stairs', ['stairs', 'steps', 'staircase', 'upstairs', 'downstairs', 'flight of stairs']],
  ['kneeling_squatting', ['kneel', 'kneeling', 'squat', 'squatting', 'crouch', 'crouching', 'on my knees']],
  ['running', ['run', 'running', 'jog', 'jogging', 'sprint', 'sprinting', 'parkrun']],
  ['gripping', ['grip', 'gripping', 'jar', 'jars', 'open a jar', 'squeeze', 'turn a key', 'door handle']],
  ['typing', ['type', 'typing', 'mouse', 'keyboard', 'computer', 'laptop', 'texting', 'write', 'writing']],
  ['sleeping', ['sleep', 'sleeping', 'slept', 'asleep', 'wake up', 'wakes me', 'night', 'bed', 'in bed']],
  ['chewing', ['chew', 'chewing', 'eat', 'eating', 'bite', 'biting', 'yawn', 'yawning', 'open my mouth', 'steak']],
];

/**
 * Movements close enough that an answer about one answers the other: lying on that side is sleeping on
 * it; standing up from a chair is sitting and standing; head movements go together; lifting means bending
 * and carrying; reaching is reaching.
 */
const KIN: ReadonlyArray<readonly Movement[]> = [
  ['sleeping', 'lying_on_side'],
  ['sit_to_stand', 'sitting', 'standing'],
  ['turning_head', 'looking_up_down'],
  ['lifting', 'carrying', 'bending_forward'],
  ['reaching_overhead', 'reaching_behind_back'],
  ['kneeling_squatting', 'bending_forward'],
  ['walking', 'running'],
  ['walking', 'stairs'],
  ['gripping', 'typing', 'carrying', 'lifting'],
];

/** The one-word names of movements ("stairs", "walking"): a subject that is a movement, not a warning sign. */
export const MOVEMENT_WORDS: ReadonlySet<string> = new Set(WORDS.flatMap(([, words]) => words.filter((w) => !w.includes(' '))));

/** "sittin", "walkin": the dropped g of a phone is the same word, read exactly (a typo match would not count). */
const droppedG = (phrase: string): string => phrase.split(' ').map((w) => (w.endsWith('ing') ? w.slice(0, -1) : w)).join(' ');
const WITH_DROPPED_G = WORDS.map(([movement, words]) => [movement, [...new Set([...words, ...words.map(droppedG)])]] as const);

const LEXICON = lexicon<Movement | 'not_a_movement'>([
  ...WITH_DROPPED_G,
  // Stopping to rest is part of the movement asked about ("after a few minutes I have to sit"), and a lift is a lift.
  [
    'not_a_movement',
    [
      'have to sit', 'need to sit', 'have to sit down', 'need to sit down', 'have to stop', 'a lift', 'the lift', 'have to lie down', 'need to lie down',
      'stop and sit', 'stop and sit down', 'have to stop and sit', 'had to sit', 'had to sit down', 'sit and rest', 'sit on a bench', 'stop and rest',
      // Getting up to break a long sit is part of sitting: "after 30 min i have to get up".
      'have to get up', 'need to get up', 'had to get up', 'got to get up', 'gotta get up', 'have to stand up', 'need to stand up', 'have to stand',
      'get up and move', 'get up and walk', 'get up and walk around', 'have to walk around', 'have to move around', 'and walk round', 'and walk around',
      'walk it off',
      // Hands on the knees to push up is how they stand, not kneeling.
      'hands on my knees', 'hands on knees', 'hand on my knee', 'hands on the knees',
      // A time, not sleeping: "dropped a schooner last night", "on my feet behind the bar all night".
      'last night', 'the other night', 'one night', 'tonight', 'all night', 'friday night', 'saturday night', 'sat night', 'night shift', 'night shifts', 'nights a week',
    ],
  ],
]);
/** An answer that opens with the scale's own words answers the question asked ("none really, it's more sitting"). */
const SCALE_FIRST = new Set(['none', 'no', 'nope', 'nah', 'some', 'a', 'bit', 'heaps', 'lots', 'unable', 'not', 'fine', 'ok', 'okay']);

/**
 * Whether an answer names a movement by a word of its own ("lift", "hang the washing"), not by a time ("at night",
 * "in bed", which are also said of pain): for saying where an answer typed a question early belongs.
 */
export function namesAMovement(text: string): boolean {
  return movementsIn(tokenise(text)).some((m) => m.value !== 'sleeping');
}

/**
 * The movements named by words as listed (a typo match would read "short bits" as biting), not the words that only
 * look like one ("have to sit", "last night"): the one reading every question below starts from.
 */
function movementsIn(tokens: readonly string[]): Array<Match<Movement>> {
  // ("fell at the footy sat": Saturday, not sitting.)
  return findAll(saturdays(tokens), LEXICON).filter((m): m is Match<Movement> => m.value !== 'not_a_movement' && m.penalty === 0);
}
const distinct = (matches: ReadonlyArray<Match<Movement>>): Movement[] => [...new Set(matches.map((m) => m.value))];

/**
 * The one movement an answer names by a word of its own ("can't hang the washing"), for keeping an answer typed
 * before the movements are asked. Null when it names none, or more than one: which one the level is about is
 * then not plain.
 */
export function movementNamed(text: string): Movement | null {
  const named = distinct(movementsIn(tokenise(text)).filter((m) => m.value !== 'sleeping'));
  return named.length === 1 ? named[0]! : null;
}

/**
 * "walking ok, cant run" asked about walking, when running is asked too: the part about the movement asked, so
 * the other one's level is not read as this one's. Null when the answer does not name this movement and another
 * on the list in separate parts.
 */
export function partAbout(text: string, asked: Movement, list: readonly Movement[]): string | null {
  // Parts with where they start and end in the text (not split at "?": "walking? fine for 10 min" is one answer).
  const parts = [...text.matchAll(/[^,.;!]+?(?=\s*(?:[,.;!]|\bbut\b|$))|\bbut\b/gi)].map((m) => ({ text: m[0], at: m.index!, end: m.index! + m[0].length })).filter((p) => p.text.trim() && !/^but$/i.test(p.text.trim()));
  if (parts.length < 2) return null;
  const about = parts.map((p) => distinct(movementsIn(tokenise(p.text))));
  const namesOther = (k: number) => about[k]!.some((m) => m !== asked && list.includes(m)) && !about[k]!.includes(asked);
  if (!about.some((_, k) => namesOther(k))) return null;
  // From the part naming the movement asked up to the next naming another ("ok to walk but not far, running is out"),
  // as typed, with what joins them.
  let from = -1;
  let to = -1;
  parts.forEach((p, k) => {
    if (about[k]!.includes(asked) && from < 0) from = p.at;
    else if (namesOther(k) && from >= 0 && to < 0) to = parts[k - 1]!.end;
  });
  if (from < 0) return null;
  return text.slice(from, to < 0 ? text.length : to);
}

/** "if i bend my knees", "as long as i squat": how the movement asked is done, not another one. */
const HOW = new Set(['if', 'when', 'long', 'by', 'unless']);

function kin(a: Movement, b: Movement): boolean {
  return a === b || KIN.some((group) => group.includes(a) && group.includes(b));
}

/**
 * The one other movement an answer is about, when it names movements and none is the one asked (or kin
 * to it, unless the one named is also on the patient's `list`): "can't sit more than 20 min" at bending forward
 * is about sitting. Null when the answer names the movement asked, names none, or names several others.
 */
export function otherMovementNamed(text: string, asked: Movement, list: readonly Movement[] = []): Movement | null {
  const tokens = tokenise(text);
  if (SCALE_FIRST.has(tokens[0] ?? '')) return null;
  const matches = movementsIn(tokens);
  const named = distinct(matches);
  if (named.length === 0 || named.includes(asked)) return null;
  // "cant run at all" asked about walking, or "getting up off the couch takes a few goes" asked about sitting, when that
  // movement is asked too: about it, kin or not. Not a way of doing the one asked ("alright if i bend my knees").
  const listed = distinct(matches.filter((m) => list.includes(m.value) && !HOW.has(tokens[m.start - 1] ?? '') && !HOW.has(tokens[m.start - 2] ?? '')));
  if (listed.length === 1 && named.length === 1) return listed[0]!;
  if (named.some((m) => kin(m, asked))) return null;
  const first = named[0]!;
  return named.every((m) => kin(m, first)) ? first : null;
}
