// Since when: "3 wks", "a couple of months", "since yesterday", "on and off for 5 years" → weeks.
import { readNumber, readVagueAmount } from './numbers.js';
import { findAll, lexicon } from './phrases.js';
import { guarded, miss, ok } from './result.js';
import { clip, fitWord, isBlank, isDigitToken, tokenise } from './text.js';
import type { DurationAnswer, Understood } from './types.js';

const DAY = 1 / 7;
const MONTH = 4.345;
const YEAR = 52.18;
/** Longer than any plausible history of this pain; beyond it the number is a typo or a joke. */
const MAX_WEEKS = 80 * YEAR;

const UNITS: ReadonlyArray<readonly [string, number, readonly string[]]> = [
  ['minute', 1 / 10080, ['min', 'mins']],
  ['hour', 1 / 168, ['hr', 'hrs', 'h']],
  ['day', DAY, ['d', 'dy', 'dys']],
  ['week', 1, ['wk', 'wks', 'w']],
  ['fortnight', 2, []],
  ['month', MONTH, ['mth', 'mths', 'mnth', 'mnths', 'mo', 'mos', 'mon', 'm']],
  ['year', YEAR, ['yr', 'yrs', 'y']],
  ['decade', 10 * YEAR, []],
];
const ABBREVIATIONS = new Map<string, { weeks: number; name: string }>();
for (const [name, weeks, short] of UNITS) for (const a of short) ABBREVIATIONS.set(a, { weeks, name });

interface Unit {
  weeks: number;
  name: string;
  /** "3d", "2y": a single letter is a unit only straight after digits. */
  letter: boolean;
}

function unitAt(tok: string | undefined): Unit | null {
  if (tok === undefined) return null;
  const short = ABBREVIATIONS.get(tok);
  if (short) return { ...short, letter: tok.length === 1 };
  // Spelled-out units forgive a typo ("wekks", "monts", "yeras").
  for (const [name, weeks] of UNITS) if (fitWord(tok, name) !== null) return { weeks, name, letter: false };
  return null;
}

const isPlural = (tok: string): boolean => tok.length > 3 && tok.endsWith('s');

const RELATIVE = lexicon<number>([
  [0, ['today', 'this morning', 'this afternoon', 'this evening', 'tonight', 'just now', 'earlier today', 'few hours ago', 'an hour ago']],
  [DAY, ['yesterday', 'last night', 'overnight']],
  [2 * DAY, ['day before yesterday', 'the day before yesterday']],
  [1, ['last week', 'past week']],
  [MONTH, ['last month', 'past month']],
  [YEAR, ['last year', 'past year']],
]);

/** Between a number and its unit: "20 odd years", "2 or so weeks", "a good few months". */
const QUANTITY_FILLERS = new Set(['odd', 'so', 'more', 'good', 'long', 'whole', 'full', 'straight', 'solid', 'plus', 'or', 'and', 'of', 'bit']);
const RANGE_LINKS = new Set(['-', 'or', 'to', '/']);
/** Clinical shorthand: 3/52 = three weeks, 2/12 = two months, 5/7 = five days. */
const FRACTION_UNITS: Readonly<Record<string, number>> = { '52': 1, '12': MONTH, '7': DAY, '365': DAY };

interface Reading {
  weeks: number;
  note?: string;
  negative?: boolean;
}

interface Quantity {
  value: number;
  end: number;
}

function readQuantity(tokens: readonly string[], i: number): Quantity | null {
  const tok = tokens[i];
  if (tok === 'half' && (tokens[i + 1] === 'a' || tokens[i + 1] === 'an')) return { value: 0.5, end: i + 2 };
  if ((tok === 'a' || tok === 'an') && tokens[i + 1] === 'half') return { value: 0.5, end: i + 2 };
  const vague = readVagueAmount(tokens, i);
  if (vague) return vague;
  const num = readNumber(tokens, i);
  if (num) {
    // "one and a half years"
    if (tokens[num.end] === 'and' && tokens[num.end + 1] === 'a' && tokens[num.end + 2] === 'half') return { value: num.value + 0.5, end: num.end + 3 };
    return num;
  }
  if (tok === 'a' || tok === 'an') return { value: 1, end: i + 1 };
  return null;
}

interface Found extends Reading {
  start: number;
  end: number;
}

/** A quantity and its unit starting at i, with ranges ("2-3 weeks", "a week or two") read as the longer. */
function readAt(tokens: readonly string[], i: number): Found | null {
  const first = readQuantity(tokens, i);
  if (!first) return null;
  let value = first.value;
  let ranged = false;
  let j = first.end;

  const denominator = tokens[j] === '/' ? FRACTION_UNITS[tokens[j + 1] ?? ''] : undefined;
  if (denominator !== undefined && isDigitToken(tokens[i])) return { weeks: value * denominator, start: i, end: j + 2 };

  if (RANGE_LINKS.has(tokens[j] ?? '')) {
    const second = readNumber(tokens, j + 1);
    if (second && unitAt(tokens[second.end])) {
      value = Math.max(value, second.value);
      ranged = true;
      j = second.end;
    }
  }
  let skipped = 0;
  while (skipped < 2 && QUANTITY_FILLERS.has(tokens[j] ?? '') && !unitAt(tokens[j])) {
    j++;
    skipped++;
  }
  const unit = unitAt(tokens[j]);
  if (!unit) return null;
  // "I'm 45 years old" is an age, not a duration.
  if (tokens[j + 1] === 'old' || tokens[i - 1] === 'aged' || tokens[i - 1] === 'age') return null;
  // Single letters are units only straight after digits ("3d", "2y"), never after words.
  if (unit.letter && !isDigitToken(tokens[i])) return null;
  let end = j + 1;
  if (tokens[end] === 'and' && tokens[end + 1] === 'a' && tokens[end + 2] === 'half') {
    value += 0.5;
    end += 3;
  } else if (RANGE_LINKS.has(tokens[end] ?? '')) {
    const more = readNumber(tokens, end + 1);
    if (more && !unitAt(tokens[more.end]) && more.value > value) {
      value = more.value;
      ranged = true;
      end = more.end;
    }
  }
  const negative = tokens[i - 1] === 'minus' || (tokens[i - 1] === '-' && readNumber(tokens, i - 2) === null && !unitAt(tokens[i - 2]));
  const found: Found = { weeks: value * unit.weeks, start: i, end };
  if (ranged) found.note = 'took the longer end of the range';
  if (negative) found.negative = true;
  return found;
}

const round1 = (n: number): number => Math.round(n * 10) / 10;

export function parseDuration(text: string): Understood<DurationAnswer> {
  return guarded(() => {
    if (isBlank(text)) return miss('empty');
    const said = clip(text).trim();
    const tokens = tokenise(text);
    const found: Found[] = findAll(tokens, RELATIVE).map((m) => ({ weeks: m.value, start: m.start, end: m.end }));
    const taken = new Set<number>();
    for (const f of found) for (let k = f.start; k < f.end; k++) taken.add(k);
    for (let i = 0; i < tokens.length; i++) {
      if (taken.has(i)) continue;
      const f = readAt(tokens, i);
      if (f) {
        found.push(f);
        for (let k = f.start; k < f.end; k++) taken.add(k);
        i = f.end - 1;
      }
    }
    // "for years", "months": no number given, so assume two and say so.
    if (found.length === 0) {
      for (const tok of tokens) {
        const unit = unitAt(tok);
        if (unit && isPlural(tok) && !unit.letter && unit.weeks >= DAY) {
          found.push({ weeks: 2 * unit.weeks, start: 0, end: 0, note: `${unit.name}s taken as 2 ${unit.name}s` });
          break;
        }
      }
    }
    if (found.length === 0) return miss('not_understood');
    if (found.some((f) => f.negative)) return miss('out_of_range');
    const longest = found.reduce((a, b) => (b.weeks > a.weeks ? b : a));
    if (longest.weeks > MAX_WEEKS) return miss('out_of_range');
    const distinct = new Set(found.map((f) => round1(f.weeks)));
    const note = distinct.size > 1 ? 'several durations given; took the longest' : longest.note;
    return ok({ weeks: round1(longest.weeks), text: said }, note);
  });
}
