// Where it hurts: lay words for body regions, the side each one is on, and what the patient ruled out.
import type { Region, Side } from '../vocabulary.js';
import { REGION_LABELS } from '../painAreas.js';
import { assert } from './assertions.js';
import { findAll, lexicon, negated, SENTENCE_BREAKS, type Match } from './phrases.js';
import { guarded, joinNotes, miss, ok } from './result.js';
import { NOT_ITEM_UNITS } from './listItems.js';
import { afterLastCorrection, correctionPoints, NOT_A_SIDE, saidFine, SIDE_PHRASES } from './sides.js';

/** Words after a correction that make it replace every place named before it: "sorry, just the shoulder". */
const ONLY_WORDS: ReadonlySet<string> = new Set(['just', 'only', 'jus', 'purely', 'solely']);
import { isBlank, isDigitToken, tokenise, wordCount } from './text.js';
import type { NamedSite, SitesAnswer, Understood } from './types.js';

interface RegionWord {
  kind: 'region';
  region: Region;
  /** Said when a vague lay word was read as one region, so the dialog can confirm it. */
  note?: string;
  /** Regions a vague word could mean, most likely first; parsePrimary resolves them against its choices. */
  could?: readonly Region[];
  /** A plural of a paired part ("knees"): both sides unless a side was said. */
  paired?: boolean;
}
type SiteWord = RegionWord | { kind: 'side'; side: Side; bare: boolean } | { kind: 'not_a_site' };

const BACKS: readonly Region[] = ['lower_back', 'mid_back', 'upper_back'];
const LEGS: readonly Region[] = ['thigh', 'lower_leg', 'knee'];
const ARMS: readonly Region[] = ['upper_arm', 'forearm', 'elbow'];

const r = (region: Region, extra: Partial<RegionWord> = {}): RegionWord => ({ kind: 'region', region, ...extra });
const paired = (region: Region, extra: Partial<RegionWord> = {}): RegionWord => r(region, { paired: true, ...extra });

const REGION_PHRASES: ReadonlyArray<readonly [RegionWord, readonly string[]]> = [
  [r('head'), ['head', 'headache', 'head ache', 'migraine', 'temple', 'forehead', 'skull', 'scalp', 'back of head', 'behind eyes', 'behind eye']],
  // The head is a midline region: "my temples" is the head, not a side of it.
  [r('head'), ['temples']],
  [r('jaw'), ['jaw', 'tmj', 'tmd', 'jaw joint', 'jawline', 'jaws']],
  [r('neck'), ['neck', 'cervical', 'back of neck', 'nape', 'base of skull', 'wry neck', 'cervical spine']],
  [
    r('shoulder'),
    [
      'shoulder', 'rotator cuff', 'frozen shoulder', 'deltoid', 'trapezius', 'trap', 'ac joint', 'collarbone', 'collar bone', 'clavicle',
      'back of shoulder',
      // The upper trapezius in lay words.
      'between neck and shoulder', 'between shoulder and neck',
    ],
  ],
  [paired('shoulder'), ['shoulders', 'traps', 'delts']],
  [
    r('upper_back'),
    ['upper back', 'top of back', 'shoulder blade', 'shoulder blades', 'shoulder bone', 'shoulder bones', 'between the shoulders', 'between my shoulders', 'between the blades', 'the blades', 'scapula', 'thoracic', 'thoracic spine', 'rhomboid', 'rhomboids', 'upper spine', 'top of spine'],
  ],
  [r('mid_back'), ['mid back', 'middle back', 'middle of back', 'midback', 'mid spine', 'middle of spine', 'mid thoracic']],
  // Places named by what sits on them: "where my bra strap sits", "where my watch sits", "along my belt line".
  [r('mid_back'), ['bra strap', 'bra line', 'bra strap line']],
  [r('wrist_hand'), ['where my watch', 'where my watch sits', 'under my watch', 'watch strap', 'watch band']],
  [r('lower_back'), ['belt line', 'beltline', 'where my belt sits', 'back of my waist', 'back of waist']],
  [
    r('lower_back'),
    ['lower back', 'low back', 'lumbar', 'lumbar spine', 'lower spine', 'lumbago', 'bottom of back', 'small of back', 'base of spine', 'base of back', 'low down', 'low down in my back', 'low in my back', 'sacrum', 'sacroiliac', 'si joint', 'tailbone', 'tail bone', 'coccyx'],
  ],
  [r('lower_back', { note: 'your back as the lower back', could: BACKS }), ['back', 'backache', 'back ache', 'backs']],
  [r('lower_back', { note: 'your spine as the lower back', could: BACKS }), ['spine']],
  // Learner's English for the lower back ("my waist is pain, left side"); said back so the patient can correct it.
  [r('lower_back', { note: 'your waist as the lower back', could: ['lower_back'] }), ['waist', 'my waist']],
  [r('lower_back', { note: 'sciatica as the lower back', could: ['lower_back', 'buttock', 'thigh'] }), ['sciatica', 'sciatic', 'sciatic nerve']],
  [r('neck'), ['c 1', 'c 2', 'c 3', 'c 4', 'c 5', 'c 6', 'c 7']],
  [r('upper_back'), ['t 1', 't 2', 't 3', 't 4', 't 5', 't 6']],
  [r('mid_back'), ['t 7', 't 8', 't 9', 't 10', 't 11', 't 12']],
  [r('lower_back'), ['l 1', 'l 2', 'l 3', 'l 4', 'l 5', 's 1', 'l 4 l 5', 'l 5 s 1', 'l4-5', 'l5-s1']],
  [r('chest'), ['chest', 'rib', 'ribs', 'rib cage', 'ribcage', 'pec', 'pecs', 'pectoral', 'pectorals', 'sternum', 'breastbone', 'chest wall']],
  [r('upper_arm'), ['upper arm', 'bicep', 'biceps', 'tricep', 'triceps', 'back of arm']],
  [paired('upper_arm'), ['upper arms']],
  [r('upper_arm', { note: 'your arm as the upper arm', could: ARMS }), ['arm']],
  [paired('upper_arm', { note: 'your arms as the upper arms', could: ARMS }), ['arms']],
  [r('elbow'), ['elbow', 'tennis elbow', 'golfers elbow', 'golfer elbow', 'funny bone']],
  [paired('elbow'), ['elbows']],
  [r('forearm'), ['forearm', 'lower arm', 'fore arm']],
  [paired('forearm'), ['forearms', 'lower arms']],
  [
    r('wrist_hand'),
    ['wrist', 'hand', 'finger', 'fingers', 'thumb', 'thumbs', 'palm', 'knuckle', 'knuckles', 'carpal tunnel', 'trigger finger', 'de quervains'],
  ],
  [paired('wrist_hand'), ['wrists', 'hands', 'palms']],
  [r('hip'), ['hip', 'groin', 'hip flexor', 'hip flexors', 'hip joint', 'pelvis', 'side of hip']],
  [paired('hip'), ['hips']],
  [r('buttock'), ['buttock', 'bum', 'glute', 'gluteal', 'butt', 'arse', 'backside', 'bottom', 'piriformis', 'sit bone', 'sitting bone']],
  [paired('buttock'), ['buttocks', 'glutes', 'butt cheeks']],
  [r('thigh'), ['thigh', 'hamstring', 'hammy', 'quad', 'quadricep', 'quadriceps', 'upper leg', 'it band', 'itb', 'adductor', 'inner thigh', 'outer thigh', 'back of thigh']],
  [paired('thigh'), ['thighs', 'hamstrings', 'hammies', 'quads', 'upper legs', 'adductors']],
  [r('thigh', { note: 'your leg as the thigh (upper leg)', could: LEGS }), ['leg', 'back of leg']],
  [paired('thigh', { note: 'your legs as the thighs (upper legs)', could: LEGS }), ['legs']],
  [r('knee'), ['knee', 'kneecap', 'knee cap', 'patella', 'back of knee', 'acl', 'mcl', 'meniscus']],
  [paired('knee'), ['knees', 'kneecaps']],
  [r('lower_leg'), ['calf', 'shin', 'shin splints', 'lower leg']],
  [paired('lower_leg'), ['calves', 'shins', 'lower legs']],
  [
    r('ankle_foot'),
    ['ankle', 'foot', 'heel', 'toe', 'toes', 'plantar', 'plantar fasciitis', 'arch', 'achilles', 'sole', 'ball of foot', 'instep'],
  ],
  [paired('ankle_foot'), ['ankles', 'feet', 'heels', 'arches', 'soles']],
];

// Uses of body words that name no place ("it came back", "on the other hand"), and common words a typo
// rule would otherwise read as a body word ("heaps" is not "heads", "aches" is not "arches").
const NOT_A_SITE: readonly string[] = [
  ...NOT_A_SIDE, 'came back', 'come back', 'comes back', 'coming back', 'back again', 'back to', 'back then',
  'back when', 'back and forth', 'went back', 'go back', 'going back', 'get back', 'got back', 'been back',
  'other hand', 'second hand', 'hand in hand', 'head over', 'heads up', 'off the top of my head', 'lower down',
  'back in', 'heaps', 'aches', 'achy', 'footy',
  // "my back, the bottom part": which part of the back, not the buttock.
  'bottom part', 'the bottom part', 'bottom bit', 'the bottom bit',
  // "the back of it": a part of the place already named, not the back.
  'back of it', 'back of that', 'back of this', 'back bit of it', 'bottom of it', 'bottom of that',
  // Warning-sign areas, not pain areas (signs.ts reads them): "between my legs", "back passage".
  'between my legs', 'between legs', 'back passage',
  // A body part as a landmark for a movement, not where it hurts: "can't lift my arm over my head".
  'over my head', 'above my head', 'over head', 'overhead', 'behind my back', 'behind your back', 'on my feet', 'off my feet',
  'on my knees', 'on my hands and knees', 'on all fours', 'head down', 'put my feet up', 'feet up', 'with my hands', 'by hand',
  'my hands are full', 'out of my hands', 'in my hands', 'under my arm', 'on my stomach',
  'on my front', 'head first', 'past my head', 'up past my head', 'behind my head', 'up to my head', 'to my head',
  'shoulder height', 'past shoulder height', 'above shoulder height', 'to my mouth',
];

const LEXICON = lexicon<SiteWord>([
  ...REGION_PHRASES,
  ...SIDE_PHRASES.map(([side, phrases]) => [{ kind: 'side', side, bare: false }, phrases.filter((p) => p !== 'both')] as const),
  [{ kind: 'side', side: 'both', bare: true }, ['both']],
  [{ kind: 'not_a_site' }, NOT_A_SITE],
], { shortTypos: ['neck', 'knee', 'back'] });

/** Regions with a left and a right: a plural of one ("sholders", "calfs") is both sides unless a side is said. */
const PAIRED_REGIONS: ReadonlySet<Region> = new Set(REGION_PHRASES.filter(([w]) => w.paired).map(([w]) => w.region));
/** One-word singular names, some ending in s ("biceps", "achilles"); their "'s" is "is" ("hip's been bad"). */
const SINGULAR_WORDS: ReadonlySet<string> = new Set(
  REGION_PHRASES.filter(([w]) => !w.paired).flatMap(([, phrases]) => phrases.filter((p) => /^[a-z]+$/.test(p))),
);

/** "hip's been bad", "head's fine": the "'s" after a body word is "is", not a plural. */
function splitClitics(text: string): string {
  return text.replace(/\b([A-Za-z]+)['\u2019]s\b/g, (all: string, word: string) => (SINGULAR_WORDS.has(word.toLowerCase()) ? `${word} is` : all));
}

/**
 * "bottom of my right foot", "back of my left knee", "arch of the foot": a part word followed by "of" and a
 * region names a spot on that region; the part word is not a region of its own ("bottom" is not the buttock).
 */
const PART_OF_WORDS: ReadonlySet<string> = new Set(['back', 'bottom', 'arch', 'sole', 'heel', 'top', 'front', 'side', 'base', 'ball', 'palm']);
const PART_OF_GAP: ReadonlySet<string> = new Set(['of', 'my', 'the', 'a', 'your', 'his', 'her', 'that', 'this', 'same']);

/** The limbs, top to bottom; the joints are named only when the patient names them. */
const LIMBS: ReadonlyArray<readonly Region[]> = [
  ['upper_arm', 'elbow', 'forearm', 'wrist_hand'],
  ['thigh', 'knee', 'lower_leg', 'ankle_foot'],
];
const JOINTS: ReadonlySet<Region> = new Set(['elbow', 'knee']);
/** Regions that share a side with a limb's parts (pain down the back of the leg from the left buttock is on the left). */
const SIDE_GROUPS: ReadonlyArray<readonly Region[]> = [['shoulder', ...LIMBS[0]!], ['buttock', 'hip', ...LIMBS[1]!]];
const limbOf = (r: Region) => LIMBS.find((l) => l.includes(r));
/**
 * Regions on the body's midline. A side said before a list does not carry onto them ("r) shoulder + neck" is the
 * right shoulder and the neck); a side said after the list does ("neck and shoulder, right side").
 */
const MIDLINE: ReadonlySet<Region> = new Set(['head', 'neck', 'chest', 'upper_back', 'mid_back', 'lower_back']);
/** "elbow on the right", "ribs at the front on the left": a side said with a preposition belongs to the region before it. */
const ATTACHED_SIDE: ReadonlySet<string> = new Set(['on', 'the', 'in', 'at']);
const isLimbWord = (w: RegionWord) => w.could === LEGS || w.could === ARMS;

/**
 * Non-pain symptoms. A region the patient only says is numb, weak or tingling ("both my legs are numb",
 * "my legs feel like jelly") is a warning-sign mention, not a pain area; signs.ts reads the sign.
 */
const SYMPTOM_PHRASES: readonly string[] = [
  'weak', 'weakness', 'weaker', 'jelly', 'clumsy', 'short of breath', 'breathless', 'cant breathe', 'cant get my breath',
  'cant catch my breath', 'dizzy', 'seeing double', 'giving way', 'gives way',
];
/** Altered feeling: not a pain area at the location question, but where it is felt is spread ("tingling into my fingers"). */
const SENSORY_PHRASES: readonly string[] = [
  'numb', 'numbness', 'tingly', 'tingling', 'tingle', 'tingles', 'pins and needles', 'pins and needle', 'pins n needles', 'pins needles',
  'cant feel', 'gone dead', 'feels dead',
  'cant really feel', 'cant quite feel', 'cant properly feel', 'hardly feel', 'barely feel',
];
/** Pain words: a region said to hurt is a pain area even if it also tingles ("pain and numbness in my hand"). */
const PAIN_WORDS: ReadonlySet<string> = new Set(['pain', 'painful', 'paining', 'sore', 'hurts', 'hurt', 'hurting', 'ache', 'aching', 'aches', 'achy', 'throbbing', 'killing']);
const SYMPTOM_WINDOW = 5;

/** "goes down my leg", "radiating into my head": where the pain travels to, at the location question. */
const SPREAD_CUES: readonly string[] = [
  'goes', 'going', 'go', 'runs', 'running down', 'radiates', 'radiating', 'radiate', 'shoots', 'shooting', 'travels',
  'travelling', 'traveling', 'spreads', 'spreading', 'down', 'refers', 'referring',
];
/** "when I turn my head", "can't lift my arm": a body part moved is not where it hurts. */
const MOVED_CUES: readonly string[] = [
  'turn', 'turning', 'lift', 'lifting', 'raise', 'raising', 'move', 'moving', 'bend', 'bending', 'straighten', 'rotate',
  'reach', 'use', 'using',
];
/** At the spread question, "stays in my lower back", "just the heel" name the pain area itself: no spread there. */
const STAYS_CUES: readonly string[] = ['stays', 'stay', 'staying', 'just', 'only', 'stays in', 'just in', 'only in'];
const STAYS_GAP: ReadonlySet<string> = new Set(['in', 'the', 'my', 'at', 'around', 'on']);

/** Words that give a region the side of the one named before it. */
const SAME_SIDE: readonly string[] = ['same side', 'that side', 'same one'];

/** "bicep, just above the elbow", "forearm near the elbow": a region named as a landmark for another. */
const LANDMARK_CUES: readonly string[] = ['above', 'below', 'just above', 'just below', 'just under', 'near', 'close to', 'next to', 'up from', 'down from'];

/**
 * "more my bum cheek than my hip", "my knee rather than my hip": the region after is the one the patient sets
 * aside. ("My neck hurts more than my shoulder" keeps both: "than" counts only straight after "more <region>".)
 */
const COMPARED_CUES: readonly string[] = ['than', 'rather than'];
const COMPARED_GAP: ReadonlySet<string> = new Set(['my', 'the', 'in', 'like', 'me', 'of']);

type Cue = 'symptom' | 'sensory' | 'spread' | 'moved' | 'stays' | 'landmark' | 'compared';
const CUES = lexicon<Cue>([
  ['symptom', SYMPTOM_PHRASES],
  ['sensory', SENSORY_PHRASES],
  ['spread', SPREAD_CUES],
  ['moved', MOVED_CUES],
  ['stays', STAYS_CUES],
  ['landmark', LANDMARK_CUES],
  ['compared', COMPARED_CUES],
]);

/** Where a clause ends for these rules. */
const CLAUSE_END: ReadonlySet<string> = new Set([',', '.', ';', '!', '?', 'but', 'however', 'though', 'although', 'whereas', 'except']);
// ("just above me bum": Australian "me" for "my".)
const FILLERS: ReadonlySet<string> = new Set(['my', 'me', 'the', 'a', 'an', 'of', 'in', 'on', 'at', 'that', 'this', 'those', 'these', 'both', 'is', 'are', 'i', 'im', 'am']);

/** Between two regions of one list ("left knee and calf", "neck is paining and shoulder also"): a side word carries over these. */
// "left glute and into the hammy": pain running on into the next region stays on its side.
// ("left side of my neck and across the top of my shoulder": the part of the next region, on the same side.)
const LIST_GAP: ReadonlySet<string> = new Set([',', 'and', 'n', '&', '/', 'plus', 'my', 'me', 'the', 'also', 'is', 'are', 'into', 'across', 'top', 'of', 'front', ...PAIN_WORDS]);
/** "hip or maybe lower back", "knee or shin": two regions offered as alternatives. */
const OR_GAP: ReadonlySet<string> = new Set(['or', ',', 'maybe', 'perhaps', 'possibly', 'its', 'it', 'is', 'the', 'my', 'might', 'be', 'could']);

/** Tokens that do not separate a side from its region ("right side of my neck"). */
const ATTACH_GAP = new Set(['my', 'the', 'a', 'of', 'on', 'in', 'at', 'side', 'is', 'its', 'pain', 'sore', 'hurts', 'one', 'just', 'mostly', 'mainly', 'more']);
const MAX_ATTACH_DISTANCE = 3;
/** Between two side words these make one mark on both sides: "left and right", "left worse than right". */
const SIDE_JOIN = new Set(['and', 'or', ',', '/', 'the', 'my', 'worse', 'more', 'than', 'a', 'bit', 'slightly', 'much']);

interface Mark {
  start: number;
  end: number;
  side: Side;
  bare: boolean;
}

/** Why a region the patient named is not taken as a site where it hurts (negated ones are excluded instead). */
export type Aside = 'past_or_other' | 'symptom' | 'spread' | 'moved' | 'stays' | 'corrected' | 'container' | 'landmark' | 'compared';

export interface RegionMention {
  region: Region;
  side?: Side;
  negated: boolean;
  start: number;
  note?: string;
  could?: readonly Region[];
  aside?: Aside;
}

export interface SitesReading {
  sites: NamedSite[];
  excluded: Region[];
  notes: string[];
  mentions: RegionMention[];
  /** A side was said but no region. */
  sideOnly: boolean;
  /** Two regions offered as alternatives ("hip or maybe lower back"), to name both when asking. */
  alternatives: readonly [Region, Region] | null;
  /** Every site came from a vague word alone ("my back", "right arm"). */
  vagueOnly: boolean;
}

/** Which question the words answer: the location and spread questions read some grammar differently. */
export type SitesQuestion = 'location' | 'spread' | 'any';

/** Lateral sides win over "centre" ("fingers on the left hand, the middle two" is the left). */
const combine = (a: Side | undefined, b: Side): Side => {
  if (a === undefined || a === b) return b;
  if (a === 'centre') return b;
  if (b === 'centre') return a;
  return 'both';
};

function distance(tokens: readonly string[], from: number, to: number): number {
  let d = 0;
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (SENTENCE_BREAKS.has(t)) return Infinity;
    if (!ATTACH_GAP.has(t)) d++;
  }
  return d;
}

const BACK_LEVELS = new Set(['upper', 'lower', 'low', 'mid', 'middle']);
const LIST_JOIN = new Set(['and', 'or', '/', ',']);
const ELIDED_JOIN = new Set(['and', 'or', '/', ',', 'not', 'than']);

/** "upper and lower back" names two regions: spell it out as "upper back and lower back". */
function expandSharedNouns(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    out.push(t);
    if (BACK_LEVELS.has(t) && LIST_JOIN.has(tokens[i + 1] ?? '') && BACK_LEVELS.has(tokens[i + 2] ?? '') && tokens[i + 3] === 'back') out.push('back');
    // "lower back not upper", "upper back and lower": the second level word shares the first one's "back".
    if (BACK_LEVELS.has(t) && tokens[i + 1] !== 'back' && ELIDED_JOIN.has(tokens[i - 1] ?? '') && tokens[i - 2] === 'back' && BACK_LEVELS.has(tokens[i - 3] ?? '')) out.push('back');
  }
  return out;
}

/** Words before the body part a fall landed on. */
const LANDED_ON: ReadonlyArray<readonly string[]> = [['fell', 'on', 'my'], ['landed', 'on', 'my'], ['came', 'down', 'on', 'my'], ['fell', 'on', 'me'], ['landed', 'on'], ['fell', 'on']];

/** Pain said of the body part just named, before the clause ends: "my wrist which is killing me". */
const HURT_WORDS = new Set(['killing', 'hurts', 'hurting', 'sore', 'pain', 'painful', 'aches', 'aching', 'throbbing', 'agony', 'too', 'also']);
function hurtsToo(tokens: readonly string[], from: number): boolean {
  for (let i = from; i < tokens.length && i < from + 6; i++) {
    if (tokens[i] === ',' || tokens[i] === '.') return false;
    if (HURT_WORDS.has(tokens[i]!)) return true;
  }
  return false;
}

const SIDE_NEGATORS = new Set(['not', 'no', 'isnt', 'nor']);

/** Historical and other-person mentions, read one comma clause at a time ("fell 2 years ago, hip's been bad since"). */
function pastOrOther(tokens: readonly string[], spans: readonly Match<RegionWord>[]): boolean[] {
  const out = spans.map(() => false);
  let from = 0;
  for (let i = 0; i <= tokens.length; i++) {
    if (i < tokens.length && tokens[i] !== ',') continue;
    const inside = spans.map((s, k) => [s, k] as const).filter(([s]) => s.start >= from && s.end <= i);
    if (inside.length > 0) {
      const read = assert(tokens.slice(from, i), inside.map(([s]) => ({ start: s.start - from, end: s.end - from })));
      inside.forEach(([, k], n) => {
        out[k] = read[n]!.historical || read[n]!.other;
      });
    }
    from = i + 1;
  }
  return out;
}

/**
 * "my back is pain, the low part", "back, top bit": a part of the back named by its level, next to the
 * word "back", is that part. Only said of the back ("the lower part of my leg" names the leg).
 */
const BACK_LEVEL_PHRASES = lexicon<Region>([
  // A level word alone too, next to the back ("my back" → "which part?" → "lower"); not "bottom", which is the buttock.
  ['lower_back', ['lower', 'low', 'the lower one', 'lower one', 'low part', 'lower part', 'bottom part', 'low bit', 'lower bit', 'bottom bit', 'lower half', 'low end', 'lower down', 'down low']],
  ['mid_back', ['middle', 'mid', 'middle one', 'the middle one', 'middle part', 'mid part', 'middle bit', 'mid bit', 'middle section', 'in the middle', 'the middle']],
  ['upper_back', ['upper', 'top', 'top one', 'upper one', 'the top one', 'upper part', 'top part', 'upper bit', 'top bit', 'top half', 'upper half', 'top end', 'up the top']],
]);
/** A level word alone names the part only at the end of what is said of the back, not of a noun after it ("low key", "mid 40s", "top shelf"). */
const LEVEL_ALONE_ENDS = new Set([',', '.', ';', '!', '?', 'and', 'but', 'one', 'bit', 'part', 'mostly', 'mainly', 'i', 'please', 'thanks']);
/** How far from "back" a level phrase may stand, in words, within one sentence. */
const BACK_LEVEL_REACH = 6;
function backAtLevel(tokens: readonly string[], m: Match<RegionWord>, regions: ReadonlyArray<Match<RegionWord>>, sides: ReadonlyArray<{ start: number; end: number }>): Match<RegionWord> {
  if (m.value.could !== BACKS) return m;
  const levels = findAll(tokens, BACK_LEVEL_PHRASES);
  // ("not the lower part, higher up": a level ruled out.)
  const ruledOut = negated(tokens, levels);
  const level = levels.find((l, k) => {
    if (ruledOut[k]) return false;
    const [from, to] = l.end <= m.start ? [l.end, m.start] : [m.end, l.start];
    if (to - from > BACK_LEVEL_REACH || tokens.slice(from, to).some((t) => SENTENCE_BREAKS.has(t))) return false;
    // ("lower leg": the level is part of a region's own name; "right down the middle" is a side.)
    if (regions.some((o) => o.start < l.end && l.start < o.end) || sides.some((o) => o.start < l.end && l.start < o.end && o.end - o.start > l.end - l.start)) return false;
    if (l.end - l.start === 1 && l.end < tokens.length && !LEVEL_ALONE_ENDS.has(tokens[l.end]!)) return false;
    // "the lower part of my leg", "the middle of the night": the level is of what follows its "of".
    if (tokens[l.end] === 'of') return m.start > l.end && m.start <= l.end + 3;
    // "in the middle between the shoulder blades": nor of a region between it and the back, or right after it.
    const between = (o: Match<RegionWord>) => o.start >= Math.min(l.end, m.end) && o.start < Math.max(l.start, m.start);
    const rightAfter = (o: Match<RegionWord>) => o.start >= l.end && o.start <= l.end + 3;
    return !regions.some((o) => o !== m && (between(o) || rightAfter(o)));
  });
  return level ? { ...m, value: r(level.value) } : m;
}

/** Everything the other parsers need about body sites in one pass. */
export function readSites(input: readonly string[], question: SitesQuestion = 'any'): SitesReading {
  const tokens = expandSharedNouns(input);
  const all = findAll(tokens, LEXICON);
  const sideMatches = all.filter((m) => m.value.kind === 'side');
  const regionAt = new Int32Array(tokens.length).fill(-1);
  let regions = all.filter((m): m is Match<RegionWord> => m.value.kind === 'region');
  // "bottom of my right foot": the part word names a spot on the region after it.
  regions = regions.filter((m, k) => {
    if (m.end - m.start !== 1 || !PART_OF_WORDS.has(tokens[m.start]!) || tokens[m.end] !== 'of') return true;
    const next = regions[k + 1];
    if (!next) return true;
    for (let i = m.end; i < next.start; i++) {
      if (!PART_OF_GAP.has(tokens[i]!) && !sideMatches.some((s) => s.start <= i && i < s.end)) return true;
    }
    return false;
  });
  regions = regions.map((m) => backAtLevel(tokens, m, regions, sideMatches));
  regions.forEach((m, k) => {
    for (let i = m.start; i < m.end; i++) regionAt[i] = k;
  });
  const transparent = new Set<number>();
  for (const m of all) if (m.value.kind !== 'region') for (let i = m.start; i < m.end; i++) transparent.add(i);

  // "left knee, not the right" and "not my left knee, the right one" correct the side, not the region:
  // when two sides are said, a negator right before one of them belongs to that side.
  const consumed = new Set<number>();
  const negatedSides = new Set<number>();
  if (sideMatches.length > 1) {
    // "Not both" is a correction only when a side follows it: in "down to my left knee but not both legs" the legs are ruled out.
    for (const m of sideMatches.filter((x) => !(x.value.kind === 'side' && x.value.bare) || sideMatches.some((y) => y.start > x.start))) {
      let j = m.start - 1;
      while (j >= 0 && (tokens[j] === 'the' || tokens[j] === 'my')) j--;
      if (j >= 0 && SIDE_NEGATORS.has(tokens[j]!)) {
        consumed.add(j);
        negatedSides.add(m.start);
      }
    }
  }
  const neg = negated(tokens, regions, { transparent, consumed });
  // "the head's fine": said not to hurt.
  regions.forEach((m, k) => {
    if (saidFine(tokens, m)) neg[k] = true;
  });

  // Why each region is set aside, if it is.
  const aside: Array<Aside | undefined> = regions.map(() => undefined);
  const past = pastOrOther(tokens, regions);
  past.forEach((p, k) => {
    if (p) aside[k] = 'past_or_other';
  });

  const cues = findAll(tokens.map((t, i) => (regionAt[i]! >= 0 ? '\u0000' : t)), CUES);
  const cueAt: Array<Cue | undefined> = new Array(tokens.length);
  for (const c of cues) for (let i = c.start; i < c.end; i++) cueAt[i] = c.value;

  if (question !== 'any') {
    regions.forEach((m, k) => {
      if (aside[k] === undefined && !neg[k] && onlySymptom(tokens, m, regionAt, cueAt, question === 'location')) aside[k] = 'symptom';
    });
  }
  const keptOnes = () => regions.map((_, k) => k).filter((k) => aside[k] === undefined && !neg[k]);
  // "pins and needles in my fingers on the left" and nothing else: where the altered feeling is, is the complaint.
  // (A weakness alone, "me legs feel like jelly", still names no pain area.)
  if (question === 'location' && keptOnes().length === 0) {
    regions.forEach((m, k) => {
      if (aside[k] === 'symptom' && !onlySymptom(tokens, m, regionAt, cueAt, false)) aside[k] = undefined;
    });
  }
  // Rules that move a region aside only when the patient named another one to take its place.
  const asideIfOthers = (why: Aside, test: (m: Match<RegionWord>) => boolean) => {
    const hit = keptOnes().filter((k) => test(regions[k]!));
    if (hit.length > 0 && hit.length < keptOnes().length) for (const k of hit) aside[k] = why;
  };
  asideIfOthers('moved', (m) => cueBefore(tokens, m.start, cueAt, 'moved', 2));
  asideIfOthers('compared', (m) => cueBefore(tokens, m.start, cueAt, 'compared', 2) && setAsideByComparison(tokens, m.start, regions));
  // Only after another region: "above the elbow" alone says where it hurts.
  asideIfOthers('landmark', (m) => cueBefore(tokens, m.start, cueAt, 'landmark', 1) && regions.some((o) => o.end <= m.start && !sentenceBreakBetween(tokens, o, m)));
  // "tailbone. fell on my bum at the ice rink": where they landed, beside the place that hurts.
  // ("fell on my wrist which is killing me too": it hurts as well.)
  asideIfOthers('landmark', (m) => LANDED_ON.some((words) => words.every((w, i) => tokens[m.start - words.length + i] === w)) && !hurtsToo(tokens, m.end));
  if (question === 'location') asideIfOthers('spread', (m) => inScopeOf(tokens, m.start, cueAt, 'spread'));
  if (question === 'spread') {
    regions.forEach((m, k) => {
      if (aside[k] === undefined && !neg[k] && staysIn(tokens, m.start, cueAt)) aside[k] = 'stays';
    });
  }
  // "left heel, sorry i mean right heel": the correction replaces what came before it, as many of the last
  // places named as it names ("lower back and right hip. sorry no, left hip" keeps the lower back), or all of
  // them when it says only ("neck and shoulder, sorry, just the shoulder").
  const standing = keptOnes().map((k) => ({ start: regions[k]!.start, end: regions[k]!.end, k }));
  const survived = new Set(afterLastCorrection(tokens, standing).map((s) => s.k));
  const replaced = standing.filter((s) => !survived.has(s.k));
  const cue = replaced.length ? correctionPoints(tokens).filter((c) => c >= replaced.at(-1)!.end).at(0) : undefined;
  const only = cue !== undefined && tokens.slice(cue, (standing.find((s) => survived.has(s.k))?.start ?? cue) + 1).some((t) => ONLY_WORDS.has(t));
  const kept = only ? [] : replaced.slice(0, Math.max(0, replaced.length - survived.size));
  for (const s of replaced) if (!kept.includes(s)) aside[s.k] = 'corrected';
  // Sides said before the correction stay with the places it left standing.
  const keptUpTo = kept.at(-1)?.end ?? -1;

  // Join "left and right" spread over words into one mark, so it lands on one region as 'both'.
  const candidateSides = sideMatches.filter((m) => !negatedSides.has(m.start) && !saidFine(tokens, m) && !(saidOfThePast(tokens, m) && !regions.some((g) => g.start >= m.end && g.start <= m.end + 1)));
  const afterCorrection = afterLastCorrection(tokens, candidateSides);
  const liveSides = candidateSides.filter((m) => afterCorrection.includes(m) || m.end <= keptUpTo);
  const marks: Mark[] = [];
  for (const m of liveSides) {
    if (m.value.kind !== 'side') continue;
    const last = marks[marks.length - 1];
    const between = last ? tokens.slice(last.end, m.start) : [];
    const joined =
      last !== undefined &&
      between.length > 0 &&
      between.every((t) => SIDE_JOIN.has(t)) &&
      !regions.some((g) => g.start >= last.end && g.start < m.start);
    if (last && joined) {
      last.side = combine(last.side, m.value.side);
      last.end = m.end;
      last.bare = false;
    } else {
      marks.push({ start: m.start, end: m.end, side: m.value.side, bare: m.value.bare });
    }
  }

  const sideOf = new Map<number, Side>();
  let sideOnly = false;
  const live = (k: number) => aside[k] === undefined && !neg[k];
  for (const mark of marks) {
    let prev = -1;
    regions.forEach((g, k) => {
      if (g.end <= mark.start) prev = k;
    });
    const nextK = regions.findIndex((g) => g.start >= mark.end);
    const prevM = prev >= 0 ? regions[prev] : undefined;
    const next = nextK >= 0 ? regions[nextK] : undefined;
    // "both neck and shoulder": "both" joins the regions, it is not a side.
    // "both shoulder blades and my neck": before a plural, "both" is the two sides of it.
    if (mark.bare && next && !tokens[next.end - 1]!.endsWith('s')) {
      const after = regions[nextK + 1];
      if (after && tokens.slice(next.end, after.start).includes('and') && distance(tokens, mark.end, next.start) === 0) continue;
    }
    // "left knee n me lower back, both pretty crook": after a list at the first question, with something said of
    // them after it, "both" is both of them ("down my thigh and calf, both" at the spread is both sides).
    const saidOfThem = mark.end < tokens.length && /^[a-z]/.test(tokens[mark.end]!) && tokens[mark.end] !== 'sides' && tokens[mark.end] !== 'side';
    if (question === 'location' && mark.bare && !next && saidOfThem && regions.filter((g, k) => g.end <= mark.start && live(k)).length >= 2) continue;
    const dPrev = prevM ? distance(tokens, prevM.end, mark.start) : Infinity;
    const dNext = next ? distance(tokens, mark.end, next.start) : Infinity;
    let target = dNext <= dPrev ? (dNext <= MAX_ATTACH_DISTANCE ? nextK : -1) : dPrev <= MAX_ATTACH_DISTANCE ? prev : -1;
    // "shoulder paining 2 weeks, left": a side far from the only region named is still its side.
    const liveOnes = regions.map((_, k) => k).filter((k) => aside[k] === undefined && !neg[k]);
    // ("right knee. sorry no, left": a correction of its side may start a sentence of its own.)
    const only = liveOnes.length === 1 ? regions[liveOnes[0]!]! : undefined;
    if (target < 0 && only && (!sentenceBreakBetween(tokens, only, mark) || correctedBetween(tokens, only, mark))) target = liveOnes[0]!;
    // "forearm just below the elbow, right": the side is the pain area's, not its landmark's.
    if (target >= 0 && aside[target] === 'landmark') {
      const owner = liveOnes.filter((k) => sentenceOf(tokens, regions[k]!.start) === sentenceOf(tokens, mark.start)).at(-1);
      if (owner !== undefined) target = owner;
    }
    if (target < 0) {
      sideOnly = true;
      continue;
    }
    // "not down both legs, just the left one": "the left one" names the ruled-out region again, on one side.
    if (neg[target] && target === prev && /\bones?\b/.test(tokens.slice(mark.start, mark.end + 1).join(' ')) && tokens.slice(regions[target]!.end, mark.start).includes(',')) {
      neg[target] = false;
      sideOf.set(target, mark.side);
      continue;
    }
    sideOf.set(target, combine(sideOf.get(target), mark.side));
    // "left knee and calf", "glute and hammy, left side": a side word carries over the list it is said with,
    // up to a region with a side of its own. "both shoulder blades" counts the blades: it does not carry.
    if (mark.bare || !live(target)) continue;
    const step = target === nextK ? 1 : -1;
    // Back onto a midline region only when the side is said of the whole list ("neck and shoulder, right side",
    // "neck and shoulder right side"); "on the right" straight after the last region is that region's ("lower back,
    // neck and tennis elbow on the right"). "Both sides" said after "neck n traps" counts the traps: a midline
    // region has no two sides to have.
    const attached = ATTACHED_SIDE.has(tokens[mark.start - 1] ?? '') && !tokens.slice(regions[target]!.end, mark.start).includes(',');
    for (let k = target + step; k >= 0 && k < regions.length; k += step) {
      const [a, b] = step > 0 ? [regions[k - 1]!, regions[k]!] : [regions[k]!, regions[k + 1]!];
      const gap = tokens.slice(a.end, b.start);
      if (gap.length === 0 || !gap.every((t) => LIST_GAP.has(t))) break;
      if (marks.some((o) => o.start >= a.end && o.start < b.start) || sideOf.has(k) || !live(k)) break;
      if (step > 0 && MIDLINE.has(regions[k]!.value.region)) break;
      if (step < 0 && MIDLINE.has(regions[k]!.value.region) && (attached || mark.side === 'both')) break;
      sideOf.set(k, mark.side);
    }
  }

  // "and the calf on the same side", "the side of that hip": the side said for the region before it.
  regions.forEach((m, k) => {
    if (!live(k) || sideOf.has(k) || MIDLINE.has(m.value.region)) return;
    const around = tokens.slice(Math.max(0, m.start - 3), m.end + 4).join(' ');
    if (tokens[m.start - 1] !== 'that' && !SAME_SIDE.some((phrase) => around.includes(phrase))) return;
    for (let j = k - 1; j >= 0; j--) {
      const side = sideOf.get(j);
      if (side && live(j)) {
        sideOf.set(k, side);
        break;
      }
    }
  });

  // "quad and kneecap on my right leg", "the knee of left leg": a limb word beside a part of that limb is
  // the container of the part; it gives the part its side and is no site of its own.
  if (question === 'location') {
    regions.forEach((m, k) => {
      if (!live(k) || !isLimbWord(m.value)) return;
      const limb = limbOf(m.value.region)!;
      const sentence = sentenceOf(tokens, m.start);
      const parts = regions
        .map((_, j) => j)
        .filter((j) => j !== k && live(j) && !isLimbWord(regions[j]!.value) && limb.includes(regions[j]!.value.region) && sentenceOf(tokens, regions[j]!.start) === sentence);
      if (parts.length === 0) return;
      aside[k] = 'container';
      const side = sideOf.get(k);
      if (side) for (const j of parts) if (!sideOf.has(j)) sideOf.set(j, side);
    });
  }

  // "my back, the upper back mostly": a vague word next to a region it could mean is that region.
  if (question === 'location') {
    regions.forEach((m, k) => {
      const could = m.value.could;
      if (!live(k) || !could) return;
      if (regions.some((o, j) => j !== k && live(j) && !o.value.could && could.includes(o.value.region))) aside[k] = 'container';
    });
  }

  const mentions: RegionMention[] = [];
  const notes: string[] = [];
  regions.forEach((m, k) => {
    const word = m.value;
    const side = sideOf.get(k) ?? (word.paired || pluralOf(tokens, m) ? 'both' : undefined);
    const mention: RegionMention = { region: word.region, negated: neg[k]!, start: m.start };
    if (side) mention.side = side;
    if (word.note) mention.note = word.note;
    if (word.could) mention.could = word.could;
    if (aside[k]) mention.aside = aside[k];
    mentions.push(mention);
  });

  // "lower back, not my hips, everyone thinks it's my hips": a region ruled out stays out when another one is named.
  const ruledOut = new Set(mentions.filter((m) => m.negated).map((m) => m.region));
  const positive = mentions.filter((m) => !m.negated && m.aside === undefined);
  const drop = positive.some((m) => !ruledOut.has(m.region)) ? ruledOut : new Set<Region>();

  const sites: NamedSite[] = [];
  let vagueOnly = true;
  for (const m of positive) {
    if (drop.has(m.region)) continue;
    if (m.note && !notes.includes(m.note)) notes.push(m.note);
    if (m.could !== BACKS && m.could !== ARMS && m.could !== LEGS) vagueOnly = false;
    const existing = sites.find((s) => s.region === m.region);
    if (!existing) sites.push(m.side ? { region: m.region, side: m.side } : { region: m.region });
    else if (m.side) existing.side = combine(existing.side, m.side);
  }
  const named = new Set(sites.map((s) => s.region));
  const excluded = [...new Set(mentions.filter((m) => m.negated && !named.has(m.region)).map((m) => m.region))];

  // "hip or maybe lower back": two different regions offered as alternatives.
  let alternatives: [Region, Region] | null = null;
  for (let i = 1; i < positive.length; i++) {
    const a = positive[i - 1]!;
    const b = positive[i]!;
    const gap = tokens.slice(regions.find((g) => g.start === a.start)!.end, b.start);
    if (a.region !== b.region && gap.includes('or') && gap.every((t) => OR_GAP.has(t))) alternatives = [a.region, b.region];
  }
  return { sites, excluded, notes, mentions, sideOnly: sideOnly && sites.length === 0, alternatives, vagueOnly: vagueOnly && sites.length > 0 };
}

/** "no sorry LEFT, the right was last year": a side said on its own, in its own clause, to be of the past. */
const PAST_AFTER_SIDE = new Set(['ago', 'last', 'previously', 'before']);
const SIDE_CLAUSE_ENDS = new Set([',', '.', ';', '!', '?', 'but', 'and']);
function saidOfThePast(tokens: readonly string[], m: { end: number }): boolean {
  for (let i = m.end; i < tokens.length && i < m.end + 4 && !SIDE_CLAUSE_ENDS.has(tokens[i]!); i++) if (PAST_AFTER_SIDE.has(tokens[i]!)) return true;
  return false;
}

/** Whether a correction ("sorry no", "i mean") stands between a region and a side mark said after it. */
function correctedBetween(tokens: readonly string[], region: { end: number }, mark: { start: number }): boolean {
  return correctionPoints(tokens).some((c) => c >= region.end && c < mark.start);
}

/** Whether a sentence ends between a region and a side mark, in either order. */
function sentenceBreakBetween(tokens: readonly string[], a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  const [from, to] = a.end <= b.start ? [a.end, b.start] : [b.end, a.start];
  return tokens.slice(from, to).some((t) => SENTENCE_BREAKS.has(t));
}

function sentenceOf(tokens: readonly string[], at: number): number {
  let id = 0;
  for (let i = 0; i < at; i++) if (SENTENCE_BREAKS.has(tokens[i]!)) id++;
  return id;
}

/** "sholders", "calfs": a plural the lexicon only knew as a typo or inflection of the singular. */
function pluralOf(tokens: readonly string[], m: Match<RegionWord>): boolean {
  const last = tokens[m.end - 1]!;
  return m.penalty > 0 && PAIRED_REGIONS.has(m.value.region) && last.endsWith('s') && !SINGULAR_WORDS.has(last) && !NOT_PLURALS.has(last);
}
/** "foots getting weaker" is "foot's" typed without the apostrophe: the plural is "feet". */
const NOT_PLURALS: ReadonlySet<string> = new Set(['foots']);

/** Whether the region is only said to be numb, weak, tingling… in its own clause, and not to hurt. */
function onlySymptom(tokens: readonly string[], m: Match<RegionWord>, regionAt: Int32Array, cueAt: ReadonlyArray<Cue | undefined>, sensory: boolean): boolean {
  const isSymptom = (i: number) => cueAt[i] === 'symptom' || (sensory && cueAt[i] === 'sensory');
  // Forward: "my legs feel like jelly", "my chest feels tight and im short of breath"; stops at the next region
  // and right away at a list word ("down both legs and they feel weak" is not about the legs).
  let symptom = false;
  let pain = false;
  if (!['and', 'or', ','].includes(tokens[m.end] ?? '')) {
    for (let i = m.end, n = 0; i < tokens.length && n < SYMPTOM_WINDOW; i++) {
      const t = tokens[i]!;
      if (CLAUSE_END.has(t) || regionAt[i]! >= 0) break;
      if (PAIN_WORDS.has(t)) pain = true;
      if (isSymptom(i)) symptom = true;
      if (!FILLERS.has(t)) n++;
    }
    if (symptom) return !pain;
  }
  // Backward: "pins and needles in my fingers", "can't feel my bum".
  for (let i = m.start - 1, n = 0; i >= 0 && n < SYMPTOM_WINDOW; i--) {
    const t = tokens[i]!;
    if (CLAUSE_END.has(t)) break;
    if (regionAt[i]! >= 0) continue;
    if (PAIN_WORDS.has(t)) pain = true;
    if (isSymptom(i)) symptom = true;
    if (!FILLERS.has(t)) n++;
  }
  return symptom && !pain;
}

/** A cue of this kind at most `within` words (fillers aside) before `at`. */
/** "…rather than <region>", or "more <region> than <region>" with nothing but fillers between "more" and the first. */
function setAsideByComparison(tokens: readonly string[], at: number, regions: ReadonlyArray<Match<RegionWord>>): boolean {
  let than = at - 1;
  while (than >= 0 && tokens[than] !== 'than') than--;
  if (than < 0) return false;
  if (tokens[than - 1] === 'rather') return true;
  const before = [...regions].reverse().find((o) => o.end <= than);
  if (!before) return false;
  let i = before.start - 1;
  while (i >= 0 && COMPARED_GAP.has(tokens[i]!)) i--;
  return tokens[i] === 'more';
}

function cueBefore(tokens: readonly string[], at: number, cueAt: ReadonlyArray<Cue | undefined>, kind: Cue, within: number): boolean {
  for (let i = at - 1, n = 0; i >= 0 && n < within; i--) {
    if (cueAt[i] === kind) return true;
    if (!FILLERS.has(tokens[i]!) && !SIDE_WORDS.has(tokens[i]!)) n++;
  }
  return false;
}

/** Whether a cue of this kind comes earlier in the same clause. */
function inScopeOf(tokens: readonly string[], at: number, cueAt: ReadonlyArray<Cue | undefined>, kind: Cue): boolean {
  for (let i = at - 1; i >= 0; i--) {
    if (CLAUSE_END.has(tokens[i]!)) return false;
    if (cueAt[i] === kind) return true;
  }
  return false;
}

/** "stays in my lower back", "nope, just the heel". */
function staysIn(tokens: readonly string[], at: number, cueAt: ReadonlyArray<Cue | undefined>): boolean {
  for (let i = at - 1; i >= 0; i--) {
    if (cueAt[i] === 'stays') return true;
    if (!STAYS_GAP.has(tokens[i]!)) return false;
  }
  return false;
}

const SIDE_WORDS: ReadonlySet<string> = new Set(['left', 'right', 'l', 'r', 'lft', 'rt', 'both']);

/** A sentence that is only a side ("neck. right side.", "knee. the left one"): a few words, one of them a side. */
const SIDE_FRAGMENT_WORDS = new Set(['the', 'its', 'it', 'is', 'on', 'my', 'side', 'sides', 'one', 'ones', 'left', 'right', 'both', 'only', 'just']);
const FRAGMENT_MAX = 4;

/** "neck. right side": the full stop before a side said on its own is a comma, so the side reaches the place before it. */
function sideFragmentJoined(tokens: string[]): string[] {
  return tokens.map((t, i) => {
    if (t !== '.' || i === 0) return t;
    let j = i + 1;
    while (j < tokens.length && SIDE_FRAGMENT_WORDS.has(tokens[j]!)) j++;
    const fragment = tokens.slice(i + 1, j);
    const ends = j === tokens.length || tokens[j] === '.' || tokens[j] === '!';
    return ends && fragment.length > 0 && fragment.length <= FRAGMENT_MAX && fragment.some((w) => SIDE_WORDS.has(w)) ? ',' : t;
  });
}

/**
 * The whole parts vague words name ("my back", "my left arm", "my back and my leg"), for asking which part
 * of each: "back+arm.left". A side said with the whole is kept with it, so a part picked by button keeps it.
 */
function vagueWhole(reading: SitesReading): string {
  const wholes = reading.mentions.map((m) => {
    const whole = m.could === BACKS ? 'back' : m.could === ARMS ? 'arm' : m.could === LEGS ? 'leg' : null;
    const side = reading.sites.find((s) => s.region === m.region)?.side;
    return whole && side && side !== 'centre' ? `${whole}.${side}` : whole;
  });
  return [...new Set(wholes.filter((w) => w !== null))].join('+') || 'back';
}

export function parseSites(text: string): Understood<SitesAnswer> {
  return guarded(() => {
    if (isBlank(text)) return miss('empty');
    const tokens = sideFragmentJoined(tokenise(splitClitics(text)));
    const reading = readSites(tokens, 'location');
    if (reading.sites.length === 0) {
      if (reading.excluded.length > 0) return miss('not_understood', 'only_excluded');
      return miss('not_understood', reading.sideOnly ? 'side_only' : undefined);
    }
    if (reading.alternatives) return miss('ambiguous', reading.alternatives.map((r) => REGION_LABELS[r]).join(' or '));
    // "my back", "right arm", "my leg": which part of it is for the patient to say.
    if (reading.vagueOnly) return miss('not_understood', `vague:${vagueWhole(reading)}`);
    const spread = spreadMentions(tokens, reading);
    return ok({ sites: reading.sites, excluded: reading.excluded, ...(spread.length ? { spread } : {}) }, joinNotes(reading.notes));
  });
}

/**
 * Where the patient said it spreads, at the location question ("lower back, and down the back of my left
 * leg"): read from the first spread word on, the way the spread question reads it, less the pain areas.
 */
function spreadMentions(tokens: readonly string[], reading: SitesReading): NamedSite[] {
  if (!reading.mentions.some((m) => m.aside === 'spread' && !m.negated)) return [];
  const from = tokens.findIndex((t) => SPREAD_WORDS.has(t));
  if (from < 0) return [];
  const read = parseSpread(tokens.slice(from).join(' '));
  return read.ok ? read.value.sites.filter((s) => !reading.sites.some((p) => p.region === s.region)) : [];
}
const SPREAD_WORDS: ReadonlySet<string> = new Set(SPREAD_CUES.filter((cue) => !cue.includes(' ')));

const STAYS_PUT = lexicon<true>([
  [
    true,
    [
      'no', 'nope', 'nah', 'n', 'nowhere', 'none', 'nothing', 'not really', 'doesnt spread', 'it doesnt', 'doesnt go anywhere',
      'doesnt move', 'doesnt travel', 'doesnt radiate', 'no spreading', 'no spread', 'just there', 'only there', 'just here',
      'only here', 'stays there', 'stays put', 'stays in one place', 'one place', 'one spot', 'same place', 'same spot',
      'just that spot', 'just the one spot', 'just the one area', 'just that area', 'localised', 'localized', 'not anywhere',
      'nowhere else', 'stays where it is', 'it stays', 'doesnt',
      // "not that I've noticed": no spread the patient knows of.
      'not that ive noticed', 'not that i have noticed', 'not that i know of', 'havent noticed', 'not that i can tell',
      // Where in the place it is, not somewhere else: "mostly the front of it", "just the outside bit".
      'front of it', 'back of it', 'top of it', 'side of it', 'inside of it', 'outside of it', 'middle of it',
      'the front bit', 'the outside bit', 'the inside bit', 'the top bit', 'right in it', 'deep in it', 'in the joint',
    ],
  ],
]);

/** "down to my hand", "all the way down to": the limb above the end point is on the way ("down into my calf" only enters it). */
const DOWN_TO: readonly string[] = ['down to', 'all the way to', 'all the way down to', 'right down to'];
const DOWN_TO_LEX = lexicon<true>([[true, DOWN_TO]]);

/**
 * Pain spreading along a limb covers the limb's parts on the way: "down my arm" is the upper arm and forearm,
 * "down my arm to my elbow" the upper arm and elbow, "down to my hand" the upper arm, forearm and hand,
 * "into my arm" only its top. Parts of the same limb share the side said for any of them.
 */
function alongLimbs(tokens: readonly string[], reading: SitesReading): NamedSite[] {
  const live = reading.mentions.filter((m) => !m.negated && m.aside === undefined);
  const downTo = findAll(tokens, DOWN_TO_LEX);
  const out: NamedSite[] = [];
  // (An end point is kept when nothing else was read: a spread is never lost for where it stops.)
  const endPoints: RegionMention[] = [];
  const add = (region: Region, side: Side | undefined) => {
    const existing = out.find((s) => s.region === region);
    if (!existing) out.push(side ? { region, side } : { region });
    else if (side) existing.side = combine(existing.side, side);
  };
  live.forEach((m, i) => {
    const limb = limbOf(m.region);
    const vague = m.could === LEGS || m.could === ARMS;
    if (!limb) return add(m.region, m.side);
    if (vague) {
      const end = live.slice(i + 1).find((e) => limb.includes(e.region) && e.could === undefined && sentenceOf(tokens, e.start) === sentenceOf(tokens, m.start));
      const endAt = end ? limb.indexOf(end.region) : limb.length - 1;
      const justInto = enteredBy(tokens, m.start);
      limb.forEach((part, n) => {
        if (n < endAt && !JOINTS.has(part) && (!justInto || n === 0)) add(part, m.side ?? end?.side);
      });
      return;
    }
    // "down the hammy, stops about at the knee", "to about the elbow, not past it": where it stops, past a part of
    // the same limb already named, is the end point, not a place it spreads to.
    if (JOINT_OR_END.has(m.region) && live.slice(0, i).some((e) => limb.includes(e.region) && e.region !== m.region) && stopsAt(tokens, m)) {
      endPoints.push(m);
      return;
    }
    add(m.region, m.side);
    if (downTo.some((d) => d.end <= m.start && tokens.slice(d.end, m.start).every((t) => FILLERS.has(t) || SIDE_WORDS.has(t)))) {
      limb.forEach((part, n) => {
        if (n < limb.indexOf(m.region) && !JOINTS.has(part)) add(part, m.side);
      });
    }
  });
  if (out.length === 0) for (const m of endPoints) add(m.region, m.side);
  for (const group of SIDE_GROUPS) {
    const sides = new Set(out.filter((s) => group.includes(s.region) && (s.side === 'left' || s.side === 'right' || s.side === 'both')).map((s) => s.side));
    if (sides.size !== 1) continue;
    const [side] = sides;
    for (const s of out) if (group.includes(s.region) && (s.side === undefined || s.side === 'centre')) s.side = side!;
  }
  return out;
}

const JOINT_OR_END: ReadonlySet<Region> = new Set(['knee', 'elbow', 'wrist_hand', 'ankle_foot']);
const STOP_WORDS: ReadonlySet<string> = new Set(['about', 'toward', 'towards', 'until', 'till', 'til', 'stops', 'stop', 'roughly', 'around']);
/** A stop word just before the place ("to about the elbow"), or "not past it" just after. */
function stopsAt(tokens: readonly string[], m: RegionMention): boolean {
  let seen = 0;
  for (let i = m.start - 1; i >= 0 && seen < 3; i--) {
    if (STOP_WORDS.has(tokens[i]!)) return true;
    if (!FILLERS.has(tokens[i]!)) seen++;
  }
  const after = tokens.slice(m.start + 1, m.start + 7).join(' ');
  return /\bnot (past|beyond|below|further)\b/.test(after);
}

/** "into my chest and left arm": entered, not travelled down ("down into both legs" travels). */
function enteredBy(tokens: readonly string[], at: number): boolean {
  for (let i = at - 1; i >= 0; i--) {
    const t = tokens[i]!;
    if (t === 'into') return tokens[i - 1] !== 'down';
    if (t === 'down' || CLAUSE_END.has(t)) return false;
  }
  return false;
}

export function parseSpread(text: string): Understood<SitesAnswer> {
  return guarded(() => {
    if (isBlank(text)) return miss('empty');
    const tokens = expandSharedNouns(tokenise(splitClitics(text)));
    const reading = readSites(tokens, 'spread');
    // Symptoms along the path of the spread count as spread ("down my leg, and my foot goes numb").
    const limbs = reading.mentions.filter((m) => !m.negated && m.aside === undefined && (m.could === LEGS || m.could === ARMS)).map((m) => limbOf(m.region));
    for (const m of reading.mentions) if (m.aside === 'symptom' && limbs.includes(limbOf(m.region))) delete m.aside;
    const sites = alongLimbs(tokens, reading);
    const answer = { sites, excluded: reading.excluded.filter((r) => !sites.some((s) => s.region === r)) };
    if (sites.length > 0) {
      if (reading.alternatives) return miss('ambiguous', reading.alternatives.map((r) => REGION_LABELS[r]).join(' or '));
      return ok(answer, joinNotes(reading.notes.filter((n) => !/^your (leg|arm)s? as/.test(n))));
    }
    // Ruled out, said to stay put, or only in the past or someone else's: no spread now.
    if (reading.excluded.length > 0 || reading.mentions.length > 0 || findAll(tokens, STAYS_PUT).length > 0) return ok(answer);
    return miss('not_understood', reading.sideOnly ? 'side_only' : undefined);
  });
}

const ORDINALS: Readonly<Record<string, number>> = {
  first: 1, '1': 1, former: 1, second: 2, '2': 2, third: 3, '3': 3, fourth: 4, '4': 4, fifth: 5, '5': 5, sixth: 6,
  '6': 6, seventh: 7, '7': 7, eighth: 8, '8': 8, ninth: 9, '9': 9,
};
/** The most words an answer can have for a digit in it to be the number of an option. */
const SHORT_CHOICE_WORDS = 4;
const EQUALLY = new Set(['both', 'equally', 'equal', 'same', 'all', 'either', 'each']);
const TIME_AFTER_ALL = new Set(['weekend', 'day', 'week', 'night', 'morning', 'arvo', 'afternoon', 'shift', 'year', 'time', 'summer', 'winter', 'season']);
/** "lower", "middle" on their own at the primary question pick the back region at that level, when offered. */
const LEVEL_WORDS: ReadonlyArray<readonly [Region, readonly string[]]> = [
  ['lower_back', ['lower', 'low', 'bottom']],
  ['mid_back', ['middle', 'mid']],
  ['upper_back', ['upper', 'top']],
];
/** "the one in the middle" of three choices. */
const MIDDLE = new Set(['middle', 'mid']);
/** Said of the worse one ("the headaches are worse") or of the lesser one ("the wrist is just annoying"). */
const WORSE_WORDS = new Set(['worse', 'worst', 'most', 'mostly', 'mainly', 'main', 'biggest', 'bigger', 'more']);
const LESSER_WORDS = new Set(['just', 'only', 'annoying', 'less', 'minor', 'comes', 'fine', 'better', 'ok', 'okay', 'bit', 'occasionally', 'sometimes']);

export function parsePrimary(text: string, candidates: Region[]): Understood<Region> {
  return guarded(() => {
    if (isBlank(text)) return miss('empty');
    const tokens = tokenise(splitClitics(text));
    const offered = Array.isArray(candidates) ? candidates : [];
    const reading = readSites(tokens, 'any');
    const picks_: Array<{ region: Region; start: number }> = [];
    let unoffered = false;
    for (const m of reading.mentions) {
      if (m.negated || (m.aside !== undefined && m.aside !== 'symptom')) continue;
      const fits = offered.includes(m.region) ? [m.region] : (m.could ?? []).filter((c) => offered.includes(c));
      // "my back" when both the upper and lower back are on offer does not say which.
      if (fits.length > 1 && !offered.includes(m.region)) return miss('ambiguous');
      if (m.could && m.could.filter((c) => offered.includes(c)).length > 1) return miss('ambiguous');
      if (fits.length === 0) unoffered = true;
      else picks_.push({ region: fits[0]!, start: m.start });
    }
    const chosen = [...new Set(picks_.map((p) => p.region))];
    if (chosen.length === 1) return ok(chosen[0]!);
    if (chosen.length > 1) {
      // "neck more than back", "neck rather than shoulder": the first one named wins.
      if (tokens.includes('than')) return ok(chosen[0]!);
      const pick = byClause(tokens, picks_);
      return pick ? ok(pick) : miss('ambiguous');
    }

    const picks = new Set<number>();
    // A digit picks an option only as (nearly) the whole answer ("2", "number 2"): in a story, "2 flights" is no choice.
    const short = wordCount(tokens) <= SHORT_CHOICE_WORDS;
    tokens.forEach((t, i) => {
      if (t === 'last' || t === 'latter') picks.add(offered.length);
      const n = ORDINALS[t];
      // ("2 wks ish" is a duration typed early, not the second area; "7/10", "7 out of 10" a score.)
      const amount = NOT_ITEM_UNITS.has(tokens[i + 1] ?? '') || tokens[i + 1] === '/' || tokens[i + 1] === 'out';
      if (n !== undefined && (short || !isDigitToken(t)) && !amount) picks.add(n);
    });
    if (picks.size > 1) return miss('ambiguous');
    const [only] = picks;
    if (only !== undefined) {
      const region = offered[only - 1];
      return region === undefined ? miss('out_of_range') : ok(region);
    }
    // "lower" with the lower back on offer; "middle one" of three.
    const levels = LEVEL_WORDS.filter(([region, words]) => offered.includes(region) && tokens.some((t) => words.includes(t))).map(([region]) => region);
    if (levels.length === 1) return ok(levels[0]!);
    if (offered.length % 2 === 1 && offered.length > 1 && tokens.some((t) => MIDDLE.has(t))) return ok(offered[(offered.length - 1) / 2]!);
    if (unoffered) return miss('not_offered');
    // ("all weekend", "same day": a time, not all of the areas.)
    if (tokens.some((t, i) => EQUALLY.has(t) && !TIME_AFTER_ALL.has(tokens[i + 1] ?? ''))) return miss('ambiguous', 'equally');
    return miss('not_understood');
  });
}

/**
 * Two regions named in separate clauses: a correction takes the last ("neck, actually no, the headaches are
 * worse"); the one said to be worse wins; one said to be lesser ("the wrist is just annoying") loses.
 */
function byClause(tokens: readonly string[], picks: ReadonlyArray<{ region: Region; start: number }>): Region | undefined {
  const corrected = afterLastCorrection(tokens, picks.map((p) => ({ ...p, end: p.start + 1 })));
  const left = [...new Set(corrected.map((p) => p.region))];
  if (left.length === 1) return left[0];
  // "Probably the neck, though the shoulder is what annoys me at night, but yeah neck": the one the
  // patient starts with and comes back to, past the other, is their answer.
  const returnedTo = picks.length >= 3 && picks[0]!.region === picks.at(-1)!.region ? picks[0]!.region : undefined;
  const clauses = picks.map((p) => clauseWords(tokens, p.start));
  if (new Set(clauses.map((c) => c.id)).size < picks.length) return returnedTo;
  const worse = picks.filter((_, k) => clauses[k]!.words.some((t) => WORSE_WORDS.has(t)));
  if (new Set(worse.map((p) => p.region)).size === 1) return worse[0]!.region;
  const notLesser = picks.filter((_, k) => !clauses[k]!.words.some((t) => LESSER_WORDS.has(t)));
  if (new Set(notLesser.map((p) => p.region)).size === 1) return notLesser[0]!.region;
  return returnedTo;
}

function clauseWords(tokens: readonly string[], at: number): { id: number; words: string[] } {
  let from = at;
  while (from > 0 && !CLAUSE_END.has(tokens[from - 1]!)) from--;
  let to = at;
  while (to < tokens.length && !CLAUSE_END.has(tokens[to]!)) to++;
  return { id: from, words: tokens.slice(from, to) };
}
