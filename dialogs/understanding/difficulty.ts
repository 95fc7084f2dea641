// How much a movement is limited: none / some / a lot / unable.
import type { Difficulty } from '../vocabulary.js';
import { findAll, lexicon, negated } from './phrases.js';
import { guarded, miss, ok } from './result.js';
import { isBlank, tokenise } from './text.js';
import type { Understood } from './types.js';

const LEXICON = lexicon<Difficulty>([
  [
    'unable',
    [
      'cant', 'unable', 'impossible', 'not at all able', 'cant do it', 'cant do it at all', 'cant at all', 'couldnt', 'not able',
      'no way', 'not possible', 'totally unable', 'completely unable', 'not able to', 'cant even', 'no chance', 'wont let me',
      'incapable', 'stopped', 'given up', 'gave up',
    ],
  ],
  [
    'a_lot',
    [
      'a lot', 'lots', 'very', 'really hard', 'heaps', 'quite a bit', 'quite a lot', 'hard', 'difficult', 'very difficult', 'severe',
      'severely', 'badly', 'really', 'extremely', 'struggle', 'struggling', 'tough', 'a great deal', 'big time', 'massively',
      'so hard', 'super hard', 'really bad', 'terrible', 'awful', 'much', 'greatly', 'significantly', 'major', 'heaps', 'loads',
      'really difficult', 'painful', 'very painful', 'a heap', 'hugely',
    ],
  ],
  [
    'some',
    [
      'a bit', 'a little', 'a little bit', 'some', 'slightly', 'slight', 'mild', 'mildly', 'sometimes', 'bit', 'kind of', 'sort of',
      'somewhat', 'a touch', 'moderate', 'moderately', 'manageable', 'a bit hard', 'a bit difficult', 'a little hard',
      'a little difficult', 'slightly hard', 'slightly difficult', 'occasionally', 'not much', 'not a lot', 'not very', 'not too bad',
      'not bad', 'not that bad', 'not too much', 'a tad', 'minor', 'a little sore', 'a bit sore', 'bit sore', 'stiff', 'a little stiff',
      'a bit stiff', 'uncomfortable', 'some difficulty', 'bit hard', 'bit difficult', 'ok but sore', 'a fair bit', 'but it hurts',
      'it hurts', 'hurts', 'i manage', 'manage', 'with pain', 'sore', 'slower', 'takes longer', 'careful',
    ],
  ],
  [
    'none',
    [
      'no', 'none', 'not at all', 'fine', 'no problem', 'no problems', 'no trouble', 'no difficulty', '0', 'zero', 'nope', 'nah',
      'not really', 'easy', 'easily', 'normal', 'all good', 'no issues', 'no issue', 'not limited', 'no limits', 'no limit',
      'not affected', 'unaffected', 'nothing', 'never', 'no different', 'same as before', 'as normal', 'ok', 'okay', 'no change',
      'not an issue', 'not a problem', 'can do it fine', 'i can', 'can do it', 'no bother', 'not bothered',
    ],
  ],
]);

const SOFTENERS = new Set(['a', 'bit', 'slightly', 'somewhat', 'kind', 'sort', 'little', 'mildly', 'moderately', 'not']);

/** When a reply mixes levels ("no, I can't"), the most limited reading is the one to act on. */
const SEVERITY: Readonly<Record<Difficulty, number>> = { none: 0, some: 1, a_lot: 2, unable: 3 };

export function parseDifficulty(text: string): Understood<Difficulty> {
  return guarded(() => {
    if (isBlank(text)) return miss('empty');
    const tokens = tokenise(text);
    const found = findAll(tokens, LEXICON);
    const neg = negated(tokens, found);
    let best: Difficulty | null = null;
    found.forEach((m, k) => {
      let level: Difficulty | null = m.value;
      // "a bit painful" is some difficulty, not a lot: the softener governs the word after it.
      const prev = found[k - 1];
      if (level === 'a_lot' && prev?.value === 'some' && m.start - prev.end <= 1 && SOFTENERS.has(tokens[prev.start]!)) level = null;
      // "not hard" still says something; "not fine" alone does not say how much.
      if (neg[k]) level = level === 'unable' ? 'a_lot' : level === 'a_lot' ? 'some' : null;
      if (level !== null && (best === null || SEVERITY[level] > SEVERITY[best])) best = level;
    });
    return best === null ? miss('not_understood') : ok(best);
  });
}
