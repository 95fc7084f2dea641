// Precautions for hands-on and dry-needling work: pregnancy, blood thinners, recent surgery, fear of
// moving, osteoporosis. Mentions go through ConText (assertions.ts): "my wife is pregnant", "used to be
// on warfarin" and "knee surgery 2 years ago" are not the patient's precautions now.
import type { FlagCode } from '../vocabulary.js';
import { assert } from './assertions.js';
import { listNumbers } from './listItems.js';
import { findAll, lexicon } from './phrases.js';
import { guarded, miss, ok } from './result.js';
import { isBlank, isDigitToken, tokenise } from './text.js';
import type { Understood } from './types.js';

type PrecautionWord = FlagCode | 'not_a_precaution';

const LEXICON = lexicon<PrecautionWord>([
  ['pregnancy', [
    'pregnant', 'pregnancy', 'expecting', 'expecting a baby', 'weeks pregnant', 'with child', 'trimester', 'preggers', 'preggo',
    'bun in the oven', 'due date', 'baby on the way', 'im due', 'due in',
  ]],
  ['blood_thinners', [
    'blood thinners', 'blood thinner', 'blood thinning', 'thinners', 'thin my blood', 'warfarin', 'coumadin', 'marevan', 'apixaban',
    'eliquis', 'xarelto', 'rivaroxaban', 'clopidogrel', 'plavix', 'anticoagulant', 'anticoagulants', 'anti coagulant',
    'heparin', 'clexane', 'enoxaparin', 'dabigatran', 'pradaxa', 'ticagrelor', 'brilinta', 'antiplatelet', 'aspirin', 'cartia',
    'cardiprin', 'astrix', 'aspro', 'iscover',
  ]],
  ['recent_surgery', [
    'surgery', 'surgeries', 'operation', 'operations', 'had an op', 'op', 'operated', 'operated on', 'knee replacement',
    'hip replacement', 'joint replacement', 'shoulder replacement', 'replacement', 'replaced', 'keyhole', 'arthroscopy', 'c section',
    'caesarean', 'cesarean', 'post op', 'spinal fusion', 'fusion', 'stitches', 'surgeon', 'reconstruction', 'scope', 'scoped',
    'laminectomy', 'discectomy', 'acl repair', 'repair', 'repaired', 'removed', 'taken out', 'put in', 'bypass', 'stent',
    'pacemaker', 'gallbladder out', 'appendix out', 'wisdom teeth out', 'tonsils out', 'hysterectomy', 'procedure',
  ]],
  ['fear_of_movement', [
    'scared to move', 'afraid it will get worse', 'worried moving makes it worse', 'scared', 'afraid', 'frightened', 'fear',
    'fearful', 'worried', 'worry', 'nervous', 'anxious about moving', 'dont want to move', 'avoid moving', 'avoiding moving',
    'too scared', 'terrified', 'make it worse', 'making it worse', 'scared of making it worse', 'scared to exercise',
    'anxiety about moving', 'scared of moving', 'worried about moving', 'fear of movement', 'fear of moving',
  ]],
  ['osteoporosis', [
    'osteoporosis', 'osteopenia', 'thin bones', 'brittle bones', 'weak bones', 'bone density', 'low bone density', 'prolia',
    'denosumab', 'fosamax', 'alendronate', 'actonel', 'risedronate', 'aclasta', 'zoledronic', 'osteo',
  ]],
  ['not_a_precaution', [
    'expecting it', 'expecting that', 'no worries', 'not worried', 'dont worry', 'not scared', 'not afraid', 'fell pregnant with',
    'when i was pregnant', 'since i was pregnant', 'after my pregnancy', 'osteoarthritis', 'osteopath', 'osteo arthritis',
    // Medicines and conditions that are not on this list: naming them answers "none of these" as clearly.
    'panadol', 'nurofen', 'paracetamol', 'ibuprofen', 'voltaren', 'metformin', 'insulin', 'statin', 'blood pressure tablets',
    'arthritis', 'diabetes', 'asthma', 'breastfeeding', 'had bub', 'natural birth', 'had a baby', 'thats it', 'steroid',
    'steroids', 'prednisone', 'prednisolone', 'colonoscopy', 'bone density test', 'fear of the bill',
  ]],
]);

const NOTHING = lexicon<true>([[true, [
  'none', 'no', 'nope', 'nothing', 'nah', 'n', 'none of these', 'none of them', 'none of those', 'not that i know of',
  'all good', 'na', 'n/a', 'nil', 'neither', 'no worries', 'nothing like that', '0', 'not really', 'no to all', 'none apply',
]]]);

/** Surgery this recent is a precaution (the checklist says "in the last 3 months"). */
const RECENT_NUMBERS = new Set(['1', '2', '3', 'one', 'two', 'three', 'a', 'couple', 'few', 'last', 'this']);
const RECENT_UNITS = new Set(['day', 'days', 'week', 'weeks', 'wk', 'wks', 'fortnight', 'month', 'months']);

function recentlyDated(tokens: readonly string[]): boolean {
  for (let i = 0; i + 1 < tokens.length; i++) {
    const unit = tokens[i + 1]!;
    if (!RECENT_UNITS.has(unit)) continue;
    const n = tokens[i]!;
    if (unit.startsWith('month') && !RECENT_NUMBERS.has(n)) continue;
    if (RECENT_NUMBERS.has(n) || (isDigitToken(n) && (unit.startsWith('month') ? Number(n) <= 3 : Number(n) <= 13))) return true;
  }
  return false;
}

/** "2 and 5": the numbers of the list shown, when the patient answers by number. */
function itemNumbers(tokens: readonly string[], offered: readonly FlagCode[]): FlagCode[] | null {
  if (offered.length === 0) return [];
  const items = listNumbers(tokens, offered.length).filter((n) => n.value !== 0);
  const negated = assert(tokens, items);
  const codes: FlagCode[] = [];
  for (const [k, n] of items.entries()) {
    if (negated[k]!.negated) continue;
    const code = offered[n.value - 1];
    if (!code) return null;
    codes.push(code);
  }
  return codes;
}

const ALL = lexicon<true>([[true, ['all of them', 'all of these', 'all of the above', 'yes to all', 'all apply', 'everything']]]);

/** "yes to all lol jk none": what comes after the last take-back is the answer. */
const TAKE_BACK = lexicon<true>([[true, ['jk', 'just kidding', 'kidding', 'no wait', 'actually', 'sorry', 'i mean']]]);

export function parsePrecautions(text: string, offered: readonly FlagCode[] = []): Understood<FlagCode[]> {
  return guarded(() => {
    if (isBlank(text)) return miss('empty');
    let tokens = tokenise(text);
    const takeBack = findAll(tokens, TAKE_BACK).at(-1);
    if (takeBack && takeBack.start > 0 && takeBack.end < tokens.length) tokens = tokens.slice(takeBack.end);
    const found = findAll(tokens, LEXICON);
    const props = assert(tokens, found);
    const numbered = itemNumbers(tokens, offered);
    if (numbered === null) return miss('out_of_range');
    const codes: FlagCode[] = [...numbered];
    found.forEach((m, k) => {
      const p = props[k]!;
      if (m.value === 'not_a_precaution' || p.negated || p.other || p.hypothetical || codes.includes(m.value)) return;
      // "2 years ago" makes surgery old; "3 weeks ago" keeps it recent, and so does a plain mention.
      if (p.historical && !(m.value === 'recent_surgery' && recentlyDated(tokens)) && m.value !== 'osteoporosis') return;
      codes.push(m.value);
    });
    if (codes.length > 0) return ok([...new Set(codes)]);
    const all = findAll(tokens, ALL);
    if (all.length > 0 && !assert(tokens, all)[0]!.negated) return miss('ambiguous', 'all');
    // A negated, past or someone else's precaution ("not pregnant") answers the question as clearly as "none".
    if (found.length > 0 || findAll(tokens, NOTHING).length > 0) return ok([]);
    return miss('not_understood');
  });
}
