// The safety checklist answered in words: which listed signs the patient has now, by item number or in
// their own words. Only here is a digit an item number. Words go through the sign table and ConText
// (signs.ts), so "no to all", "my mum had cancer" and "a fall 5 years ago" raise nothing.
import type { FlagCode } from '../vocabulary.js';
import { assert } from './assertions.js';
import { findAll, lexicon, type Span } from './phrases.js';
import { guarded, miss, ok } from './result.js';
import { parsePrecautions } from './precautions.js';
import { findSigns, isAffirmed } from './signs.js';
import { listNumbers, type Item } from './listItems.js';
import { MOVEMENT_WORDS } from './movementWords.js';
import { isBlank, tokenise } from './text.js';
import type { Understood } from './types.js';

/** Quantifiers over the whole list. Negation turns them round: "no to all" is none, "not at all" is none. */
type Quantifier = 'none' | 'all' | 'not_a_quantifier';
const QUANTIFIERS = lexicon<Quantifier>([
  ['none', [
    'none', 'none of these', 'none of them', 'none of those', 'none of the above', 'no', 'nope', 'nah', 'n', 'nothing',
    'nothing like that', 'nothing of the sort', 'neither', 'nil', 'not any', 'none apply', 'no never', 'na', 'n/a', 'i dont',
    'dont have any', 'no nothing', 'feel fine', 'feeling fine', 'im fine', 'fine', 'none apply to me', 'not that i know of',
    'not that im aware of', 'not that i am aware', 'nothing i know of', 'negative', 'no none', 'nah none', 'no to all', 'all good',
    'all clear', 'all fine', 'all ok', 'not at all', '0', 'zero', 'not have', 'i not have', 'dont have these', 'have none',
    'none of it', 'none of that', 'nothing on the list', 'none on the list', 'nothing there', 'no none of those', 'nope none',
    'thats it', 'thats all', 'nothing else', 'otherwise nothing', 'otherwise fine', 'its gone', 'otherwise i sleep ok',
    'otherwise i sleep fine',
  ]],
  ['all', ['all of them', 'all of these', 'all of the above', 'every one', 'all', 'everything', 'the lot', 'yes to all', 'all apply']],
  ['not_a_quantifier', [
    'all the time', 'all day', 'all night', 'all over', 'all correct', 'that is all', 'thats all', 'after all', 'i dont know', 'dont know',
    'no idea', 'not sure', 'all of a sudden',
    // "at my age everything aches", "they got it all": not the whole list.
    'everything aches', 'everything hurts', 'everything is sore', 'got it all', 'cut it all out',
  ]],
]);

/** Hedges that, with a question mark, leave an item unsure. */
const UNSURE = lexicon<true>([[true, ['maybe', 'i think', 'kind of', 'sort of', 'a bit of', 'possibly', 'not sure', 'unsure', 'dunno', 'hard to say', 'i guess']]]);
/** Hedges that leave it unsure even without one. */
const UNSURE_ALONE = lexicon<true>([[true, ['not sure', 'unsure', 'dunno', 'hard to say', 'cant say', 'no idea']]]);

/** Words that take back what came before: "4 and 5 no wait just 5". */
const CORRECTIONS = lexicon<true>([[true, ['no wait', 'wait', 'sorry', 'actually', 'i mean', 'scratch that', 'make that', 'oops', 'jk', 'just kidding', 'kidding']]]);

/**
 * The ticked items, in checklist order of mention. `ambiguous` with detail `all` when the patient said
 * "all of them": the engine then goes through the items one at a time rather than end an intake on it.
 */
export function parseFlagChecklist(text: string, offered: readonly FlagCode[]): Understood<FlagCode[]> {
  return guarded(() => {
    if (isBlank(text)) return miss('empty');
    const list = Array.isArray(offered) ? offered : [];
    let tokens = tokenise(text);
    // "4 and 5 no wait just 5": what comes after the last correction is the answer.
    const correction = findAll(tokens, CORRECTIONS).at(-1);
    if (correction && correction.end < tokens.length && correction.start > 0) tokens = tokens.slice(correction.end);
    text = tokens.join(' ');
    const found: { code: FlagCode; at: number }[] = [];
    for (const sign of findSigns(text, 'checklist', tokens)) if (isAffirmed(sign)) found.push({ code: sign.code, at: sign.start });

    const numbers = listNumbers(tokens, list.length).filter((n) => n.value !== 0);
    // "1-3" items share a token: assertions are worked out once per token, then looked up per item.
    const spans = dedupe(numbers);
    const spanAssertions = assert(tokens, spans);
    const isNegated = (n: Item) => spanAssertions[spans.findIndex((x) => x.start === n.start)]!.negated;
    let outOfRange = false;
    numbers.forEach((n) => {
      if (isNegated(n)) return;
      const code = list[n.value - 1];
      if (code === undefined) outOfRange = true;
      else found.push({ code, at: n.start });
    });

    const quantifiers = findAll(tokens, QUANTIFIERS).filter((q) => q.value !== 'not_a_quantifier' && !saidOfAMovement(tokens, q));
    const quantified = assert(tokens, quantifiers);
    const saysAll = quantifiers.some((q, k) => q.value === 'all' && !quantified[k]!.negated);
    const saysNone = quantifiers.some((q, k) => q.value === 'none' || (q.value === 'all' && quantified[k]!.negated));

    // "1 or 2, not sure which": two readings remain, so ask, naming them.
    const picked = numbers.filter((n) => !isNegated(n));
    if (picked.length === 2 && tokens.slice(picked[0]!.end, picked[1]!.start).some((t) => t === 'or')) {
      return miss('ambiguous', `${picked[0]!.value} or ${picked[1]!.value}`);
    }
    // "all except 1": a whole list with exceptions is gone through one item at a time.
    if (saysAll && tokens.some((t) => t === 'except' || t === 'apart' || t === 'besides' || t === 'but')) return miss('ambiguous', 'all');
    found.sort((a, b) => a.at - b.at);
    const codes = [...new Set(found.map((f) => f.code))];
    // Worsening weakness is the limb item with its follow-up already answered: kept, and confirmed like any typed sign.
    const inList = codes.filter((c) => list.includes(c) || (c === 'progressive_weakness' && list.includes('numbness_tingling')));
    // "kind of the fourth one i think?", "dizzy? maybe? hard to say": one item said unsure is asked again, not ticked.
    if (inList.length === 1 && findAll(tokens, UNSURE).length > 0 && (tokens.includes('?') || findAll(tokens, UNSURE_ALONE).length > 0)) return miss('ambiguous', 'unsure');
    if (inList.length > 0) return ok(inList);
    if (saysAll && !saysNone) return miss('ambiguous', 'all');
    if (outOfRange) return miss('out_of_range');
    if (codes.length > 0) return miss('not_offered', codes.join(','));
    if (saysNone) return ok([]);
    // Only negated or someone else's signs ("no chest pain", "mum had cancer") answer "none" as clearly, and
    // so does a precaution typed a question early ("I'm on blood thinners"): the next question asks for it.
    if (findSigns(text, 'checklist', tokens).length > 0) return ok([]);
    const precautions = parsePrecautions(text);
    if (precautions.ok && precautions.value.length > 0) return ok([]);
    return miss('not_understood');
  });
}

/**
 * "stairs r fine", "walking's fine": an answer to a movement question typed here, said of that movement and not
 * of the list, so asked again. ("my breathing is fine" is said of a sign on the list: none.)
 */
const COPULA = new Set(['is', 'are', 'r', 'was', 'were', 'feels']);
function saidOfAMovement(tokens: readonly string[], q: Span): boolean {
  const subject = COPULA.has(tokens[q.start - 1] ?? '') ? tokens[q.start - 2] : tokens[q.start - 1];
  return MOVEMENT_WORDS.has(subject ?? '');
}

/** "1-3" items share a token; assertions are worked out once per token. */
function dedupe(items: readonly Item[]): Span[] {
  const out: Span[] = [];
  for (const it of items) if (out.at(-1)?.start !== it.start) out.push({ start: it.start, end: it.end });
  return out;
}
