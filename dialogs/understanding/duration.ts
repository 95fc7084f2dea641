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
  ['day', DAY, ['d', 'dy', 'dys', 'dyas', 'dayz', 'daus']],
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

/** Hours and minutes: how long a spell lasts, never how long the pain has been there. */
const SHORT_UNITS = new Set(['hour', 'hours', 'hr', 'hrs', 'min', 'mins', 'minute', 'minutes', 'sec', 'secs', 'seconds']);
/** A word that counts time, from seconds to years ("the two weeks", "the two hours after work"). */
export function namesTimeUnit(tok: string | undefined): boolean {
  return tok !== undefined && (SHORT_UNITS.has(tok) || (unitAt(tok) !== null && tok.length > 1));
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
  [0, ['today', 'this morning', 'this afternoon', 'this evening', 'tonight', 'just now', 'earlier today', 'few hours ago', 'an hour ago', 'this arvo']],
  [DAY, ['yesterday', 'last night', 'overnight', 'yesterday arvo', 'yesterday afternoon', 'yesterday morning']],
  [2, ['week before last', 'the week before last', 'fortnight ago', 'a fortnight ago']],
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
  // "about half year" (ESL): half straight before the unit.
  if (tok === 'half' && unitAt(tokens[i + 1])) return { value: 0.5, end: i + 1 };
  if ((tok === 'a' || tok === 'an') && tokens[i + 1] === 'half') return { value: 0.5, end: i + 2 };
  const vague = readVagueAmount(tokens, i);
  if (vague) return vague;
  const num = readNumber(tokens, i);
  if (num) {
    // "one and a half years"
    if (AND.has(tokens[num.end]!) && tokens[num.end + 1] === 'a' && tokens[num.end + 2] === 'half') return { value: num.value + 0.5, end: num.end + 3 };
    return num;
  }
  if (tok === 'a' || tok === 'an') return { value: 1, end: i + 1 };
  return null;
}

interface Found extends Reading {
  start: number;
  end: number;
  /** From a phrase like "last year" rather than an amount. */
  relative?: boolean;
  /** Counted from a date or an event ("since xmas"), which the patient may also count for us ("so 5 weeks now"). */
  dated?: boolean;
  /** A range whose ends fall in different bands ("a month or two"): in weeks, to name both when asking. */
  straddles?: readonly [number, number];
  /** How to name it when asking which was meant, when a number would put words in the patient's mouth ("years"). */
  named?: string;
}

/** "since feb, so 4 months": a count that restates the date; "years, but this flare since sunday" is two answers. */
const RESTATES = new Set(['so', 'thats', 'which', 'making', 'makes', 'now']);
const CONTRASTS = new Set(['but', 'or', 'either', 'though', 'although']);
/** "on and off for years, this lot about 10 days": the flare named against the long story, as a "but" would. */
const THIS_BOUT = lexicon<true>([[true, ['this lot', 'this time', 'this flare', 'this bout', 'this episode', 'this one', 'latest flare', 'this round']]]);

const CORRECTIONS = lexicon<true>([[true, ['sorry no', 'no sorry', 'sorry', 'i mean', 'actually', 'make that', 'no wait', 'wait']]]);

/** The bands of PRODUCT.md §3, for telling two answers apart. */
function durationBand(weeks: number): string {
  return weeks < 6 ? 'acute' : weeks <= 12 ? 'subacute' : 'chronic';
}

/** A length in plain words ("3 weeks", "4 months"), for saying back what was understood. */
export function describeWeeks(weeks: number): string {
  if (weeks < 1) {
    const days = Math.max(1, Math.round(weeks * 7));
    return `${days} day${days === 1 ? '' : 's'}`;
  }
  if (weeks < 8) return `${Math.round(weeks)} week${Math.round(weeks) === 1 ? '' : 's'}`;
  if (weeks < 104) return `${Math.round(weeks / MONTH)} months`;
  return `${Math.round(weeks / YEAR)} years`;
}

/** A quantity and its unit starting at i, with ranges ("2-3 weeks", "a week or two") read as the longer. */
function readAt(tokens: readonly string[], i: number): Found | null {
  const first = readQuantity(tokens, i);
  if (!first) return null;
  let value = first.value;
  let ranged = false;
  let j = first.end;

  const denominator = tokens[j] === '/' ? FRACTION_UNITS[tokens[j + 1] ?? ''] : undefined;
  // "C6/7", "L5/S1" are spinal levels, not 6/7 of a week.
  if (denominator !== undefined && isDigitToken(tokens[i]) && !['c', 'l', 't', 's'].includes(tokens[i - 1] ?? '')) return { weeks: value * denominator, start: i, end: j + 2 };

  let ends: [number, number] | null = null;
  if (RANGE_LINKS.has(tokens[j] ?? '')) {
    const second = readNumber(tokens, j + 1);
    if (second && unitAt(tokens[second.end])) {
      ends = [value, second.value];
      value = (value + second.value) / 2;
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
  // "I'm 45 years old" is an age and "30 wks pregnant" a pregnancy, not how long it has hurt.
  if (tokens[j + 1] === 'old' || tokens[i - 1] === 'aged' || tokens[i - 1] === 'age') return null;
  if (['pregnant', 'preg', 'gestation', 'along'].includes(tokens[j + 1] ?? '') || tokens[j + 2] === 'pregnant') return null;
  // Single letters are units only straight after digits ("3d", "2y"), never after words.
  if (unit.letter && !isDigitToken(tokens[i])) return null;
  // How often, not how long: "5 days a week", "3 times a week", "2 hrs per day".
  if (PER.has(tokens[j + 1] ?? '') && unitAt(tokens[j + 2])) return null;
  if ((tokens[i] === 'a' || tokens[i] === 'per' || tokens[i] === 'an') && OFTEN_BEFORE.has(tokens[i - 1] ?? '')) return null;
  let end = j + 1;
  if (AND.has(tokens[end]!) && tokens[end + 1] === 'a' && tokens[end + 2] === 'half') {
    value += 0.5;
    end += 3;
  } else if (AND.has(tokens[end]!) && tokens[end + 1] === 'half' && !HALF_OF.has(tokens[end + 2] ?? '')) {
    // "one month and half" (learners drop the "a"; "2 weeks and half the time its fine" is another half).
    value += 0.5;
    end += 2;
  } else if (RANGE_LINKS.has(tokens[end] ?? '')) {
    const more = readNumber(tokens, end + 1);
    if (more && !unitAt(tokens[more.end]) && more.value > value) {
      ends = [value, more.value];
      value = (value + more.value) / 2;
      ranged = true;
      end = more.end;
    }
  }
  const negative = tokens[i - 1] === 'minus' || (tokens[i - 1] === '-' && readNumber(tokens, i - 2) === null && !unitAt(tokens[i - 2]));
  const found: Found = { weeks: value * unit.weeks, start: i, end };
  if (ranged) found.note = 'the middle of that range';
  // Only "or" offers two answers; "2 to 3 months" is one span, read by its middle.
  if (ends && tokens.slice(i, end).includes('or') && durationBand(ends[0] * unit.weeks) !== durationBand(ends[1] * unit.weeks)) found.straddles = [ends[0] * unit.weeks, ends[1] * unit.weeks];
  // "under a week", "less than a month": a little short of the amount.
  const before = tokens[i - 1] === 'than' ? (tokens[i - 2] ?? '') : (tokens[i - 1] ?? '');
  // "under 3 weeks" is well under; "nearly 2 weeks" is close to it.
  if (['under', 'less', 'not'].includes(before)) found.weeks *= 0.7;
  else if (['almost', 'nearly'].includes(before)) found.weeks *= 0.9;
  if (negative) found.negative = true;
  return found;
}

/** "a week" after these is a rate: "3 times a week", "5 days a week", "2 sessions per week". */
const PER = new Set(['a', 'per', 'each', 'every', 'an']);
const OFTEN_BEFORE = new Set(['times', 'x', 'days', 'nights', 'sessions', 'hours', 'hrs', 'shifts', 'mornings', 'games', 'runs', 'km', 'kms', 'k', 'once', 'twice', 'classes']);

const round1 = (n: number): number => Math.round(n * 10) / 10;

/** No number at all, but plainly long: "ages", "donkey's years", "forever". */
const VAGUE_LONG = lexicon<number>([[2 * YEAR, [
  'ages', 'donkeys years', 'donkeys', 'forever', 'yonks', 'yrs', 'yrs and yrs', 'years and years', 'as long as i can remember', 'for ever', 'a long time', 'a long while',
  'since i was a teenager', 'since i was young', 'since i was a kid', 'since i was little', 'most of my adult life', 'all my life',
  'most of my life', 'my whole life',
]]]);

/** Days of the year patients date pain from (Australian; Easter, Cup Day and the Grand Final are near enough). */
const DATED_EVENTS: ReadonlyArray<readonly [string, number, number]> = [
  ['xmas', 11, 25], ['christmas', 11, 25], ['boxing day', 11, 26], ['new year', 0, 1], ['new years', 0, 1], ['australia day', 0, 26],
  ['valentines', 1, 14], ['easter', 3, 5], ['anzac day', 3, 25], ['mothers day', 4, 10], ['fathers day', 8, 6],
  ['grand final', 8, 26], ['footy grand final', 8, 26], ['cup day', 10, 3], ['melbourne cup', 10, 3], ['halloween', 9, 31],
  ['spring', 8, 1], ['summer', 11, 1], ['autumn', 2, 1], ['winter', 5, 1], ['school holidays', 6, 1], ['school hols', 6, 1],
  // The school holidays by season (late in the term's last month), and the footy season's start (mid March).
  ...['spring', 'september'].flatMap((s) => [`${s} holidays`, `${s} hols`, `${s} school holidays`, `${s} school hols`].map((n) => [n, 8, 26] as const)),
  ...['winter', 'july'].flatMap((s) => [`${s} holidays`, `${s} hols`, `${s} school holidays`, `${s} school hols`].map((n) => [n, 6, 1] as const)),
  ...['autumn', 'april', 'easter'].flatMap((s) => [`${s} holidays`, `${s} hols`, `${s} school holidays`, `${s} school hols`].map((n) => [n, 3, 5] as const)),
  ...['summer', 'christmas', 'xmas'].flatMap((s) => [`${s} holidays`, `${s} hols`, `${s} school holidays`, `${s} school hols`].map((n) => [n, 11, 19] as const)),
  ['footy season', 2, 15], ['the footy season', 2, 15], ['netball season', 3, 1], ['cricket season', 9, 1],
  // Festivals that move with the moon, at their 2026 dates (near enough for a duration band).
  ['chinese new year', 1, 17], ['lunar new year', 1, 17], ['tet', 1, 17], ['ramadan', 1, 18], ['eid', 2, 20], ['diwali', 10, 8],
];
/** A season that began only weeks ago: "since summer" on 2 December may mean last summer, so both are named. */
const SEASONS = new Set(['spring', 'summer', 'autumn', 'winter']);
const SEASON_JUST_BEGUN_WEEKS = 4;
const EVENTS = lexicon<readonly [number, number]>(DATED_EVENTS.map(([name, m, d]) => [[m, d] as const, [name]] as const));
/** How far after "since" a date may come: "since the accident in march", "since we moved house in july". */
const SINCE_REACH = 9;

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const WEEKDAY_SHORT: Readonly<Record<string, number>> = { sun: 0, mon: 1, tue: 2, tues: 2, wed: 3, thu: 4, thur: 4, thurs: 4, fri: 5, sat: 6 };
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_SHORT: Readonly<Record<string, number>> = { jan: 0, feb: 1, mar: 2, apr: 3, jun: 5, jul: 6, aug: 7, sep: 8, sept: 8, oct: 9, nov: 10, dec: 11 };
/** Words that start a date the pain has lasted since. */
const SINCE = new Set(['since', 'from', 'started', 'start', 'began', 'after']);
const MS_PER_WEEK = 7 * 24 * 3600 * 1000;

function weekdayOf(tok: string): number | null {
  const short = WEEKDAY_SHORT[tok];
  if (short !== undefined) return short;
  const k = WEEKDAYS.findIndex((d) => fitWord(tok, d) !== null || tok === `${d}s`);
  return k >= 0 ? k : null;
}

function monthOf(tok: string): number | null {
  const short = MONTH_SHORT[tok];
  if (short !== undefined) return short;
  const k = MONTHS.findIndex((m) => m !== 'may' && fitWord(tok, m) !== null);
  return k >= 0 ? k : null;
}

/** "may" is a month only where a date is plainly meant ("in may", "since may"). */
export function monthAt(tokens: readonly string[], j: number): number | null {
  const tok = tokens[j]!;
  if (tok === 'may') return ['in', 'since', 'of', 'early', 'mid', 'late', 'end'].includes(tokens[j - 1] ?? '') ? 4 : null;
  return monthOf(tok);
}

/** "sat just gone", "last friday arvo": the day with words that only say which one or when in it. */
const JUST_GONE = new Set(['just', 'gone', 'passed', 'arvo', 'morning', 'afternoon', 'night', 'evening']);

/**
 * "since tuesday", "since last tuesday", "since the weekend", "since march", "since 2019", "since xmas":
 * weeks from that date to the time of the answer (the turn's own time: the reading stays pure).
 */
function sinceDate(tokens: readonly string[], now: Date | null): Found | null {
  if (!now) return null;
  // A one- or two-word answer that is only a day ("friday", "last tuesday", "sat just gone") is a since too.
  const starts = tokens.filter((t) => !JUST_GONE.has(t)).length <= 2 ? [-1] : [];
  // "came on monday": the pain's start, like "since monday".
  // "on the 20th": the day it started.
  // "fell off my skateboard on tues", "hurt it on saturday": the day it happened (not "on mondays", a habit).
  const onADay = (i: number) => WEEKDAYS.includes(tokens[i + 1] ?? '') || WEEKDAY_SHORT[tokens[i + 1] ?? ''] !== undefined;
  tokens.forEach((t, i) => (SINCE.has(t) || (t === 'on' && (tokens[i - 1] === 'came' || tokens[i + 1] === 'the' || onADay(i)))) && starts.push(i));
  for (const i of starts) {
    for (let j = i + 1; j < tokens.length && j <= i + SINCE_REACH; j++) {
      const found = dateAt(tokens, i, j, now);
      if (found) return found;
    }
  }
  return null;
}

function dateAt(tokens: readonly string[], i: number, j: number, now: Date): Found | null {
  const at = (y: number, m: number, d: number): Found => ({ weeks: Math.max(0, (now.getTime() - Date.UTC(y, m, d)) / MS_PER_WEEK), start: Math.max(i, 0), end: j + 1 });
  const pastYear = (m: number, d: number) => (m < now.getUTCMonth() || (m === now.getUTCMonth() && d <= now.getUTCDate()) ? now.getUTCFullYear() : now.getUTCFullYear() - 1);
  const event = findAll(tokens.slice(j, j + 3), EVENTS)[0];
  if (event && event.start === 0) {
    const [m, d] = event.value;
    const found = at(pastYear(m, d), m, d);
    if (SEASONS.has(tokens[j]!) && event.end === 1 && found.weeks < SEASON_JUST_BEGUN_WEEKS) {
      // "since last summer": the one before this.
      return tokens[j - 1] === 'last' ? { ...found, weeks: found.weeks + YEAR } : { ...found, straddles: [found.weeks, found.weeks + YEAR] };
    }
    return found;
  }
  // "since the 20th": that day of this month, or of last month when it is still to come.
  if (tokens[j - 1] === 'the' && /^\d{1,2}$/.test(tokens[j] ?? '') && ORDINAL_ENDS.has(tokens[j + 1] ?? '') && tokens[j + 2] !== 'of' && (j + 2 >= tokens.length || monthAt(tokens, j + 2) === null)) {
    const d = Number(tokens[j]);
    // (Going back a month at a time to one that has the day: "since the 31st" on 5 March is 31 January.)
    for (let back = d <= now.getUTCDate() ? 0 : 1; d >= 1 && d <= 31 && back <= 2; back++) {
      const month = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1);
      const y = new Date(month).getUTCFullYear();
      const m = new Date(month).getUTCMonth();
      if (new Date(Date.UTC(y, m, d)).getUTCMonth() === m) return at(y, m, d);
    }
  }
  // "since 14/11": day and month.
  if (isDigitToken(tokens[j]) && tokens[j + 1] === '/' && isDigitToken(tokens[j + 2]) && Number(tokens[j]) <= 31 && Number(tokens[j + 2]) <= 12) {
    const d = Number(tokens[j]);
    const m = Number(tokens[j + 2]) - 1;
    return at(pastYear(m, d), m, d);
  }
  {
    const before = tokens[j - 1];
    // "last tuesday", "tuesday last week"; "the monday before last" is a week before that.
    const beforeLast = tokens[j + 1] === 'before' && tokens[j + 2] === 'last';
    const last = before === 'last' || (tokens[j + 1] === 'last' && tokens[j + 2] === 'week');
    const tok = tokens[j]!;
    const day = weekdayOf(tok);
    const today = now.getUTCDay();
    let daysAgo: number | null = null;
    if (day !== null) {
      daysAgo = (today - day + 7) % 7 || 7;
      // "last tuesday" on a Wednesday is the week before, not yesterday.
      const mondayBased = (today + 6) % 7;
      if (last && daysAgo <= mondayBased) daysAgo += 7;
      if (beforeLast) daysAgo += 7;
    } else if (tok === 'weekend' || tok === 'wkend') {
      // "since the long weekend", "the King's Birthday weekend": which one is anyone's guess, so ask.
      if (NAMED_WEEKEND.has(tokens[j - 1] ?? '')) return null;
      daysAgo = (today - 6 + 7) % 7 || 7;
    } else if (tok === 'xmas' || tok === 'christmas') {
      const xmas = Date.UTC(now.getUTCFullYear() - (now.getUTCMonth() === 11 && now.getUTCDate() >= 25 ? 0 : 1), 11, 25);
      return { weeks: (now.getTime() - xmas) / MS_PER_WEEK, start: i, end: j + 1 };
    } else if (monthAt(tokens, j) !== null && !(tok === 'mar' && tokens[j + 1] !== undefined && !/^\d/.test(tokens[j + 1]!))) {
      const m = monthAt(tokens, j)!;
      // "mid october", "end of march": the part of the month, else its first day.
      const part = tokens.slice(Math.max(0, j - 3), j);
      const d = dayOfMonth(tokens, j) ?? (part.includes('mid') ? 15 : part.includes('end') || part.includes('late') ? 28 : 1);
      const yearTok = tokens[j + 1];
      const year = yearTok && /^(19|20)\d\d$/.test(yearTok) ? Number(yearTok) : pastYear(m, d);
      return at(year, m, d);
    } else if (/^(19|20)\d\d$/.test(tok) && Number(tok) <= now.getUTCFullYear()) {
      // A year alone: from its middle, since nobody knows the day.
      return at(Number(tok), 6, 1);
    }
    if (daysAgo !== null) return { weeks: daysAgo * DAY, start: Math.max(i, 0), end: j + 1 };
  }
  return null;
}

const ORDINAL_ENDS = new Set(['st', 'nd', 'rd', 'th']);
/** The day said with the month at `j`: "the 14th of october", "14 oct", "october 14th". */
function dayOfMonth(tokens: readonly string[], j: number): number | null {
  const isDay = (k: number) => (/^\d{1,2}$/.test(tokens[k] ?? '') && Number(tokens[k]) >= 1 && Number(tokens[k]) <= 31 ? Number(tokens[k]) : null);
  let k = j - 1;
  if (tokens[k] === 'of') k--;
  if (ORDINAL_ENDS.has(tokens[k] ?? '')) k--;
  return isDay(k) ?? (/^(19|20)\d\d$/.test(tokens[j + 1] ?? '') ? null : isDay(j + 1));
}

/** "since I was 20, I'm 45 now", "since I was pregnant with my son, he's 3 now": the difference in years. */
function sinceAge(tokens: readonly string[]): Found | null {
  const since = tokens.indexOf('since');
  if (since < 0) return null;
  const nums = tokens.map((t, k) => ({ k, v: Number(t) })).filter((n) => n.k > since && /^\d+$/.test(tokens[n.k]!) && n.v < 110);
  // An age, not an amount: "he's 3 now", not "so bout 5 weeks now". A baby's age in months is one too, said
  // with "old" ("since bub was born, she's 4 months old now").
  const unitWeeks = (k: number) => unitAt(tokens[k + 1] ?? '')?.weeks ?? YEAR;
  const isAge = (k: number) => unitWeeks(k) >= YEAR || tokens[k + 2] === 'old';
  const nowAge = nums.find((n) => tokens.slice(n.k + 1, n.k + 4).includes('now') && isAge(n.k));
  if (!nowAge) return null;
  const thenAge = nums.find((n) => n.k < nowAge.k && ['was', 'aged', 'age'].includes(tokens[n.k - 1] ?? ''));
  const weeks = (thenAge ? nowAge.v - thenAge.v : nowAge.v) * unitWeeks(nowAge.k);
  return weeks > 0 ? { weeks, start: since, end: nowAge.k + 1 } : null;
}

/** `now`: the time of the answer (ISO), for dates ("since tuesday"); without it only amounts are read. */
/** Words around a bare number that leave it bare: "about 6", "6ish", "maybe 3?". */
const ROUGHLY = new Set(['about', 'around', 'roughly', 'maybe', 'like', 'ish', 'approx', 'prob', 'probably', '?', '.', '!']);
/** Words between a correction and its number: "no wait more like 5", "sorry its closer to 5". */
const CORRECTION_FILLERS = new Set(['more', 'its', 'was', 'closer', 'nearer', 'than', 'that', 'the', 'make', 'nearly', 'almost', 'about', 'like', 'prob', 'probably', 'maybe', 'more like']);

/** Words that make "weekend" a particular holiday one, not the last one. */
const NAMED_WEEKEND = new Set(['long', 'birthday', 'holiday', 'easter', 'labour', 'anzac', 'queens', 'kings', 'cup']);

const HALF_OF = new Set(['the', 'of', 'my', 'that', 'this']);

/** Two amounts joined by "and", the second in a smaller unit and less than one of the first: one length. */
function addedUp(tokens: readonly string[], pool: readonly Found[]): number | null {
  if (pool.length !== 2 || pool.some((f) => f.relative || f.dated)) return null;
  const [a, b] = [...pool].sort((x, y) => x.start - y.start) as [Found, Found];
  const between = tokens.slice(a.end, b.start);
  const first = unitAt(tokens[a.end - 1]);
  const second = unitAt(tokens[b.end - 1]);
  if (!first || !second || !(between.length === 1 && (between[0] === 'and' || between[0] === 'n' || between[0] === '&'))) return null;
  return second.weeks < first.weeks && b.weeks < first.weeks ? a.weeks + b.weeks : null;
}

/** "yr and a half", "bout month and a half": a unit opening the answer without its "a" is one of it. */
function withImpliedOne(tokens: string[]): string[] {
  let i = 0;
  while (i < tokens.length && (ROUGHLY.has(tokens[i]!) || tokens[i] === 'bout' || tokens[i] === 'abt' || tokens[i] === 'just' || tokens[i] === 'over')) i++;
  const unit = unitAt(tokens[i]);
  if (!unit || unit.letter || isPlural(tokens[i]!) || unit.weeks < DAY || tokens[i + 1] !== 'and') return tokens;
  return [...tokens.slice(0, i), 'a', ...tokens.slice(i)];
}

/** Words that leave a unit said alone as one of it: "a month", "bout a week", "just over a year". */
const ONE_OF = new Set(['a', 'an', 'one', 'bout', 'just', 'over', 'nearly', 'almost', 'under', 'only', 'abt']);

/** "two and a half", typed "two n a half" or "two & a half". */
const AND = new Set(['and', 'n', '&']);

export function parseDuration(text: string, now?: string): Understood<DurationAnswer> {
  return guarded(() => {
    if (isBlank(text)) return miss('empty');
    const said = clip(text).trim();
    const tokens = withImpliedOne(tokenise(text));
    const found: Found[] = findAll(tokens, RELATIVE).map((m) => ({ weeks: m.value, start: m.start, end: m.end, relative: true }));
    const when = now ? new Date(now) : null;
    const since = sinceAge(tokens) ?? sinceDate(tokens, when && !Number.isNaN(when.getTime()) ? when : null);
    if (since) found.push({ ...since, dated: true });
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
    // "for years", "months": no number given, so assume two and say so. Beside another length, only as "for
    // years" in a contrast ("on and off for years but this flare started tuesday"), which is then asked.
    const contrasted = tokens.some((t) => CONTRASTS.has(t)) || findAll(tokens, THIS_BOUT).length > 0;
    for (let i = 0; i < tokens.length && (found.length === 0 || contrasted); i++) {
      const unit = unitAt(tokens[i]);
      if (!unit || !isPlural(tokens[i]!) || unit.letter || unit.weeks < DAY || taken.has(i)) continue;
      if (found.length > 0 && tokens[i - 1] !== 'for') continue;
      // ("5 days a week" is how often.)
      if (PER.has(tokens[i + 1] ?? '') && unitAt(tokens[i + 2])) continue;
      found.push({ weeks: 2 * unit.weeks, start: i, end: i + 1, note: `${unit.name}s as about 2 ${unit.name}s`, named: `${unit.name}s` });
      break;
    }
    if (found.length === 0) {
      // "month", "bout a week": a unit said alone is one of it.
      const words = tokens.filter((t) => !ROUGHLY.has(t) && !ONE_OF.has(t));
      const unit = words.length === 1 && !isPlural(words[0]!) ? unitAt(words[0]) : undefined;
      if (unit && !unit.letter && unit.weeks >= DAY) return ok({ weeks: round1(unit.weeks), text: said });
    }
    if (found.length === 0) {
      const vague = findAll(tokens, VAGUE_LONG)[0];
      if (vague) found.push({ weeks: vague.value, start: vague.start, end: vague.end, note: 'a long time as about 2 years' });
    }
    if (found.length === 0) {
      // "6", "about 3": a number without its unit. Ask which, naming the units, rather than "did not catch that".
      // Not a year ("since 2019") and not "a 7", which reads as a pain score.
      const bare = tokens.filter((t) => !ROUGHLY.has(t));
      const n = bare.length === 1 ? readNumber(bare, 0) : null;
      return n && n.value > 0 && n.value < 100 ? miss('not_understood', `no_unit:${n.value}`) : miss('not_understood');
    }
    if (found.some((f) => f.negative)) return miss('out_of_range');
    // "a month or two": one end acute, the other not. The band changes the plan, so ask, naming both.
    const straddling = found.find((f) => f.straddles);
    if (straddling?.straddles) return miss('ambiguous', `${describeWeeks(straddling.straddles[0])} or ${describeWeeks(straddling.straddles[1])}`);
    // "2 weeks, sorry no, 3": after a correction, the corrected amount (in the unit already given).
    const correction = findAll(tokens, CORRECTIONS).at(-1);
    if (correction && found.some((f) => f.start < correction.start)) {
      const after = found.filter((f) => f.start >= correction.end);
      let k = correction.end;
      // Past punctuation and hedges: "no wait more like 5", "sorry, prob closer to 5".
      while (k < tokens.length && !readNumber(tokens, k) && (!/^[a-z]{3,}$/.test(tokens[k]!) || ROUGHLY.has(tokens[k]!) || CORRECTION_FILLERS.has(tokens[k]!))) k++;
      const bare = readNumber(tokens, k);
      const unitBefore = found.filter((f) => f.start < correction.start).at(-1)!;
      if (after.length > 0) return ok({ weeks: round1(after[0]!.weeks), text: said });
      if (bare) {
        const unit = unitAt(tokens[unitBefore.end - 1]);
        if (unit) return ok({ weeks: round1(bare.value * unit.weeks), text: said });
      }
    }
    // A stated amount beats a relative phrase about something else ("6 weeks, but I had the same last year").
    // "since xmas, so bout 5 weeks now": the patient's own count beats ours from the date, whose year we guess.
    const explicit = found.filter((f) => !f.relative);
    const counted = explicit.filter((f) => !f.dated);
    const restated = counted.length > 0 && counted.length < explicit.length && !tokens.some((t) => CONTRASTS.has(t)) && tokens.some((t) => RESTATES.has(t));
    const pool = restated ? counted : explicit.length > 0 ? explicit : found;
    // "started around 18 wks so about 6 wks now": the length the patient concludes with is the answer.
    const concluded = pool.filter((f) => tokens.slice(Math.max(0, f.start - 3), f.start).includes('so') && tokens.slice(f.end, f.end + 2).includes('now'));
    if (concluded.length === 1 && pool.length > 1) return ok({ weeks: round1(concluded[0]!.weeks), text: said });
    // "a month and 2 weeks", "1 year and 3 months": one length said in two units, added up.
    const compound = addedUp(tokens, pool);
    if (compound !== null) return ok({ weeks: round1(compound), text: said });
    // Two lengths in different bands ("years, but this flare started on the weekend"): ask, naming them.
    const bands = new Set(pool.map((f) => durationBand(f.weeks)));
    if (bands.size > 1 && (tokens.some((t) => t === 'but' || t === 'or' || t === 'either') || findAll(tokens, THIS_BOUT).length > 0)) {
      const [a, b] = [...pool].sort((x, y) => x.start - y.start);
      const name = (f: Found) => f.named ?? describeWeeks(f.weeks);
      return miss('ambiguous', `${name(a!)} or ${name(b!)}`);
    }
    const longest = pool.reduce((a, b) => (b.weeks > a.weeks ? b : a));
    if (longest.weeks > MAX_WEEKS) return miss('out_of_range');
    const distinct = new Set(pool.map((f) => round1(f.weeks)));
    const note = distinct.size > 1 ? 'the longest of those' : longest.note;
    return ok({ weeks: round1(longest.weeks), text: said }, note);
  });
}
