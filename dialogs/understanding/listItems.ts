// Item numbers typed for a numbered list: "2 and 5", "1-3", "the third one", "1st and 2nd". Used only
// where the question is a numbered list (the safety checklist, the precautions).
import type { Span } from './phrases.js';
import { isDigitToken } from './text.js';

/** Item numbers in words: "number two", "the third one", "1st and 2nd". */
const ORDINALS: Readonly<Record<string, number>> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, eleventh: 11,
  twelfth: 12, thirteenth: 13, fourteenth: 14, last: -1,
};
const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14,
};
/**
 * A number followed by one of these is an amount ("lost 5 kg", "10 years ago", "2 wks ish"), not the number of an
 * item on a list: the safety checklist's, the precautions' or the pain areas' offered at the main-area question.
 */
export const NOT_ITEM_UNITS: ReadonlySet<string> = new Set([
  'kg', 'kgs', 'kilo', 'kilos', 'lbs', 'pounds', 'day', 'days', 'd', 'week', 'weeks', 'w', 'wk', 'wks', 'month', 'months', 'mth', 'mths', 'year', 'years',
  'yr', 'yrs', 'hour', 'hours', 'times', 'x', 'am', 'pm', 'legs', 'arms', 'kids', 'ago', 'k', 'km', 'min', 'mins', 'weeks',
  'kilos', 'kg', 'percent', 'degrees', 'years',
  // Counts in a story: "carried a couch up 2 flights", "3 sets of 10", "2 panadol".
  'flight', 'flights', 'steps', 'stairs', 'floors', 'storeys', 'blocks', 'metres', 'meters', 'm', 'cm', 'hr', 'hrs', 'sets',
  'reps', 'laps', 'holes', 'games', 'rounds', 'nights', 'boxes', 'bags', 'people', 'tablets', 'pills', 'panadol', 'mg',
]);
/**
 * An ordinal or a "number N" before one of these counts something else, not a list item: "my 3rd baby",
 * "second trimester", "pregnant with number two" (a child), "first time".
 */
const COUNTED_NOUNS = new Set([
  'baby', 'babies', 'bub', 'child', 'kid', 'son', 'daughter', 'grandchild', 'pregnancy', 'trimester', 'time', 'go', 'attempt',
  'surgery', 'operation', 'op', 'week', 'day', 'month', 'year', 'floor', 'grade', 'place', 'round', 'lot', 'dose', 'course',
]);
/** "pregnant with number two", "on my second": a child or a course, not item two. */
const COUNTING_BEFORE = new Set(['with', 'my', 'our', 'her', 'his']);
/** "she's 15, none of those": an age, when a parent answers for a child. */
const AGE_BEFORE = new Set(['shes', 'hes', 'aged', 'age']);
/** "1st", "2nd": the digits then these are an item. */
const ORDINAL_ENDINGS = new Set(['st', 'nd', 'rd', 'th']);
/** More than this is an age, a temperature or a count, not an item of a list of at most fourteen. */
const MAX_ITEM = 20;

/** Words ending in "s" that follow an item number and are no counted things ("2 sometimes", "3 yes", "2 is the one"). */
const NOT_COUNTED = new Set(['sometimes', 'always', 'perhaps', 'yes', 'thats', 'this', 'does', 'was', 'plus', 'less', 'unless', 'lots', 'heaps', 'kinds', 'probs', 'tops', 'ones', 'atleast', 'maybes']);
/** A count of things after a number ("2 babies", "3 mugs"), not an item number or a score. */
export function isPluralNoun(word: string): boolean {
  return word.length >= 4 && word.endsWith('s') && !word.endsWith('ss') && !NOT_COUNTED.has(word) && /^[a-z]+$/.test(word);
}

export interface Item extends Span {
  value: number;
}

/** Item numbers typed for a numbered list ("2 and 5", "1-3"); amounts, years and scores are not items. */
export function listNumbers(tokens: readonly string[], listLength = MAX_ITEM): Item[] {
  const items: Item[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    // "the third one": "one" there is the item's noun, not item 1.
    const isNoun = tok === 'one' && (ORDINALS[tokens[i - 1] ?? ''] !== undefined || ['the', 'that', 'this', 'last', 'first'].includes(tokens[i - 1] ?? '') || isDigitToken(tokens[i - 1]) || ['st', 'nd', 'rd', 'th'].includes(tokens[i - 1] ?? ''));
    // A number word is an item only where it plainly is one ("number two", "two and five"), never "the weight one".
    const onlyNumbers = tokens.every((t) => NUMBER_WORDS[t] !== undefined || ORDINALS[t] !== undefined || ['and', ',', 'or', '&', 'the', 'number', 'no'].includes(t) || isDigitToken(t));
    const word = isNoun ? undefined : ORDINALS[tok] ?? (tokens[i - 1] === 'number' || tokens[i - 1] === 'item' || onlyNumbers ? NUMBER_WORDS[tok] : undefined);
    if (word !== undefined && !countsSomethingElse(tokens, i, i + 1, ORDINALS[tok] !== undefined) && !(tok === 'last' && tokens[i + 1] !== 'one')) {
      items.push({ value: word === -1 ? listLength : word, start: i, end: i + 1 });
      continue;
    }
    if (!isDigitToken(tok)) continue;
    if (Number(tok) > MAX_ITEM && !tok.includes('.')) continue;
    const after = tokens[i + 1];
    if (after !== undefined && NOT_ITEM_UNITS.has(after) && !ORDINAL_ENDINGS.has(after)) continue;
    // "dropped 2 mugs this week", "had 3 coffees": a count of things, not item 2 or 3.
    if (after !== undefined && isPluralNoun(after)) continue;
    const ordinal = ORDINAL_ENDINGS.has(after ?? '');
    // "on the 10th of sept": a date.
    if (countsSomethingElse(tokens, i, ordinal ? i + 2 : i + 1, ordinal) || (ordinal && tokens[i + 2] === 'of')) continue;
    // A year ("cancer in 2015") or a score ("5/10") is no item either.
    if (tok.length >= 3 || tokens[i + 1] === '/' || tokens[i - 1] === '/') continue;
    // "2.5" typed for "2,5".
    for (const part of tok.split('.')) {
      const value = Number(part);
      // "1-3" lists the items in between too.
      const prev = items[items.length - 1];
      if (prev && tokens[i - 1] === '-' && prev.end === i - 1 && value > prev.value && value - prev.value <= 20) {
        for (let v = prev.value + 1; v < value; v++) items.push({ value: v, start: i, end: i + 1 });
      }
      items.push({ value, start: i, end: i + 1 });
    }
  }
  return items;
}

/**
 * Whether the number at `i` counts something other than list items: a counted noun follows it ("my 3rd
 * baby"), or it is "number N" after "with"/"my" or a child ("17 weeks with number 2", "bub number 2"), or an ordinal after "my".
 * `next`: the index after the number (after its "rd"/"th" ending).
 */
function countsSomethingElse(tokens: readonly string[], i: number, next: number, ordinal: boolean): boolean {
  if (COUNTED_NOUNS.has(tokens[next] ?? '')) return true;
  // "she's 15", "aged 7": an age, not an item.
  if (AGE_BEFORE.has(tokens[i - 1] ?? '') || (tokens[i - 1] === 'was' && tokens[i - 2] === 'i')) return true;
  // "with number 2", and "bub number 2": the child counted, not item two.
  if (tokens[i - 1] === 'number' && (COUNTING_BEFORE.has(tokens[i - 2] ?? '') || COUNTED_NOUNS.has(tokens[i - 2] ?? ''))) return true;
  return ordinal && COUNTING_BEFORE.has(tokens[i - 1] ?? '');
}
