// Which side of the body: "left", "R", "both sides", "in the middle", "rigth".
import type { Side } from '../vocabulary.js';
import { assert } from './assertions.js';
import { findAll, lexicon, negated, type Match, type Span } from './phrases.js';
import { guarded, miss, ok } from './result.js';
import type { Understood } from './types.js';
import { isBlank, tokenise } from './text.js';
import { namesTimeUnit } from './duration.js';

export const SIDE_PHRASES: ReadonlyArray<readonly [Side, readonly string[]]> = [
  // "lef", "rite": sound-alike spellings too short or too far for the typo rule.
  ['left', ['left', 'lft', 'lt', 'l', 'lhs', 'left side', 'left hand side', 'left-hand side', 'left one', 'left-hand', 'lef']],
  ['right', ['right', 'rt', 'rgt', 'r', 'rhs', 'right side', 'right hand side', 'right-hand side', 'right one', 'right-hand', 'rite', 'ryt']],
  [
    'both',
    [
      'both', 'both sides', 'both side', 'both of them', 'either side', 'each side', 'bilateral', 'bilaterally',
      'left and right', 'right and left', 'left & right', 'on both', 'two sides', 'both ones', 'all sides',
      // Learners' English for both: "the two side".
      'two side', 'the two side',
    ],
  ],
  ['centre', ['middle', 'centre', 'center', 'central', 'centrally', 'midline', 'down the middle', 'dead centre', 'dead center', 'in between']],
];

/** "right now", "all right", "that's right": the word "right" with no side in it. */
export const NOT_A_SIDE: readonly string[] = [
  'right now', 'all right', 'thats right', 'right away', 'right after', 'right before', 'right then', 'right when',
  'right up', 'right about', 'right where',
  // "all the way": "settled right down", "right down to my knee", "right through to my chest" (not "on the right around
  // my shoulder blade", where it is the side).
  'settled right down', 'calmed right down', 'right down to', 'right through to', 'right through the night',
  // "right behind the eye": directly behind.
  'right behind the', 'right behind my', 'right in the middle', 'right in the centre',
  // "right across the belt line", "right along my spine": the whole width or length.
  'right across the', 'right across my', 'right along the', 'right along my',
  'left over', 'leftover', 'left work', 'left it', 'left the', 'left home',
];

/**
 * Words that take back what was said before them ("right, sorry no, left", "left heel, sorry i mean right heel"):
 * what follows replaces what came before. Shared with body sites.
 */
export const CORRECTION_CUES: readonly string[] = [
  'wait', 'no wait', 'sorry', 'sorry no', 'no sorry', 'i mean', 'i meant', 'meant', 'typo', 'actually no', 'no actually',
  'scratch that', 'oops', 'my mistake', 'correction', 'or rather', 'well actually',
  // "my boss is a pain haha but thats not it. new pillow": what came before is taken back.
  'thats not it', 'but thats not it', 'thats not why', 'thats not the reason', 'not the reason',
  // "it started in my shoulder blade but now it's the shoulder": what it is now replaces where it was.
  'but now',
];
/** Before "wait", these make it waiting: "cant wait", "had to wait", "gotta wait". */
const WAITING_BEFORE: ReadonlySet<string> = new Set(['cant', 'couldnt', 'to', 'gotta', 'will', 'would', 'i', 'and', 'then', 'wont', 'just']);
/** After a correction cue, these add to what was said instead of replacing it ("sorry, the left too"). */
export const ADDITIVE_WORDS: ReadonlySet<string> = new Set(['too', 'also', 'aswell', 'plus', 'another']);

/** Said right after a side or a body part, these say it is the one that does NOT hurt ("the left's fine"). */
export const FINE_AFTER: readonly string[] = ['fine', 'alright', 'all good', 'normal', 'unaffected', 'no problem', 'no problems'];
/** These say "fine" only after a linking word ("the left one's ok"): "left ok?" alone may be an answer and an ok. */
const FINE_AFTER_LINKED: ReadonlySet<string> = new Set(['ok', 'okay', 'good']);
/** Words between a side or body part and FINE_AFTER ("the left one is totally fine"). */
const FINE_GAP = new Set(['is', 'are', 'was', 'one', 'ones', 'side', 'seems', 'feels', 'totally', 'perfectly', 'completely', 'still', 'actually', 'its', 'it', 'now']);
/** "the good one's the left": the side named after these is the one that does not hurt. */
const FINE_BEFORE: ReadonlySet<string> = new Set(['good', 'fine', 'healthy', 'ok', 'okay', 'normal']);
const FINE_BEFORE_NOUN: ReadonlySet<string> = new Set(['one', 'ones', 'side', 'sides']);

/** Two sides with one of these between or after them is pain on both, one worse ("R worse than L", "right mostly, bit on the left too"). */
const BOTH_WITH_WORSE: ReadonlySet<string> = new Set(['worse', 'more', 'mostly', 'mainly', 'too', 'also', 'bit', 'slightly', 'less']);

const AND_GAP = new Set(['and', ',', 'the', 'my', 'on', 'also', 'too']);

const FINE = lexicon<true>([[true, FINE_AFTER]]);
const CORRECTIONS = lexicon<true>([[true, CORRECTION_CUES]]);

/** Whether the mention ending at `end` is followed by "is fine" and the like. */
export function saidFine(tokens: readonly string[], span: Span): boolean {
  let j = span.end;
  while (j < tokens.length && FINE_GAP.has(tokens[j]!)) j++;
  const m = findAll(tokens.slice(j, j + 3), FINE)[0];
  if (m?.start === 0) return true;
  if (j > span.end && FINE_AFTER_LINKED.has(tokens[j] ?? '')) return true;
  // "the good one's the left", "good side is the right".
  let i = span.start - 1;
  while (i >= 0 && (tokens[i] === 'the' || tokens[i] === 'my' || tokens[i] === 'is')) i--;
  return i >= 1 && FINE_BEFORE_NOUN.has(tokens[i]!) && FINE_BEFORE.has(tokens[i - 1]!);
}

/** Token positions of the correction cues, leaving out those followed by an additive word ("sorry, my knee too"). */
export function correctionPoints(tokens: readonly string[]): number[] {
  return findAll(tokens, CORRECTIONS)
    .filter((c) => !tokens.slice(c.end).some((t) => ADDITIVE_WORDS.has(t)))
    // "couldn't wait in the queue", "have to wait a sec": waiting, not a correction.
    .filter((c) => !(tokens[c.start] === 'wait' && WAITING_BEFORE.has(tokens[c.start - 1] ?? '')))
    .map((c) => c.start);
}

/** Keeps what the last correction cue with something after it left standing. */
export function afterLastCorrection<T extends Span>(tokens: readonly string[], spans: readonly T[]): T[] {
  const cues = correctionPoints(tokens);
  for (let k = cues.length - 1; k >= 0; k--) {
    const at = cues[k]!;
    if (spans.some((s) => s.start > at) && spans.some((s) => s.end <= at)) return spans.filter((s) => s.start > at);
  }
  return [...spans];
}

type SideWord = Side | 'not_a_side';
const LEXICON = lexicon<SideWord>([...SIDE_PHRASES, ['not_a_side', NOT_A_SIDE]], { shortTypos: ['both'] });
/** The writing hand, the sides of an Australian car (the driver sits on the right), and learners' "two". */
const SIDE_BY_OTHER_WORDS = lexicon<Side>([
  ['left', ['leftie', 'lefty', 'left handed', 'left hander', 'passenger side', 'passengers side']],
  // ("the write one": the sound of it, typed.)
  ['right', ['rightie', 'righty', 'right handed', 'right hander', 'drivers side', 'driver side', 'write one', 'the write one', 'write side']],
  // Learners' English, asked which side: "two knee", "the two".
  ['both', ['the two', 'two of them', 'two knee', 'two knees', 'two shoulder', 'two hip', 'two leg', 'two arm', 'two foot', 'two hand', 'two wrist', 'two elbow', 'two ankle']],
]);

export function parseSide(text: string): Understood<Side> {
  return guarded(() => {
    if (isBlank(text)) return miss('empty');
    const tokens = tokenise(text);
    const found = findAll(tokens, LEXICON).filter((m): m is Match<Side> => m.value !== 'not_a_side');
    const neg = negated(tokens, found);
    const context = assert(tokens, found);
    // Not negated, not "the left's fine", not about the past or someone else ("the right one was replaced years ago").
    const standing = found.filter((m, k) => !neg[k] && !saidFine(tokens, m) && !context[k]!.historical && !context[k]!.other);
    const kept = afterLastCorrection(tokens, standing);
    const sides = [...new Set(kept.map((m) => m.value))];
    if (sides.length === 0) {
      // "the one i throw with, im a leftie", "drivers side": a side said another way, taken only when no side word is.
      // ("the two weeks", "the two hours after work" count time, not sides; "one of the two" is one of them.)
      const other = [...new Set(findAll(tokens, SIDE_BY_OTHER_WORDS).filter((m) => !namesTimeUnit(tokens[m.end]) && tokens[m.start - 1] !== 'of').map((m) => m.value))];
      return other.length === 1 ? ok(other[0]!) : miss('not_understood');
    }
    if (sides.length === 1) return ok(sides[0]!);
    if (sides.includes('both')) return ok('both');
    if (sides.length === 2 && sides.includes('left') && sides.includes('right')) {
      // "left side and right side" means both; "left or right?" and "left wrist and right knee" do not say which.
      const gap = tokens.slice(kept[0]!.end, kept[kept.length - 1]!.start);
      if (kept.length === 2 && gap.includes('and') && gap.every((t) => AND_GAP.has(t))) return ok('both');
      if (!tokens.includes('or') && tokens.some((t) => BOTH_WITH_WORSE.has(t))) return ok('both');
    }
    return miss('ambiguous');
  });
}
