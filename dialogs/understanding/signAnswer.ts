// The answer to a yes/no question about one warning sign: "You mentioned …. Is that happening now?",
// a checklist item asked on its own, or a follow-up ("could something be broken?"). A plain yes or no
// is the answer. When the patient answers in words instead, the sign's own words decide: the sign
// described as there now is a yes ("my wrist looks a bit bent"), described as over is a no ("had a temp
// last week but it's gone now"), and what rules this sign out is a no ("lost 6 kilos but I've been
// doing Weight Watchers", "worse at night but if I roll over it settles").
import type { FlagCode } from '../vocabulary.js';
import { findAll, lexicon, negated, type Lexicon, type Match } from './phrases.js';
import { guarded, miss, ok } from './result.js';
import { HISTORY_COUNTS, findSigns, isAffirmed, ruledOut } from './signs.js';
import { isBlank, tokenise } from './text.js';
import type { Understood } from './types.js';
import { parseYesNo } from './yesNo.js';

/** Said to be over: not happening now. */
const OVER = lexicon<true>([[true, [
  'gone now', 'its gone', 'thats gone', 'stopped now', 'thats stopped', 'it stopped', 'has stopped', 'not anymore', 'not any more',
  'no longer', 'went away', 'gone away', 'cleared up', 'all better now', 'back then', 'years back', 'years ago', 'only once',
  'just the once', 'one time', 'long time ago', 'ages ago', 'used to', 'at the very start', 'at the start',
  // "im right now" is Australian for "I'm fine now", not "right now".
  'im right now', 'im right', 'fine since', 'been fine since', 'good since', 'been good since', 'fine now', 'all good now', 'better now',
  // A course that is over: "finished it in march", "came off the prednisone".
  'finished it', 'finished them', 'finished the course', 'came off it', 'came off them', 'off it now', 'off them now',
  // "only when I was carting hay last month, not since".
  'not since', 'not since then', 'none since', 'hasnt happened since', 'havent had it since',
]]]);

/** Said to be there, if not all the time: coming and going is happening. */
const STILL = lexicon<true>([[true, [
  'still', 'right now', 'at the moment', 'this morning', 'today', 'comes and goes', 'on and off', 'off and on', 'every day',
  'all the time', 'now and then', 'every now and then', 'at times', 'had some', 'a little bit yeah', 'a bit yeah',
  'mostly when', 'only when', 'daily', 'every day',
  // Every day, if not all day: "only first thing in the morning, gone by lunch".
  'first thing', 'every morning', 'in the mornings', 'by lunch', 'by lunchtime', 'every night', 'most nights', 'most days',
]]]);

/** A medicine once, not a course ("just the one cortisone shot back in march"): over, for the steroid question only. */
const ONCE = lexicon<true>([[true, ['just the one', 'only the one', 'one shot', 'one injection', 'a single injection', 'one cortisone']]]);

/** The last words that say the sign is over; a medicine given once counts only for the steroid question. */
function lastSaidOver(tokens: readonly string[], code: FlagCode): Match<true> | undefined {
  const once = code === 'immunosuppressed_steroids' ? findAll(tokens, ONCE) : [];
  return [...findAll(tokens, OVER), ...once].sort((a, z) => a.start - z.start).at(-1);
}

/** A history that counts whenever it was, told as history ("that was back in 2009, been clear since"): a yes. */
const TOLD_AS_HISTORY = lexicon<true>([[true, [
  'back in', 'years ago', 'year ago', 'months ago', 'been clear', 'all clear', 'clear since', 'in remission', 'remission',
  'had treatment', 'finished treatment', 'had it removed', 'got it removed', 'cut out',
]]]);
/** Not knowing is not a no: "never had a scan", "never been tested". */
const CANNOT_SAY = lexicon<true>([[true, [
  'never had a scan', 'never had a bone scan', 'never been scanned', 'never been tested', 'never been checked', 'never had it checked',
  'havent been tested', 'havent had a scan', 'not been tested', 'never had a test',
]]]);
/**
 * What describes a sign as there now, at its own follow-up, beyond the sign's words: after a fall, a swelling or
 * a joint that will not move is what "could something be broken?" asks about ("idk maybe? its rly swollen").
 */
const DESCRIBED_BY: Partial<Record<FlagCode, Lexicon<true>>> = {
  trauma_fracture: lexicon<true>([[true, [
    'swollen', 'swelling', 'swelled', 'swelled up', 'puffed up', 'cant move it', 'cant bend it', 'cant straighten it', 'cant put weight on it',
    'cant walk on it', 'cant stand on it', 'looks bent', 'looks wonky', 'out of place', 'gone purple', 'all purple', 'black and blue',
  ]]]),
};

/** Both legs, said side by side: "left is worse but the right tingles a bit too". */
const ALSO = new Set(['too', 'also', 'aswell', 'both']);

const NO_PROBLEM_WITH = /\bno (problems?|trouble|issues?) with\b/;
const LEADING_NO = new Set(['no', 'nope', 'nah', 'not', 'na', 'never']);
const LEADING_YES = new Set(['yes', 'yeah', 'yep', 'yup', 'y', 'ya', 'yea']);


export function parseSignAnswer(text: string, code: FlagCode): Understood<boolean> {
  return guarded(() => {
    const plain = parseYesNo(text);
    if (isBlank(text)) return plain;
    const tokens = tokenise(text);
    // "not sure, there's a lump…" opens with a hedge, not a no.
    const opensWithNo = LEADING_NO.has(tokens[0]!) && !(tokens[0] === 'not' && tokens[1] === 'sure');
    // "dunno, never had a scan": the patient cannot say, so ask rather than take the "never" as a no.
    if (findAll(tokens, CANNOT_SAY).length > 0 && !LEADING_YES.has(tokens[0]!)) return miss('ambiguous', 'unsure');
    const rule = ruledOut(tokens, code);
    if (rule.said.length > 0 && !LEADING_YES.has(tokens[0]!)) return ok(false);
    // "no diet, it just fell off", "not dieting or anything": what would rule it out, denied, leaves the sign (asked about) there.
    if (rule.denied.length > 0) return ok(true);
    // A history of cancer counts whenever it was: "8 years ago, all clear since" is still a yes.
    const over = HISTORY_COUNTS.has(code) ? undefined : lastSaidOver(tokens, code);
    const still = findAll(tokens, STILL).at(-1);
    // "gone now but still there at night": what is said after the over-words wins ("im right now" is one phrase).
    if (over && !(still && still.start >= over.end)) return ok(false);
    // ("idk maybe? its rly swollen": described as there now, hedged or not, unless denied or opened with a no.)
    // ("swelling went down yesterday" is not said to be there: asked again.)
    const described = (DESCRIBED_BY[code] ? findAll(tokens, DESCRIBED_BY[code]!) : []).filter((m) => !tokens.slice(m.end, m.end + 3).includes('down'));
    if (described.length > 0 && !opensWithNo && !negated(tokens, described).some(Boolean)) return ok(true);
    const mentions = findSigns(text, 'checklist', tokens).filter((m) => m.code === code);
    const someoneElse = mentions.some((m) => m.other);
    if (HISTORY_COUNTS.has(code) && !someoneElse && !opensWithNo && findAll(tokens, TOLD_AS_HISTORY).length > 0) return ok(true);
    if (code === 'both_legs_symptoms' && tokens.includes('left') && tokens.includes('right') && tokens.some((t) => ALSO.has(t))) return ok(true);
    // The sign described as there now is a yes, whatever hedge came with it ("dunno, it looks a bit bent"),
    // unless the answer opens with a no ("no, it's not bent").
    if (mentions.some(isAffirmed) && !opensWithNo) return ok(true);
    // Only someone else's ("my dad had bowel cancer years ago"), not opened with a yes: a no, whatever "had" sounds like.
    if (mentions.length > 0 && mentions.every((m) => m.other) && !LEADING_YES.has(tokens[0]!)) return ok(false);
    // "no problem with toilet": the sign said to be no problem is a no, whatever "no problem" means alone.
    if (mentions.length > 0 && mentions.every((m) => m.negated) && NO_PROBLEM_WITH.test(tokens.join(' '))) return ok(false);
    if (plain.ok) return plain;
    if (still) return ok(true);
    // Only denied or over ("nothing broken", "had a temp last week"): a no. A sign only wondered about is not.
    // Someone else's ("mum had bowel cancer, not me") is a no too.
    if (mentions.length > 0 && mentions.every((m) => m.negated || m.other || (m.historical && !HISTORY_COUNTS.has(code)))) return ok(false);
    return plain;
  });
}
