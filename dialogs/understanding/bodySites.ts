// Where it hurts: lay words for body regions, the side each one is on, and what the patient ruled out.
import type { Region, Side } from '../vocabulary.js';
import { findAll, lexicon, negated, SENTENCE_BREAKS, type Match } from './phrases.js';
import { guarded, joinNotes, miss, ok } from './result.js';
import { NOT_A_SIDE, SIDE_PHRASES } from './sides.js';
import { isBlank, tokenise } from './text.js';
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
  [paired('head'), ['temples']],
  [r('jaw'), ['jaw', 'tmj', 'tmd', 'jaw joint', 'jawline', 'jaws']],
  [r('neck'), ['neck', 'cervical', 'back of neck', 'nape', 'base of skull', 'wry neck', 'cervical spine']],
  [r('shoulder'), ['shoulder', 'rotator cuff', 'frozen shoulder', 'deltoid', 'trapezius', 'ac joint', 'collarbone', 'collar bone', 'clavicle', 'back of shoulder']],
  [paired('shoulder'), ['shoulders', 'traps', 'delts']],
  [
    r('upper_back'),
    ['upper back', 'top of back', 'shoulder blade', 'shoulder blades', 'scapula', 'thoracic', 'thoracic spine', 'rhomboid', 'rhomboids', 'upper spine', 'top of spine'],
  ],
  [r('mid_back'), ['mid back', 'middle back', 'middle of back', 'midback', 'mid spine', 'middle of spine', 'mid thoracic']],
  [
    r('lower_back'),
    ['lower back', 'low back', 'lumbar', 'lumbar spine', 'lower spine', 'lumbago', 'bottom of back', 'small of back', 'base of spine', 'base of back', 'sacrum', 'sacroiliac', 'si joint', 'tailbone', 'tail bone', 'coccyx'],
  ],
  [r('lower_back', { note: 'back taken as lower back', could: BACKS }), ['back', 'backache', 'back ache', 'backs']],
  [r('lower_back', { note: 'spine taken as lower back', could: BACKS }), ['spine']],
  [r('lower_back', { note: 'sciatica taken as lower back', could: ['lower_back', 'buttock', 'thigh'] }), ['sciatica', 'sciatic', 'sciatic nerve']],
  [r('neck'), ['c 1', 'c 2', 'c 3', 'c 4', 'c 5', 'c 6', 'c 7']],
  [r('upper_back'), ['t 1', 't 2', 't 3', 't 4', 't 5', 't 6']],
  [r('mid_back'), ['t 7', 't 8', 't 9', 't 10', 't 11', 't 12']],
  [r('lower_back'), ['l 1', 'l 2', 'l 3', 'l 4', 'l 5', 's 1', 'l 4 l 5', 'l 5 s 1', 'l4-5', 'l5-s1']],
  [r('chest'), ['chest', 'rib', 'ribs', 'rib cage', 'ribcage', 'pec', 'pecs', 'pectoral', 'pectorals', 'sternum', 'breastbone', 'chest wall']],
  [r('upper_arm'), ['upper arm', 'bicep', 'biceps', 'tricep', 'triceps', 'back of arm']],
  [paired('upper_arm'), ['upper arms']],
  [r('upper_arm', { note: 'arm taken as upper arm', could: ARMS }), ['arm']],
  [paired('upper_arm', { note: 'arm taken as upper arm', could: ARMS }), ['arms']],
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
  [r('buttock'), ['buttock', 'bum', 'glute', 'gluteal', 'butt', 'backside', 'bottom', 'piriformis', 'sit bone', 'sitting bone']],
  [paired('buttock'), ['buttocks', 'glutes', 'butt cheeks']],
  [r('thigh'), ['thigh', 'hamstring', 'hammy', 'quad', 'quadricep', 'quadriceps', 'upper leg', 'it band', 'itb', 'adductor', 'inner thigh', 'outer thigh', 'back of thigh']],
  [paired('thigh'), ['thighs', 'hamstrings', 'hammies', 'quads', 'upper legs', 'adductors']],
  [r('thigh', { note: 'leg taken as thigh', could: LEGS }), ['leg', 'back of leg']],
  [paired('thigh', { note: 'leg taken as thigh', could: LEGS }), ['legs']],
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

// Uses of body words that name no place ("it came back", "on the other hand").
const NOT_A_SITE: readonly string[] = [
  ...NOT_A_SIDE, 'came back', 'come back', 'comes back', 'coming back', 'back again', 'back to', 'back then',
  'back when', 'back and forth', 'went back', 'go back', 'going back', 'get back', 'got back', 'been back',
  'other hand', 'second hand', 'hand in hand', 'head over', 'heads up', 'off the top of my head', 'lower down',
];

const LEXICON = lexicon<SiteWord>([
  ...REGION_PHRASES,
  ...SIDE_PHRASES.map(([side, phrases]) => [{ kind: 'side', side, bare: false }, phrases.filter((p) => p !== 'both')] as const),
  [{ kind: 'side', side: 'both', bare: true }, ['both']],
  [{ kind: 'not_a_site' }, NOT_A_SITE],
], { shortTypos: ['neck', 'knee', 'back'] });

/** Tokens that do not separate a side from its region ("right side of my neck"). */
const ATTACH_GAP = new Set(['my', 'the', 'a', 'of', 'on', 'in', 'at', 'side', 'is', 'its', 'pain', 'sore', 'hurts', 'one', 'just', 'mostly', 'mainly', 'more']);
const MAX_ATTACH_DISTANCE = 3;
const SIDE_JOIN = new Set(['and', 'or', ',', '/', 'the', 'my']);

interface Mark {
  start: number;
  end: number;
  side: Side;
  bare: boolean;
}

export interface RegionMention {
  region: Region;
  side?: Side;
  negated: boolean;
  start: number;
  note?: string;
  could?: readonly Region[];
}

export interface SitesReading {
  sites: NamedSite[];
  excluded: Region[];
  notes: string[];
  mentions: RegionMention[];
  /** A side was said but no region. */
  sideOnly: boolean;
}

const combine = (a: Side | undefined, b: Side): Side => (a === undefined || a === b ? b : 'both');

function distance(tokens: readonly string[], from: number, to: number): number {
  let d = 0;
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (SENTENCE_BREAKS.has(t)) return Infinity;
    if (!ATTACH_GAP.has(t)) d++;
  }
  return d;
}

/** Everything the other parsers need about body sites in one pass. */
const BACK_LEVELS = new Set(['upper', 'lower', 'low', 'mid', 'middle']);
const LIST_JOIN = new Set(['and', 'or', '/', ',']);

/** "upper and lower back" names two regions: spell it out as "upper back and lower back". */
function expandSharedNouns(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    out.push(t);
    if (BACK_LEVELS.has(t) && LIST_JOIN.has(tokens[i + 1] ?? '') && BACK_LEVELS.has(tokens[i + 2] ?? '') && tokens[i + 3] === 'back') out.push('back');
  }
  return out;
}

const SIDE_NEGATORS = new Set(['not', 'no', 'isnt', 'nor']);

/** Everything the other parsers need about body sites in one pass. */
export function readSites(input: readonly string[]): SitesReading {
  const tokens = expandSharedNouns(input);
  const all = findAll(tokens, LEXICON);
  const regions = all.filter((m): m is Match<RegionWord> => m.value.kind === 'region');
  const transparent = new Set<number>();
  for (const m of all) if (m.value.kind !== 'region') for (let i = m.start; i < m.end; i++) transparent.add(i);

  // "left knee, not the right" and "not my left knee, the right one" correct the side, not the region:
  // when two sides are said, a negator right before one of them belongs to that side.
  const sideMatches = all.filter((m) => m.value.kind === 'side');
  const consumed = new Set<number>();
  const negatedSides = new Set<number>();
  if (sideMatches.length > 1) {
    for (const m of sideMatches) {
      let j = m.start - 1;
      while (j >= 0 && (tokens[j] === 'the' || tokens[j] === 'my')) j--;
      if (j >= 0 && SIDE_NEGATORS.has(tokens[j]!)) {
        consumed.add(j);
        negatedSides.add(m.start);
      }
    }
  }
  const neg = negated(tokens, regions, { transparent, consumed });

  // Join "left and right" spread over words into one mark, so it lands on one region as 'both'.
  const marks: Mark[] = [];
  for (const m of all) {
    if (m.value.kind !== 'side' || negatedSides.has(m.start)) continue;
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

  const sideOf = new Map<Match<RegionWord>, Side>();
  let sideOnly = false;
  for (const mark of marks) {
    let prev: Match<RegionWord> | undefined;
    for (const g of regions) if (g.end <= mark.start) prev = g;
    const next = regions.find((g) => g.start >= mark.end);
    // "both neck and shoulder": "both" joins the regions, it is not a side.
    if (mark.bare && next) {
      const after = regions[regions.indexOf(next) + 1];
      if (after && tokens.slice(next.end, after.start).includes('and') && distance(tokens, mark.end, next.start) === 0) continue;
    }
    const dPrev = prev ? distance(tokens, prev.end, mark.start) : Infinity;
    const dNext = next ? distance(tokens, mark.end, next.start) : Infinity;
    const target = dNext <= dPrev ? (dNext <= MAX_ATTACH_DISTANCE ? next : undefined) : dPrev <= MAX_ATTACH_DISTANCE ? prev : undefined;
    if (target) sideOf.set(target, combine(sideOf.get(target), mark.side));
    else sideOnly = true;
  }

  const sites: NamedSite[] = [];
  const notes: string[] = [];
  const mentions: RegionMention[] = [];
  regions.forEach((m, k) => {
    const word = m.value;
    const side = sideOf.get(m) ?? (word.paired ? 'both' : undefined);
    const mention: RegionMention = { region: word.region, negated: neg[k]!, start: m.start };
    if (side) mention.side = side;
    if (word.note) mention.note = word.note;
    if (word.could) mention.could = word.could;
    mentions.push(mention);
    if (neg[k]) return;
    if (word.note) notes.push(word.note);
    const existing = sites.find((s) => s.region === word.region);
    if (!existing) sites.push(side ? { region: word.region, side } : { region: word.region });
    else if (side) existing.side = combine(existing.side, side);
  });
  const named = new Set(sites.map((s) => s.region));
  const excluded = [...new Set(mentions.filter((m) => m.negated && !named.has(m.region)).map((m) => m.region))];
  return { sites, excluded, notes, mentions, sideOnly: sideOnly && sites.length === 0 };
}

export function parseSites(text: string): Understood<SitesAnswer> {
  return guarded(() => {
    if (isBlank(text)) return miss('empty');
    const reading = readSites(tokenise(text));
    if (reading.sites.length === 0) {
      if (reading.excluded.length > 0) return miss('not_understood', 'only_excluded');
      return miss('not_understood', reading.sideOnly ? 'side_only' : undefined);
    }
    return ok({ sites: reading.sites, excluded: reading.excluded }, joinNotes(reading.notes));
  });
}

const STAYS_PUT = lexicon<true>([
  [
    true,
    [
      'no', 'nope', 'nah', 'n', 'nowhere', 'none', 'nothing', 'not really', 'doesnt spread', 'it doesnt', 'doesnt go anywhere',
      'doesnt move', 'doesnt travel', 'doesnt radiate', 'no spreading', 'no spread', 'just there', 'only there', 'just here',
      'only here', 'stays there', 'stays put', 'stays in one place', 'one place', 'one spot', 'same place', 'same spot',
      'just that spot', 'just the one spot', 'just the one area', 'just that area', 'localised', 'localized', 'not anywhere',
      'nowhere else', 'stays where it is', 'it stays', 'doesnt',
    ],
  ],
]);

export function parseSpread(text: string): Understood<SitesAnswer> {
  return guarded(() => {
    if (isBlank(text)) return miss('empty');
    const tokens = tokenise(text);
    const reading = readSites(tokens);
    const answer = { sites: reading.sites, excluded: reading.excluded };
    if (reading.sites.length > 0) return ok(answer, joinNotes(reading.notes));
    if (reading.excluded.length > 0 || findAll(tokens, STAYS_PUT).length > 0) return ok(answer);
    return miss('not_understood', reading.sideOnly ? 'side_only' : undefined);
  });
}

const ORDINALS: Readonly<Record<string, number>> = {
  first: 1, '1': 1, former: 1, second: 2, '2': 2, third: 3, '3': 3, fourth: 4, '4': 4, fifth: 5, '5': 5, sixth: 6,
  '6': 6, seventh: 7, '7': 7, eighth: 8, '8': 8, ninth: 9, '9': 9,
};
const EQUALLY = new Set(['both', 'equally', 'equal', 'same', 'all', 'either', 'each']);

export function parsePrimary(text: string, candidates: Region[]): Understood<Region> {
  return guarded(() => {
    if (isBlank(text)) return miss('empty');
    const tokens = tokenise(text);
    const offered = Array.isArray(candidates) ? candidates : [];
    const reading = readSites(tokens);
    const chosen: Region[] = [];
    let unoffered = false;
    for (const m of reading.mentions) {
      if (m.negated) continue;
      const pick = offered.includes(m.region) ? m.region : m.could?.find((c) => offered.includes(c));
      if (pick === undefined) unoffered = true;
      else if (!chosen.includes(pick)) chosen.push(pick);
    }
    if (chosen.length === 1) return ok(chosen[0]!);
    if (chosen.length > 1) {
      // "neck more than back", "neck rather than shoulder": the first one named wins.
      if (tokens.includes('than')) return ok(chosen[0]!);
      return miss('ambiguous');
    }

    const picks = new Set<number>();
    tokens.forEach((t, i) => {
      if (t === 'last' || t === 'latter') picks.add(offered.length);
      const n = ORDINALS[t];
      if (n !== undefined) picks.add(n);
    });
    if (picks.size > 1) return miss('ambiguous');
    const [only] = picks;
    if (only !== undefined) {
      const region = offered[only - 1];
      return region === undefined ? miss('out_of_range') : ok(region);
    }
    if (unoffered) return miss('not_offered');
    if (tokens.some((t) => EQUALLY.has(t))) return miss('ambiguous');
    return miss('not_understood');
  });
}
