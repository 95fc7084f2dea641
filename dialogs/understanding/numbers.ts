// Reading numbers patients type as digits or words ("7", "6.5", "seven", "twenty five").
import { isDigitToken } from './text.js';

const UNITS: Readonly<Record<string, number>> = {
  zero: 0, nil: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20,
};
/** Phone-keyboard misspellings of the number words (real words like "for", "to", "ate" are left out). */
const MISSPELT: Readonly<Record<string, number>> = {
  thre: 3, threee: 3, foor: 4, fuor: 4, fiv: 5, fivr: 5, fice: 5, siz: 6, sixe: 6, sxi: 6, sevn: 7, sevan: 7, sevin: 7, seveb: 7,
  sevem: 7, eigth: 8, eigt: 8, eihgt: 8, eigjt: 8, nien: 9, nin: 9, nein: 9, nime: 9, tne: 10, tenn: 10,
  // Spelt as said by learners of English ("fife", "seben"; not "tree", a word of its own).
  fife: 5, seben: 7, sebben: 7,
};

/** Money slang said of a score ("bout a fiver"): a five or ten dollar note. */
const SLANG: Readonly<Record<string, number>> = { fiver: 5, tenner: 10 };

/**
 * Two neighbouring letters swapped, the commonest thumb slip ("fiev", "sevne", "nien"), for the number words of
 * four letters or more. A swap that makes a real word ("three" → "there") is left out.
 */
const REAL_WORDS = new Set(['there']);
const SWAPPED: Readonly<Record<string, number>> = Object.fromEntries(
  (['three', 'four', 'five', 'seven', 'eight', 'nine'] as const).flatMap((word) =>
    [...word.slice(1)].map((_, k) => [word.slice(0, k) + word[k + 1] + word[k] + word.slice(k + 2), UNITS[word]!] as const).filter(([w]) => w !== word && !REAL_WORDS.has(w)),
  ),
);

const TENS: Readonly<Record<string, number>> = {
  twenty: 20, thirty: 30, forty: 40, fourty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};

/** "fourish" → "four" (a word of six letters or more, so "fish" and "dish" stay as they are). */
const withoutIsh = (t: string): string => (t.length > 5 && t.endsWith('ish') ? t.slice(0, -3) : t);

export interface NumberRead {
  value: number;
  /** Index after the number's last token. */
  end: number;
}

/** A number starting at tokens[i]: digits, a decimal, a word 0–20, tens ("thirty", "twenty five"), "hundred". */
export function readNumber(tokens: readonly string[], i: number): NumberRead | null {
  const tok = tokens[i];
  if (tok === undefined) return null;
  if (isDigitToken(tok)) {
    const value = Number(tok);
    return Number.isFinite(value) ? { value, end: i + 1 } : null;
  }
  const tens = TENS[tok];
  if (tens !== undefined) {
    // "twenty five" and "twenty-five"
    let j = i + 1;
    if (tokens[j] === '-') j++;
    const unit = UNITS[tokens[j] ?? ''];
    if (unit !== undefined && unit >= 1 && unit <= 9) return { value: tens + unit, end: j + 1 };
    return { value: tens, end: i + 1 };
  }
  // "fourish", "sevenish": roughly that number.
  const word = withoutIsh(tokens[i]!);
  const unit = UNITS[word] ?? MISSPELT[word] ?? SWAPPED[word] ?? SLANG[word];
  if (unit !== undefined) {
    if (tokens[i + 1] === 'hundred') return { value: unit * 100, end: i + 2 };
    return { value: unit, end: i + 1 };
  }
  if (tok === 'hundred') return { value: 100, end: i + 1 };
  return null;
}

/** "a couple (of)" = 2, "a few"/"several" = 3: vague amounts patients use for durations. */
export function readVagueAmount(tokens: readonly string[], i: number): NumberRead | null {
  let j = i;
  if (tokens[j] === 'a') j++;
  const word = tokens[j];
  let value: number | undefined;
  if (word === 'couple') value = 2;
  else if (word === 'few' || word === 'several') value = 3;
  if (value === undefined) return null;
  j++;
  if (tokens[j] === 'of') j++;
  return { value, end: j };
}
