// A 0–10 pain score: "7", "7/10", "about a six", "6-7", "no pain". Never a number guessed from words.
import { readNumber } from './numbers.js';
import { findAll, lexicon } from './phrases.js';
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
    // "3 weeks", "at 5pm", "one of the worst": not a score.
    if ((after !== undefined && NOT_SCORE_UNITS.has(after)) || (tokens[i] === 'one' && after === 'of')) {
      i = num.end - 1;
      continue;
    }
    // The scale itself: "out of 10", "/10", "on a scale of 1 to 10".
    if (before === '/' || (before === 'of' && (tokens[i - 2] === 'out' || readNumber(tokens, i - 2) !== null))) {
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

export function parsePainScore(text: string): Understood<number> {
  return guarded(() => {
    if (isBlank(text)) return miss('empty');
    const tokens = tokenise(text);
    const found = scores(tokens);

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
      if (b && (ranged || slashed)) {
        const hi = Math.max(a.value, b.value);
        readings.push({ value: hi, negative: false, note: `took the higher of ${a.value} and ${b.value}` });
        k++;
      } else {
        readings.push({ value: a.value, negative: a.negative });
      }
    }
    const zero = findAll(tokens, NO_PAIN).length > 0;
    if (zero) readings.push({ value: 0, negative: false });

    if (readings.length === 0) return miss('not_understood');
    const distinct = new Set(readings.map((r) => (r.negative ? -r.value : r.value)));
    if (distinct.size > 1) return miss('ambiguous');
    const reading = readings[0]!;
    if (reading.negative && reading.value !== 0) return miss('out_of_range');
    const raw = reading.value;
    if (raw < 0 || raw > 10) return miss('out_of_range');
    const value = Math.round(raw);
    let note = reading.note;
    if (value !== raw) note = [note, value > raw ? 'rounded up' : 'rounded down'].filter(Boolean).join('; ');
    return ok(value, note);
  });
}
