// Precautions for hands-on and dry-needling work: pregnancy, blood thinners, recent surgery, fear of
// moving, osteoporosis. Mentions go through ConText (assertions.ts): "my wife is pregnant", "used to be
// on warfarin" and "knee surgery 2 years ago" are not the patient's precautions now.
import type { FlagCode } from '../vocabulary.js';
import { assert } from './assertions.js';
import { listNumbers } from './listItems.js';
import { FULL_STOPS, findAll, lexicon, sentenceIds, type Span } from './phrases.js';
import { guarded, miss, ok } from './result.js';
import { monthAt } from './duration.js';
import { readNumber } from './numbers.js';
import { isBlank, isDigitToken, tokenise } from './text.js';
import type { Understood } from './types.js';

type PrecautionWord = FlagCode | 'not_a_precaution';

const LEXICON = lexicon<PrecautionWord>([
  ['pregnancy', [
    'pregnant', 'pregnancy', 'expecting', 'expecting a baby', 'weeks pregnant', 'with child', 'trimester', 'preggers', 'preggo',
    'bun in the oven', 'due date', 'baby on the way', 'im due', 'due in',
    // Plain and learner's words: "having a baby", "baby coming in march".
    'having a baby', 'baby coming', 'baby is coming', 'baby due', 'carrying a baby',
    // Might be: "we're trying and my period's late", "had an embryo transfer last week".
    'period is late', 'periods late', 'period late', 'late period', 'missed my period', 'missed period', 'embryo transfer', 'ivf',

  ]],
  ['blood_thinners', [
    'blood thinners', 'blood thinner', 'blood thinning', 'thinners', 'thin my blood', 'warfarin', 'coumadin', 'marevan', 'apixaban',
    'eliquis', 'xarelto', 'rivaroxaban', 'clopidogrel', 'plavix', 'anticoagulant', 'anticoagulants', 'anti coagulant',
    'heparin', 'clexane', 'enoxaparin', 'dabigatran', 'pradaxa', 'ticagrelor', 'brilinta', 'antiplatelet', 'aspirin', 'cartia',
    'cardiprin', 'astrix', 'aspro', 'iscover',
    // "blood thin medicine", "medicine for thin the blood".
    'blood thin', 'thin the blood', 'thin blood', 'thins my blood', 'thins the blood', 'thinning my blood', 'thinning the blood',
  ]],
  ['recent_surgery', [
    'surgery', 'surgeries', 'operation', 'operations', 'had an op', 'op', 'operated', 'operated on', 'knee replacement',
    'hip replacement', 'joint replacement', 'shoulder replacement', 'replacement', 'replaced', 'keyhole', 'arthroscopy', 'c section',
    'caesarean', 'cesarean', 'caesar', 'by caesar', 'c sect', 'post op', 'spinal fusion', 'fusion', 'stitches', 'surgeon', 'reconstruction', 'scope', 'scoped',
    'laminectomy', 'discectomy', 'acl repair', 'repair', 'repaired', 'removed', 'taken out', 'put in', 'bypass', 'stent',
    'pacemaker', 'gallbladder out', 'appendix out', 'wisdom teeth out', 'tonsils out', 'hysterectomy', 'procedure',
    // "had my hip done": an operation on that part.
    'hip done', 'hips done', 'knee done', 'knees done', 'shoulder done', 'back done', 'neck done', 'wrist done', 'hand done',
    'ankle done', 'foot done', 'bunion done', 'bunions done', 'carpal tunnel done', 'carpal tunnel release', 'release',
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
    'bones are thin', 'bones are weak', 'bones are brittle', 'thinning bones', 'thinning of the bones',
    // Unsure of the bones is asked about: "not sure about my bones".
    'about my bones',
    // Items named by a word of their line: "the bones one and the blood thinner one".
    'bones one', 'bone one', 'bones thing', 'bone thing',
  ]],
  ['not_a_precaution', [
    'expecting it', 'expecting that', 'no worries', 'not worried', 'dont worry', 'not scared', 'not afraid', 'fell pregnant with',
    'when i was pregnant', 'since i was pregnant', 'was pregnant', 'bubs', 'my bub', 'after my pregnancy', 'osteoarthritis', 'osteopath', 'osteo arthritis',
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

/**
 * Said unsure of the item itself ("maybe thin bones? never had a scan", "not sure if my tablets are blood
 * thinners", "maybe 4? not sure"): a clinician asks rather than ticks it or drops it.
 */
const UNSURE = lexicon<true>([[true, [
  'maybe', 'not sure', 'unsure', 'dunno', 'dont know', 'not certain', 'no idea', 'possibly', 'might be', 'could be',
  // "fish oil, does that count as a blood thinner?": the item is the patient's question, not their answer.
  'count as', 'counts as', 'class as', 'classed as',
]]]);

/** "i'm 8 weeks", "34 wks along": at this question, weeks with nothing else named are a pregnancy's. */
const WEEK_UNITS = new Set(['weeks', 'week', 'wks', 'wk', 'w']);
function weeksAlong(tokens: readonly string[]): Span | null {
  for (let i = 0; i + 1 < tokens.length; i++) {
    const n = readNumber(tokens, i);
    if (!n || !WEEK_UNITS.has(tokens[n.end] ?? '')) continue;
    // "3 weeks ago", "for 2 weeks", "in 6 weeks": a time, not how far along.
    if (['ago', 'back', 'since', 'time'].includes(tokens[n.end + 1] ?? '') || ['for', 'in', 'last', 'past', 'about'].includes(tokens[i - 1] ?? '')) continue;
    return { start: i, end: n.end + 1 };
  }
  return null;
}

/** Surgery "in july": how many months before this one, to keep to the list's 3 months. */
const MONTH_LEADS = new Set(['in', 'since', 'early', 'mid', 'late', 'end', 'of', 'back']);
function monthsAgo(tokens: readonly string[], now: Date): number | null {
  for (let i = 1; i < tokens.length; i++) {
    const m = MONTH_LEADS.has(tokens[i - 1]!) ? monthAt(tokens, i) : null;
    if (m !== null) return (now.getUTCMonth() - m + 12) % 12;
    // "back in 2019": at the latest that December.
    const year = /^(19|20)\d\d$/.test(tokens[i]!) && (MONTH_LEADS.has(tokens[i - 1]!) || tokens[i - 1] === 'was') ? Number(tokens[i]) : null;
    if (year !== null && year < now.getUTCFullYear()) return (now.getUTCFullYear() - year) * 12 + now.getUTCMonth() - 11;
  }
  return null;
}

/**
 * An operation's date: the one in its own sentence when that has one ("had the knee scoped 3 weeks ago. gallbladder
 * out back in 2015"), otherwise the message's. `recent`: dated within weeks; `monthsBack`: by month or year.
 */
function surgeryDate(tokens: readonly string[], at: number, now: Date | null): { recent: boolean; monthsBack: number | null } {
  const ids = sentenceIds(tokens, FULL_STOPS);
  const own = tokens.filter((_, i) => ids[i] === ids[at]);
  const ownMonths = now ? monthsAgo(own, now) : null;
  if (recentlyDated(own)) return { recent: true, monthsBack: ownMonths };
  if (ownMonths !== null) return { recent: false, monthsBack: ownMonths };
  return { recent: recentlyDated(tokens), monthsBack: now ? monthsAgo(tokens, now) : null };
}

const AS_A_CHILD = /\bwhen i was (\d+|a kid|little|young|a child|a teenager)\b/;
/** The words of the clause holding token `at`: to a comma, a full stop, "but" or "and". */
function clauseOf(tokens: readonly string[], at: number): string {
  let from = at;
  while (from > 0 && !CLAUSE_BREAKS.has(tokens[from - 1]!) && tokens[from - 1] !== ',') from--;
  let to = at;
  while (to < tokens.length && !CLAUSE_BREAKS.has(tokens[to]!) && tokens[to] !== ',') to++;
  return tokens.slice(from, to).join(' ');
}
const ALL = lexicon<true>([[true, ['all of them', 'all of these', 'all of the above', 'yes to all', 'all apply', 'everything']]]);

/** "yes to all lol jk none": what comes after the last take-back is the answer. */
const TAKE_BACK = lexicon<true>([[true, ['jk', 'just kidding', 'kidding', 'no wait', 'oh wait', 'actually', 'sorry', 'i mean']]]);

/** An answer opening with these says no to the list; a yes after an item asked back takes it. */
const NO_FIRST = new Set(['no', 'nah', 'nope', 'na', 'none']);
const YES_AFTER = new Set(['yes', 'yeah', 'yep', 'yup', 'ya']);

/**
 * `now`: the turn's time (ISO), for surgery dated by month; without it only "N weeks ago" dates it.
 * `weeksArePregnancy`: at the precautions question "i'm 8 weeks" is a pregnancy; elsewhere ("been 3 weeks now" at the
 * safety checklist) weeks are how long.
 */
export function parsePrecautions(text: string, offered: readonly FlagCode[] = [], now?: string, weeksArePregnancy = true): Understood<FlagCode[]> {
  return guarded(() => {
    if (isBlank(text)) return miss('empty');
    let tokens = tokenise(text);
    const takeBack = findAll(tokens, TAKE_BACK).at(-1);
    if (takeBack && takeBack.start > 0 && takeBack.end < tokens.length) tokens = tokens.slice(takeBack.end);
    const found = findAll(tokens, LEXICON);
    const props = assert(tokens, found);
    const numbered = itemNumbers(tokens, offered);
    if (numbered === null) return miss('out_of_range');
    const unsure = findAll(tokens, UNSURE);
    // "2 or 5 not sure which", "maybe 4?": numbers said unsure are not ticked.
    if (numbered.length > 0 && (unsure.length > 0 || (numbered.length > 1 && tokens.includes('or')))) return miss('ambiguous', 'unsure');
    const codes: FlagCode[] = [...numbered];
    // Said before the item ("maybe thin bones"), or straight after it ("my bones could be thin?").
    const hedged = (m: Span) => unsure.some((u) => (u.end <= m.start && sameClause(tokens, u.end, m.start)) || (u.start >= m.end && u.start - m.end <= 1));
    let doubted = false;
    found.forEach((m, k) => {
      const p = props[k]!;
      if (m.value === 'not_a_precaution' || p.other || codes.includes(m.value)) return;
      // "no. pregnant?? im 79 love haha": the item asked back after a no is not ticked ("no. blood thinners? yes im on them" is).
      if (tokens[m.end] === '?' && NO_FIRST.has(tokens[0]!) && !tokens.slice(m.end).some((t) => YES_AFTER.has(t))) return;
      // "Plavix for the heart stent": what a medicine is for names no operation of late ("on crutches for my knee reconstruction" does).
      const forAMedicine = found.some((o) => o.value === 'blood_thinners' && o.end <= m.start) && [1, 2, 3].some((back) => tokens[m.start - back] === 'for');
      if (m.value === 'recent_surgery' && forAMedicine && !recentlyDated(tokens)) return;
      // Maybe pregnant is treated as pregnant (the safe reading for hands-on work); any other item said unsure is asked again.
      if (m.value !== 'pregnancy' && hedged(m)) {
        doubted = true;
        return;
      }
      if (p.negated) return;
      if (m.value === 'fear_of_movement' && worriedAboutSomethingElse(tokens, m)) return;
      if (p.hypothetical && !(m.value === 'pregnancy' && hedged(m))) return;
      const date = m.value === 'recent_surgery' ? surgeryDate(tokens, m.start, now ? new Date(now) : null) : null;
      // "2 years ago" makes surgery old; "3 weeks ago" keeps it recent, and so does a plain mention.
      if (p.historical && !date?.recent && m.value !== 'osteoporosis') return;
      // "gallbladder out in july": more than three months before this month is not recent.
      if (date && date.monthsBack !== null && date.monthsBack > 3) return;
      // "appendix out when I was 12": an age then, long ago (in the surgery's own clause).
      if (m.value === 'recent_surgery' && AS_A_CHILD.test(clauseOf(tokens, m.start))) return;
      codes.push(m.value);
    });
    const along = weeksArePregnancy && codes.length === 0 && found.every((m) => m.value !== 'recent_surgery') ? weeksAlong(tokens) : null;
    if (along && !assert(tokens, [along])[0]!.negated) codes.push('pregnancy');
    if (doubted && codes.length === 0) return miss('ambiguous', 'unsure');
    if (codes.length > 0) return ok([...new Set(codes)]);
    const all = findAll(tokens, ALL);
    if (all.length > 0 && !assert(tokens, all)[0]!.negated) return miss('ambiguous', 'all');
    // A negated, past or someone else's precaution ("not pregnant") answers the question as clearly as "none".
    if (found.length > 0 || findAll(tokens, NOTHING).length > 0) return ok([]);
    return miss('not_understood');
  });
}

/**
 * "I did get a bit worried about the headaches", "scared of needles": a worry about something other than moving
 * is not the fear that moving will make it worse ("worried about moving", "scared of making it worse" are).
 */
const WORRY_OBJECT = new Set(['about', 'of', 'that']);
const MOVING_WORDS = new Set(['move', 'moving', 'movement', 'movements', 'exercise', 'exercising', 'worse', 'hurt', 'hurting', 'injure', 'injuring', 'damage', 'active', 'activity', 'bend', 'bending', 'lift', 'lifting', 'walk', 'walking', 'run', 'running', 'gym', 'stretch', 'stretching', 'massage', 'treatment', 'pain', 'flare', 'flaring', 'crack', 'cracking', 'snap', 'snapping', 'break', 'breaking', 'tear', 'tearing', 'more', 'it', 'doing']);
function worriedAboutSomethingElse(tokens: readonly string[], m: Span): boolean {
  // Only a worry word alone ("worried", "scared"): "scared to move it" says what of.
  if (m.end - m.start !== 1 || !WORRY_OBJECT.has(tokens[m.end] ?? '')) return false;
  const object = tokens.slice(m.end + 1, m.end + 6);
  const end = object.findIndex((t) => CLAUSE_BREAKS.has(t) || t === ',');
  return !(end < 0 ? object : object.slice(0, end)).some((t) => MOVING_WORDS.has(t));
}

const CLAUSE_BREAKS = new Set(['.', ';', '!', '?', 'but', 'and']);
function sameClause(tokens: readonly string[], from: number, to: number): boolean {
  return !tokens.slice(from, to).some((t) => CLAUSE_BREAKS.has(t));
}
