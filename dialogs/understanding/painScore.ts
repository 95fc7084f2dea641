// A 0–10 pain score: "7", "7/10", "about a six", "6-7", "no pain". Never a number guessed from words.
import { isPluralNoun } from './listItems.js';
import { readNumber } from './numbers.js';
import { findAll, lexicon, sentenceIds } from './phrases.js';
import { guarded, miss, ok } from './result.js';
import { isBlank, tokenise } from './text.js';
import type { Understood } from './types.js';

const NO_PAIN = lexicon<true>([
  [true, ['no pain', 'none', 'pain free', 'painfree', 'doesnt hurt', 'not hurting', 'no pain at all', 'not sore', 'nothing', 'nil']],
]);

/** A number followed by one of these is a time, a count or a weight, not a score. */
const NOT_SCORE_UNITS = new Set([
  'day', 'days', 'd', 'week', 'weeks', 'wk', 'wks', 'w', 'month', 'months', 'mth', 'mths', 'year', 'years', 'yr', 'yrs',
  'hour', 'hours', 'hr', 'hrs', 'h', 'min', 'mins', 'minute', 'minutes', 'am', 'pm', 'oclock', 'kg', 'kgs', 'kilos', 'times',
  'x', 'old', 'yo', 'kids', 'children', 'percent', 'st', 'nd', 'rd', 'th',
]);
/** Between two numbers these make a range ("6-7", "6 or 7", "7, maybe 8"). */
const RANGE_WORDS = new Set(['-', 'or', 'to', 'maybe', 'perhaps', 'possibly', 'even', ',', 'and']);
const RANGE_MARKERS = new Set(['-', 'or', 'to', 'maybe', 'perhaps', 'possibly']);

/** Words that take back what came before: "8, no sorry 7", "5 wait 6", "6 actually no more like 4". */
const NO_OR_COMMA = new Set(['no', 'nah', 'nope', ',']);
const CORRECTIONS = lexicon<true>([[true, [
  'no sorry', 'sorry', 'wait', 'actually', 'i mean', 'make that', 'scratch that', 'no more like', 'no actually', 'correction', 'oops', 'call it', 'lets say', 'lets call it',
]]]);
/** A choice made from a range just said ("5 or 6, closer to 6", "6 or 7, prob 7"); after one score it is no choice ("its more like 8 when i move"). */
const CHOICES = lexicon<true>([[true, ['closer to', 'probably', 'prob', 'more like', 'id say', 'leaning towards', 'if i had to pick', 'if i had to choose']]]);

/** Words back from a score, in its clause and not past the score before it, to a word of another time: "worst it's been is 10". */
const OTHER_TIME_REACH = 5;
/**
 * A score said of another time or of the worst, not of now: dropped at "right now" ("6, was 9 an hour
 * ago", "6 now, worst was a 9 on monday", "7, not as bad as when I broke my leg in 2019").
 */
const OTHER_TIME_BEFORE = new Set(['was', 'were', 'worst', 'peak', 'peaked', 'peaks', 'hit', 'reached', 'used', 'went', 'gets', 'goes']);
const OTHER_TIME_AFTER = lexicon<true>([[true, [
  'ago', 'this morning', 'yesterday', 'last night', 'earlier', 'on monday', 'on tuesday', 'on wednesday', 'on thursday',
  'on friday', 'on saturday', 'on sunday', 'at worst', 'at its worst', 'at night', 'when i', 'when it', 'in yyyy', 'last week',
  // "Six, perhaps seven on a bad evening": a bad spell is another time.
  'on a bad day', 'on a bad evening', 'on a bad night', 'on bad days', 'on bad nights', 'on a bad one', 'on the bad days',
  // A score without the painkillers taken now is not now: "2 with the panadol in me, prob 6 without".
  'without', 'without it', 'without them', 'without the', 'without my', 'if i didnt', 'if i hadnt',
]]]);

const SPINAL = new Set(['l', 'c', 't', 's']);

/** At "the worst this week": answers that point at the score already given for now. */
const SAME_AS_NOW = lexicon<true>([[true, [
  'same', 'same as now', 'about the same', 'no worse', 'not worse', 'no worse than now', 'steady', 'pretty steady', 'constant',
  'today is the worst', 'this is the worst', 'right now is the worst', 'now is the worst', 'worst is now', 'its the worst now',
  // "worst? this is it, right now".
  'this is it', 'right now', 'as we speak', 'its now',
]]]);

const COMPARED = new Set(['than', 'like', 'not', 'as']);

/** The worst this week: a number, or "same as now" with the score for now. */
export function parseWorstScore(text: string, now: number | null): Understood<number> {
  const read = parsePainScore(text, 'worst');
  if (read.ok || read.reason !== 'not_understood' || now === null) return read;
  // ("much worse than right now": compared with now, not now.)
  const tokens = tokenise(text);
  const sameAsNow = findAll(tokens, SAME_AS_NOW).filter((m) => !COMPARED.has(tokens[m.start - 1] ?? ''));
  return sameAsNow.length > 0 ? ok(now, `the same as now, ${now}`) : read;
}

interface Score {
  value: number;
  start: number;
  end: number;
  negative: boolean;
}

function scores(tokens: readonly string[]): Score[] {
  const out: Score[] = [];
  const mentionsScale = tokens.includes('scale') || tokens.includes('out');
  for (let i = 0; i < tokens.length; i++) {
    const num = readNumber(tokens, i);
    if (!num) continue;
    const before = tokens[i - 1];
    const after = tokens[num.end];
    // A spinal level ("L4/5", "C6-7") or a year is never a score.
    if ((before !== undefined && SPINAL.has(before)) || num.value >= 1000) {
      i = num.end - 1;
      if ((tokens[i + 1] === '/' || tokens[i + 1] === '-') && readNumber(tokens, i + 2)) i += 2;
      continue;
    }
    // "3 weeks", "at 5pm", "one of the worst", "had 2 babies": not a score.
    if ((after !== undefined && (NOT_SCORE_UNITS.has(after) || isPluralNoun(after))) || (tokens[i] === 'one' && after === 'of')) {
      i = num.end - 1;
      continue;
    }
    // The scale itself: "out of 10", "/10", "on a scale of 1 to 10".
    // ("5 from 10" is learner's English for out of 10.)
    if (before === '/' || (before === 'of' && (tokens[i - 2] === 'out' || readNumber(tokens, i - 2) !== null)) || (before === 'from' && num.value === 10)) {
      if (num.value === 10 || num.value === 100 || before === 'of') continue;
    }
    if (mentionsScale && (num.value === 0 || num.value === 1) && (after === 'to' || after === '-') && readNumber(tokens, num.end + 1)?.value === 10) {
      i = num.end + 1;
      continue;
    }
    const negative = before === 'minus' || (before === '-' && (i < 2 || readNumber(tokens, i - 2) === null));
    out.push({ value: num.value, start: i, end: num.end, negative });
    i = num.end - 1;
  }
  return out;
}

/**
 * The scores that answer the question, after a correction only the last part. For now: not those said of another
 * time. For the worst this week: not one said of years ago, and the one said of another time when that tells
 * them apart ("6 now, worst was a 9 on monday" is 9; "5, night time more bad 8" is 8).
 */
function scoresAsked(tokens: readonly string[], all: Score[], of: 'now' | 'worst'): Score[] {
  // "7 no 8 if im honest": a bare "no" between two scores takes the first back, as "sorry" does.
  const bareNo = all.slice(1).filter((s, k) => tokens.slice(all[k]!.end, s.start).every((t) => NO_OR_COMMA.has(t)) && tokens.slice(all[k]!.end, s.start).some((t) => t !== ','));
  const rangeBefore = (at: number): boolean => {
    const before = all.filter((s) => s.end <= at);
    const [a, b] = before.slice(-2);
    return a !== undefined && b !== undefined && tokens.slice(a.end, b.start).some((t) => RANGE_MARKERS.has(t));
  };
  // ("6-7, more like 9 when i move": the 9 is of moving, no choice from the range.)
  const choices = findAll(tokens, CHOICES).filter((m) => rangeBefore(m.start) && !conditionAfter(tokens, all.find((s) => s.start >= m.end)));
  const corrections = [...findAll(tokens, CORRECTIONS), ...choices, ...bareNo.map((s) => ({ start: s.start, end: s.start, value: true as const }))].sort((a, z) => a.start - z.start);
  const lastCorrection = corrections.at(-1);
  let kept = lastCorrection && all.some((s) => s.start < lastCorrection.start) && all.some((s) => s.start >= lastCorrection.end)
    ? all.filter((s) => s.start >= lastCorrection.end)
    : all;
  if (kept.length < 2) return kept;
  const shadow = tokens.map((t) => (/^(19|20)\d\d$/.test(t) ? 'yyyy' : t));
  const later = findAll(shadow, OTHER_TIME_AFTER);
  const otherTime = (s: Score): boolean =>
    // ("it was 8 and now 6": the "was" is the 8's, not the 6's.)
    sameClauseBefore(tokens, s.start, Math.min(OTHER_TIME_REACH, s.start - Math.max(0, ...all.filter((o) => o.end <= s.start).map((o) => o.end)))).some((t) => OTHER_TIME_BEFORE.has(t)) ||
    // "7 but when i lift my arm up its a 9": a score under a condition is not the one of now.
    // Only after a score said without one: "when i sit still 3, moving around 6" names two levels, and is asked.
    (underCondition(tokens, s.start) && all.some((o) => o.start < s.start && !underCondition(tokens, o.start))) ||
    findAll(sameClauseBefore(tokens, s.start, 5), ANOTHER_TIME_OF_DAY).length > 0 ||
    later.some((m) => m.start >= s.end && m.start - s.end <= 4 && !all.some((o) => o.start > s.start && o.start < m.start) && !tokens.slice(s.end, m.start).some((t) => CLAUSE_BREAKS.has(t)));
  if (of === 'worst') {
    // "id say 9, otherwise hovering round 7": the usual level is not the worst.
    // ("4 if i sit still, otherwise 7": "otherwise" is then the higher one, and stays.)
    const usual = (sc: Score) => findAll(sameClauseBefore(tokens, sc.start, 5), USUAL).length > 0;
    const peak = (list: Score[]) => Math.max(...list.map((sc) => sc.value));
    const others = kept.filter((sc) => !usual(sc));
    if (others.length > 0 && others.length < kept.length && peak(others) > peak(kept.filter(usual))) kept = others;
    const sentence = sentenceIds(shadow);
    const longAgo = (s: Score) => shadow.some((t, i) => sentence[i] === sentence[s.start] && (t === 'yyyy' || (t === 'ago' && shadow[i - 1] === 'years')));
    const recent = kept.filter((s) => !longAgo(s));
    const pool = recent.length > 0 ? recent : kept;
    const marked = pool.filter(otherTime);
    return marked.length === 1 ? marked : pool;
  }
  const now = kept.filter((s) => !otherTime(s));
  if (now.length > 0) kept = now;
  // "sitting here its a 3, driving its a 7": the one said of right now is the answer.
  const saidOfNow = (s: Score): boolean => {
    const before = tokens.slice(Math.max(0, s.start - NOW_REACH), s.start);
    return findAll(before, NOW_MARKERS).length > 0 && !before.some((t) => CLAUSE_BREAKS.has(t) && t !== ',');
  };
  const marked = kept.filter(saidOfNow);
  if (kept.length > 1 && marked.length === 1) kept = marked;
  return kept;
}

/** Said before a score in its clause: it is the level under a condition. */
const CONDITIONS = new Set(['when', 'whenever', 'if']);
/** "if im honest", "if i had to guess": a hedge, not a condition. */
const NOT_A_CONDITION = lexicon<true>([[true, ['if im honest', 'if i am honest', 'if i had to', 'if i have to', 'if im being honest', 'if that helps', 'if you know what i mean']]]);
function underCondition(tokens: readonly string[], at: number): boolean {
  const before = sameClauseBefore(tokens, at, 8);
  const hedges = findAll(before, NOT_A_CONDITION).map((m) => m.start);
  return before.some((t, i) => CONDITIONS.has(t) && !hedges.includes(i));
}
/** "9 when i move": a condition straight after the score. */
function conditionAfter(tokens: readonly string[], score: Score | undefined): boolean {
  return score !== undefined && tokens.slice(score.end, score.end + 3).some((t) => CONDITIONS.has(t));
}
/** The usual level, said beside a worst one. */
const USUAL = lexicon<true>([[true, ['otherwise', 'usually', 'normally', 'most of the time', 'hovering', 'hovers', 'generally', 'on average', 'day to day', 'the rest of the time']]]);

/** A time of day said before a score, in its clause: "5, night time more bad 8", "mornings its a 7". */
const ANOTHER_TIME_OF_DAY = lexicon<true>([[true, ['night time', 'at night', 'nights', 'night', 'mornings', 'in the morning', 'first thing', 'overnight', 'in bed']]]);

/** Said of right now: "sitting here its a 3", "at the moment a 4" (not "a 4 sitting", which names a position). */
const NOW_MARKERS = lexicon<true>([[true, ['sitting here', 'right now', 'at the moment', 'atm', 'currently', 'just now', 'as i type']]]);
const NOW_REACH = 6;

/** "7 at worst but 4 now": the words before a score back to a clause break, at most `reach` of them. */
const CLAUSE_BREAKS = new Set(['but', ',', '.', ';', 'though', 'tho']);
function sameClauseBefore(tokens: readonly string[], at: number, reach: number): string[] {
  const before = tokens.slice(Math.max(0, at - reach), at);
  let cut = before.length - 1;
  while (cut >= 0 && !CLAUSE_BREAKS.has(before[cut]!)) cut--;
  return before.slice(cut + 1);
}

/** Numbers typed by their sound, read so only before the scale ("for out of ten", "ate/10"). */
const SOUNDS_LIKE: Readonly<Record<string, string>> = { for: '4', fore: '4', to: '2', too: '2', tree: '3', free: '3', ate: '8' };
function soundedNumbers(tokens: readonly string[]): string[] {
  return tokens.map((t, i) => (SOUNDS_LIKE[t] && ((tokens[i + 1] === 'out' && tokens[i + 2] === 'of') || tokens[i + 1] === '/') && readNumber(tokens, i - 1) === null ? SOUNDS_LIKE[t]! : t));
}

export function parsePainScore(text: string, of: 'now' | 'worst' = 'now'): Understood<number> {
  return guarded(() => {
    if (isBlank(text)) return miss('empty');
    const tokens = soundedNumbers(tokenise(text));
    const found = scoresAsked(tokens, scores(tokens), of);

    // Merge ranges into their upper end; the patient's worse reading is the safer one to record.
    interface Reading {
      value: number;
      negative: boolean;
      note?: string;
    }
    const readings: Reading[] = [];
    for (let k = 0; k < found.length; k++) {
      const a = found[k]!;
      const b = found[k + 1];
      const gap = b ? tokens.slice(a.end, b.start) : [];
      const between = a.start > 0 && tokens[a.start - 1] === 'between' && gap.length === 1 && gap[0] === 'and';
      const ranged = b !== undefined && !a.negative && gap.length > 0 && gap.length <= 3 && gap.every((t) => RANGE_WORDS.has(t)) && (gap.some((t) => RANGE_MARKERS.has(t)) || between);
      const slashed = b !== undefined && gap.length === 1 && gap[0] === '/' && b.value <= 10 && b.value !== 10;
      if (b && slashed) {
        readings.push({ value: Math.max(a.value, b.value), negative: false, note: `the higher of ${a.value} and ${b.value}` });
        k++;
      } else if (b && ranged) {
        // "7-8", "5 or 6": two readings remain, so ask, naming them.
        return miss('ambiguous', `${a.value} or ${b.value}`);
      } else {
        readings.push({ value: a.value, negative: a.negative });
      }
    }
    const zero = findAll(tokens, NO_PAIN).length > 0;
    if (zero) readings.push({ value: 0, negative: false });

    if (readings.length === 0) return miss('not_understood');
    const distinct = new Set(readings.map((r) => (r.negative ? -r.value : r.value)));
    if (distinct.size > 1) return miss('ambiguous', [...distinct].join(' or '));
    const reading = readings[0]!;
    if (reading.negative && reading.value !== 0) return miss('out_of_range');
    const raw = reading.value;
    if (raw < 0 || raw > 10) return miss('out_of_range');
    const value = Math.round(raw);
    let note = reading.note;
    if (value !== raw) note = [note, value > raw ? `${value}, rounded up` : `${value}, rounded down`].filter(Boolean).join('; ');
    return ok(value, note);
  });
}
