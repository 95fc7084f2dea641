// Precautions for hands-on and dry-needling work: pregnancy, blood thinners, recent surgery, fear of moving.
import type { FlagCode } from '../vocabulary.js';
import { findAll, lexicon, negated } from './phrases.js';
import { guarded, miss, ok } from './result.js';
import { isBlank, tokenise } from './text.js';
import type { Understood } from './types.js';

type PrecautionWord = FlagCode | 'not_a_precaution';

const LEXICON = lexicon<PrecautionWord>([
  [
    'pregnancy',
    [
      'pregnant', 'pregnancy', 'expecting', 'expecting a baby', 'weeks pregnant', 'having a baby', 'with child', 'trimester',
      'preggers', 'preggo', 'bun in the oven', 'due date', 'baby on the way',
    ],
  ],
  [
    'blood_thinners',
    [
      'blood thinners', 'blood thinner', 'blood thinning', 'thinners', 'thin my blood', 'warfarin', 'coumadin', 'marevan', 'apixaban',
      'eliquis', 'xarelto', 'rivaroxaban', 'clopidogrel', 'plavix', 'anticoagulant', 'anticoagulants', 'anti coagulant',
      'heparin', 'clexane', 'enoxaparin', 'dabigatran', 'pradaxa', 'ticagrelor', 'brilinta', 'antiplatelet', 'aspirin',
    ],
  ],
  [
    'recent_surgery',
    [
      'surgery', 'surgeries', 'operation', 'operations', 'had an op', 'op', 'operated', 'operated on', 'knee replacement',
      'hip replacement', 'joint replacement', 'shoulder replacement', 'replacement', 'keyhole', 'arthroscopy', 'c section',
      'caesarean', 'cesarean', 'post op', 'spinal fusion', 'fusion', 'stitches', 'surgeon', 'reconstruction',
    ],
  ],
  [
    'fear_of_movement',
    [
      'scared to move', 'afraid it will get worse', 'worried moving makes it worse', 'scared', 'afraid', 'frightened', 'fear',
      'fearful', 'worried', 'worry', 'nervous', 'anxious about moving', 'dont want to move', 'avoid moving', 'avoiding moving',
      'too scared', 'terrified', 'make it worse', 'making it worse',
    ],
  ],
  ['not_a_precaution', ['expecting it', 'expecting that', 'no worries', 'not worried', 'dont worry', 'not scared', 'not afraid']],
]);

const NOTHING = lexicon<true>([
  [
    true,
    [
      'none', 'no', 'nope', 'nothing', 'nah', 'n', 'none of these', 'none of them', 'none of those', 'not that i know of',
      'all good', 'na', 'n/a', 'nil', 'neither', 'no worries', 'nothing like that', '0', 'not really',
    ],
  ],
]);

export function parsePrecautions(text: string): Understood<FlagCode[]> {
  return guarded(() => {
    if (isBlank(text)) return miss('empty');
    const tokens = tokenise(text);
    const found = findAll(tokens, LEXICON);
    const neg = negated(tokens, found);
    const codes: FlagCode[] = [];
    found.forEach((m, k) => {
      if (!neg[k] && m.value !== 'not_a_precaution' && !codes.includes(m.value)) codes.push(m.value);
    });
    if (codes.length > 0) return ok(codes);
    // A negated precaution ("not pregnant") answers the question as clearly as "none".
    if (found.length > 0 || findAll(tokens, NOTHING).length > 0) return ok([]);
    return miss('not_understood');
  });
}
