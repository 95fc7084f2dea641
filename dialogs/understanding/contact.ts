// Contact details from one line: "Sam Lee 0412 345 678", "I'm Priya, priya@example.com",
// "call me on +61 2 9876 5432 after 5pm, Jo". Works on the original text: names and emails keep their case.
import { z } from 'zod';
import { findAll, lexicon } from './phrases.js';
import { guarded, miss, ok } from './result.js';
import { clip, isBlank, tokenise } from './text.js';
import type { ContactAnswer, Understood } from './types.js';

const SKIP = lexicon<true>([
  [
    true,
    [
      'no thanks', 'no thank you', 'skip', 'skip it', 'skip this', 'no', 'nope', 'nah', 'rather not', 'id rather not', 'not now',
      'dont want to', 'i dont want to', 'pass', 'no need', 'not needed', 'leave it', 'none', 'not today', 'no contact', 'prefer not',
      'id prefer not', 'not interested', 'its ok', 'its fine', 'ill ring', 'ill call', 'i will call', 'ill book', 'ill book online',
      'ill call you', 'ill phone', 'ill ring you', 'dont call', 'no ta', 'nah ta', 'all good', 'im good', 'not necessary', 'ill do it myself',
      'ill contact', 'ill be in touch', 'i will book', 'dont contact me', 'dont contact', 'please dont contact', 'ill email',
      'ill email them', 'ill email you', 'i will email', 'ill just email', 'ill text', 'ill text you',
    ],
  ],
]);

/** Between two numbers, the second corrects the first. */
const CORRECTION = /\b(?:wait|sorry|i mean|i meant|actually|correction|oops|typo|make that|scratch that)\b/i;

const Email = z.email();
/** The contract needs a name; this says plainly that the patient gave none. */
export const NAME_NOT_GIVEN = '(name not given)';
/** E.164 allows 15 digits; fewer than 8 is not a number anyone can be called back on. */
const MIN_PHONE_DIGITS = 8;
const MAX_PHONE_DIGITS = 15;
const MAX_NAME_WORDS = 4;
const MAX_NAME_CHARS = 60;

interface Piece {
  start: number;
  end: number;
  text: string;
}

function findEmail(s: string): { valid?: Piece; invalid: boolean } {
  const re = /[^\s@<>(),;:"']+@[^\s@<>(),;:"']+/g;
  let invalid = false;
  for (let m = re.exec(s); m !== null; m = re.exec(s)) {
    const textTrimmed = m[0].replace(/[.!?]+$/, '');
    if (Email.safeParse(textTrimmed).success) return { valid: { start: m.index, end: m.index + textTrimmed.length, text: textTrimmed }, invalid };
    invalid = true;
  }
  return { invalid };
}

const PHONE_CHARS = /[\d ().\-\u00a0]/;

/** A number anyone can be called back on: E.164's 15 digits at most, 8 at least. */
function isPhoneLength(digits: number): boolean {
  return digits >= MIN_PHONE_DIGITS && digits <= MAX_PHONE_DIGITS;
}

/** A number typed or sent by the card that can be called back: 8–15 digits, and an Australian mobile of its length. */
export function isCallable(phone: string): boolean {
  const digits = phone.replace(/\D/g, '');
  return /^[+\d\s().-]+$/.test(phone) && isPhoneLength(digits.length) && isMobileLength(phone.trim(), digits);
}

/** An Australian mobile (04…, or +61 4…) has 10 digits, 11 with the country code in place of the 0. */
function isMobileLength(phone: string, digits: string): boolean {
  if (digits.startsWith('04')) return digits.length === 10;
  if (phone.startsWith('+') && digits.startsWith('614')) return digits.length === 11;
  return true;
}

/** "tom at tomsplumbing dot com dot au" is tom@tomsplumbing.com.au: an email said as words. */
// ("email me at tom dot smith at gmail dot com": "me", "us" and the like are never the name before the @.)
const SPOKEN_EMAIL = /\b(?!(?:me|us|him|her|them|you)\b)([a-z0-9][a-z0-9._+-]*(?:\s+dot\s+[a-z0-9._+-]+)*)\s+at\s+([a-z0-9-]+(?:\s+dot\s+[a-z0-9-]+)+)\b/gi;
const dots = (words: string) => words.replace(/\s+dot\s+/gi, '.');
function spokenEmail(s: string): string {
  return s.replace(SPOKEN_EMAIL, (_, user: string, domain: string) => `${dots(user)}@${dots(domain)}`);
}

/** A phone number: digits with the spaces, brackets, dots and dashes people type, 8–15 digits. */
function findPhone(s: string): Piece | undefined {
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    const startsHere = /\d/.test(c) || ((c === '+' || c === '(') && /\d/.test(s[i + 1] ?? '')) || (c === '(' && s[i + 1] === '+');
    if (!startsHere || (i > 0 && /[\p{L}\d]/u.test(s[i - 1]!))) continue;
    let j = i + 1;
    while (j < s.length && (PHONE_CHARS.test(s[j]!) || (s[j] === '+' && s[j - 1] === '('))) j++;
    let end = j;
    while (end > i && !/\d/.test(s[end - 1]!)) end--;
    const raw = s.slice(i, end);
    const digits = raw.replace(/\D/g, '').length;
    // A letter straight after the digits ("5pm", "3rd") makes them something else.
    if (isPhoneLength(digits) && !/\p{L}/u.test(s[end] ?? '')) {
      const text = raw.replace(/\s+/g, ' ').trim();
      const closedBrackets = (text.match(/\(/g) ?? []).length === (text.match(/\)/g) ?? []).length;
      return { start: i, end, text: closedBrackets ? text : text.replace(/[()]/g, '').replace(/\s+/g, ' ').trim() };
    }
    i = j - 1;
  }
  return undefined;
}

const TIME_ANCHORS = new Set([
  'morning', 'mornings', 'afternoon', 'afternoons', 'arvo', 'arvos', 'evening', 'evenings', 'night', 'nights', 'tonight',
  'weekday', 'weekdays', 'weekend', 'weekends', 'monday', 'mondays', 'tuesday', 'tuesdays', 'wednesday', 'wednesdays',
  'thursday', 'thursdays', 'friday', 'fridays', 'saturday', 'saturdays', 'sunday', 'sundays', 'mon', 'tue', 'tues', 'wed',
  'thu', 'thur', 'thurs', 'fri', 'anytime', 'lunchtime', 'lunch', 'noon', 'midday', 'today', 'tomorrow', 'am', 'pm', 'a.m.',
  'p.m.', 'oclock', "o'clock", 'business', 'work',
]);
const TIME_LINKS = new Set([
  'after', 'before', 'between', 'around', 'from', 'to', 'until', 'till', 'til', 'and', 'or', 'on', 'in', 'at', 'the', 'any',
  'time', 'times', 'best', 'only', 'ish', '-', 'except', 'not', 'hours', 'a', 'during', 'after-work', 'or', 'early', 'late',
  'mid', 'is', 'are', 'preferably', 'ideally',
]);
const TIME_STARTERS = new Set(['after', 'before', 'between', 'around', 'from', 'until', 'till', 'at']);
const TIME_TRIM = new Set(['and', 'or', 'on', 'in', 'at', 'the', 'best', 'only', 'to', 'is', 'are', 'a', '-', 'not', 'except', 'preferably', 'ideally']);
const CLOCK = /^\d{1,2}([:.]\d{2})?(am|pm|a\.m\.|p\.m\.)?$/;

interface Word {
  start: number;
  end: number;
  core: string;
}

function words(s: string): Word[] {
  const out: Word[] = [];
  const re = /\S+/g;
  for (let m = re.exec(s); m !== null && out.length < 400; m = re.exec(s)) {
    const lead = m[0].match(/^[("'[]*/)![0].length;
    const trail = m[0].match(/[)"'\],.;:!?]*$/)![0].length;
    const start = m.index + lead;
    const end = Math.max(start, m.index + m[0].length - trail);
    out.push({ start, end, core: s.slice(start, end).toLowerCase() });
  }
  return out;
}

function findTimes(s: string, ws: readonly Word[]): Piece | undefined {
  const isTime = (w: Word): boolean => TIME_ANCHORS.has(w.core) || TIME_LINKS.has(w.core) || CLOCK.test(w.core);
  for (let i = 0; i < ws.length; i++) {
    if (!isTime(ws[i]!)) continue;
    let j = i;
    // A comma or full stop after a word ends the times ("after 5pm, Jo").
    while (j + 1 < ws.length && isTime(ws[j + 1]!) && !/[,;.!?]$/.test(s.slice(ws[j]!.start, ws[j + 1]!.start).trim())) j++;
    let a = i;
    let b = j;
    while (a <= b && TIME_TRIM.has(ws[a]!.core) && !TIME_STARTERS.has(ws[a]!.core)) a++;
    while (b >= a && TIME_TRIM.has(ws[b]!.core)) b--;
    const run = ws.slice(a, b + 1);
    const anchored =
      run.some((w) => TIME_ANCHORS.has(w.core) || /(am|pm|a\.m\.|p\.m\.)$/.test(w.core)) ||
      run.some((w, k) => TIME_STARTERS.has(w.core) && run[k + 1] !== undefined && CLOCK.test(run[k + 1]!.core)) ||
      run.some((w, k) => w.core === 'any' && run[k + 1]?.core === 'time');
    if (run.length > 0 && anchored) return { start: run[0]!.start, end: run[run.length - 1]!.end, text: s.slice(run[0]!.start, run[run.length - 1]!.end).replace(/\s+/g, ' ') };
    i = j;
  }
  return undefined;
}

// Words around contact details that are never part of a name.
const NOT_NAME = new Set(
  (
    'call me on at text email e-mail mail my number is phone mobile mob ph tel cell and please pls thanks thank you contact reach ' +
    'best its it i im am the this can could or via by to hi hello hey yes yeah sure ok okay name names details here are is ' +
    'number: address on: me: a an free available happy fine good keen busy around usually home working not no be would like ' +
    'prefer preferred times time get hold of ring give bell buzz if need any anytime whenever also just so then best: we you: ' +
    'reach: dont do ever number. contactable try either both fine. mine our your his her their from of for with in as after ' +
    'before between morning mornings evening evenings afternoon afternoons weekends weekdays tomorrow today sms message msg ' +
    'whatsapp landline home: work: called go by goes known let know back later sometime soon cheers regards yep nope skip ' +
    'wait sorry oops actually mean meant correction typo'
  ).split(' '),
);
const NAME_WORD = /^[\p{L}][\p{L}'’.-]*$/u;
const NAME_MARKER = /\b(?:my name is|my names|my name's|name is|names|name's|name|i am|i'm|im|this is|it's|its|call me|i'm called|called|ask for)\s*[:,-]?\s*$/iu;

function findName(s: string, ws: readonly Word[], taken: readonly Piece[]): string | undefined {
  const free = ws.filter((w) => !taken.some((p) => w.start < p.end && w.end > p.start));
  const isNameWord = (w: Word): boolean => NAME_WORD.test(s.slice(w.start, w.end)) && !NOT_NAME.has(w.core.replace(/['’]/g, '')) && w.core.length <= 30;

  // Runs of name-like words next to each other in the original text.
  const runs: Word[][] = [];
  let current: Word[] = [];
  free.forEach((w, k) => {
    const prev = current[current.length - 1];
    const adjacent = prev !== undefined && free[k - 1] === prev && !/[,;!?\n@¶]|\.\s/.test(s.slice(prev.end, w.start));
    if (isNameWord(w) && (current.length === 0 || adjacent) && current.length < MAX_NAME_WORDS) current.push(w);
    else {
      if (current.length) runs.push(current);
      current = isNameWord(w) ? [w] : [];
    }
  });
  if (current.length) runs.push(current);
  if (runs.length === 0) return undefined;

  const capitalised = (run: Word[]): boolean => run.some((w) => /^\p{Lu}/u.test(s.slice(w.start, w.end)));
  const introduced = runs.find((run) => NAME_MARKER.test(s.slice(0, run[0]!.start)));
  const pick = introduced ?? runs.find(capitalised) ?? runs[0]!;
  const name = s.slice(pick[0]!.start, pick[pick.length - 1]!.end).replace(/\s+/g, ' ').replace(/[.]+$/, '').trim();
  return name.length > 0 && name.length <= MAX_NAME_CHARS ? name : undefined;
}

/** The pieces of a contact answer: the text they index, an email, a phone, preferred times and a name. */
function readPieces(text: string) {
  const s = spokenEmail(
    clip(text)
      .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
      .replace(/[\u2018\u2019]/g, "'"),
  );
  const email = findEmail(s);
  const taken: Piece[] = [];
  if (email.valid) taken.push(email.valid);
  const blanked = (src: string): string => {
    let out = src;
    for (const p of taken) out = out.slice(0, p.start) + '¶'.repeat(p.end - p.start) + out.slice(p.end);
    return out;
  };
  let phone = findPhone(blanked(s));
  if (phone) {
    taken.push(phone);
    // "0412 345 678 no wait 0412 345 687": the number after a correction replaces the one before it.
    const next = findPhone(blanked(s));
    if (next && CORRECTION.test(s.slice(phone.end, next.start))) {
      taken.push(next);
      phone = next;
    }
  }
  // Blanked copies keep positions, so pieces found in them index the original text too.
  const withoutNumbers = blanked(s);
  const ws = words(withoutNumbers).filter((w) => !w.core.includes('¶'));
  const times = findTimes(withoutNumbers, ws);
  if (times) taken.push(times);
  const name = findName(blanked(s), ws, taken);
  return { s, email, phone, times, name };
}

/**
 * The name in a contact answer whose number or email was mistyped ("dave 0412 555 01"), kept for the next try;
 * `read` is that answer's own reading. Only then: "not right now" or "hmm" gave no contact at all, and their
 * words are no name.
 */
export function nameSaid(text: string, read: Understood<ContactAnswer>): string | undefined {
  if (read.ok || (read.detail !== 'mobile_digits' && read.detail !== 'email_invalid')) return undefined;
  return readPieces(text).name;
}

export function parseContact(text: string): Understood<ContactAnswer> {
  return guarded(() => {
    if (isBlank(text)) return miss('empty');
    const { s, email, phone, times, name } = readPieces(text);
    if (!email.valid && !phone) {
      if (findAll(tokenise(s), SKIP).length > 0) return ok({ kind: 'skip' });
      if (email.invalid) return miss('not_understood', 'email_invalid');
      if (name) return miss('not_understood', 'phone_or_email_missing');
      return miss('not_understood');
    }
    // "0400 111 22": an Australian mobile with a digit missing or extra cannot be called; ask for it again.
    if (phone && !isCallable(phone.text)) return miss('not_understood', 'mobile_digits');
    // A number or email alone is still a way to reach the patient: kept, with the name marked as not given.
    const answer: ContactAnswer = { kind: 'contact', name: name ?? NAME_NOT_GIVEN };
    if (phone) answer.phone = phone.text;
    if (email.valid) answer.email = email.valid.text;
    if (times) answer.preferredTimes = times.text;
    return ok(answer);
  });
}
