// Which side of the body: "left", "R", "both sides", "in the middle", "rigth".
import type { Side } from '../vocabulary.js';
import { findAll, lexicon, negated } from './phrases.js';
import { guarded, miss, ok } from './result.js';
import type { Understood } from './types.js';
import { isBlank, tokenise } from './text.js';

export const SIDE_PHRASES: ReadonlyArray<readonly [Side, readonly string[]]> = [
  ['left', ['left', 'lft', 'lt', 'l', 'lhs', 'left side', 'left hand side', 'left-hand side', 'left one', 'left-hand']],
  ['right', ['right', 'rt', 'rgt', 'r', 'rhs', 'right side', 'right hand side', 'right-hand side', 'right one', 'right-hand']],
  [
    'both',
    [
      'both', 'both sides', 'both side', 'both of them', 'either side', 'each side', 'bilateral', 'bilaterally',
      'left and right', 'right and left', 'left & right', 'on both', 'two sides', 'both ones', 'all sides',
    ],
  ],
  ['centre', ['middle', 'centre', 'center', 'central', 'centrally', 'midline', 'down the middle', 'dead centre', 'dead center', 'in between']],
];

/** "right now", "all right", "that's right": the word "right" with no side in it. */
export const NOT_A_SIDE: readonly string[] = [
  'right now', 'all right', 'thats right', 'right away', 'right after', 'right before', 'right then', 'right when',
  'right up', 'left over', 'leftover', 'i left', 'left work', 'left it', 'left the', 'left home',
];

const AND_GAP = new Set(['and', ',', 'the', 'my', 'on', 'also', 'too']);

type SideWord = Side | 'not_a_side';
const LEXICON = lexicon<SideWord>([...SIDE_PHRASES, ['not_a_side', NOT_A_SIDE]], { shortTypos: ['both'] });

export function parseSide(text: string): Understood<Side> {
  return guarded(() => {
    if (isBlank(text)) return miss('empty');
    const tokens = tokenise(text);
    const found = findAll(tokens, LEXICON).filter((m) => m.value !== 'not_a_side');
    const neg = negated(tokens, found);
    const kept = found.filter((_, k) => !neg[k]);
    const sides = [...new Set(kept.map((m) => m.value as Side))];
    if (sides.length === 0) return miss('not_understood');
    if (sides.length === 1) return ok(sides[0]!);
    if (sides.includes('both')) return ok('both');
    // "left side and right side" means both; "left or right?" and "left… wait, right" do not say which.
    if (kept.length === 2 && sides.includes('left') && sides.includes('right')) {
      const gap = tokens.slice(kept[0]!.end, kept[1]!.start);
      if (gap.includes('and') && gap.every((t) => AND_GAP.has(t))) return ok('both');
    }
    return miss('ambiguous');
  });
}
