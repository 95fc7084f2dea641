// Yes or no, and consent to collect health information (which adds "I consent", "decline"…).
import { findAll, lexicon, negated, type Lexicon } from './phrases.js';
import { guarded, miss, ok } from './result.js';
import { isBlank, tokenise } from './text.js';
import type { Understood } from './types.js';

const YES = [
  'yes', 'yeah', 'yea', 'yep', 'yup', 'yah', 'aye', 'sure', 'sure thing', 'ok', 'okay', 'okey', 'okie', 'alright', 'all right',
  'fine', 'thats fine', 'agree', 'agreed', 'i agree', 'of course', 'ofc', 'y', 'absolutely', 'definitely', 'certainly',
  'go ahead', 'go for it', 'sounds good', 'why not', 'no problem', 'no worries', 'please do', 'yes please', 'happy to', 'i do',
  'correct', 'thats right', 'right', 'indeed', 'affirmative', 'totally', 'for sure', 'i guess so', 'i think so', 'ye', 'yess',
  'yeh', 'yas', 'it is', 'i am', 'i have', 'as we speak', 'right now', 'still', 'too right', 'you bet', 'righto', 'sweet',
  // Australian "nah yeah": the last word is the answer (and "yeah nah" is a no, below).
  'nah yeah', 'na yeah', 'nah yep', 'no yeah', 'nah yeh',
];
const NO = [
  'no', 'nope', 'nah', 'n', 'no thanks', 'no thank you', 'rather not', 'id rather not', 'not really', 'never', 'no way',
  'dont want to', 'i dont', 'disagree', 'not now', 'not today', 'no i dont', 'negative', 'not at all', 'i dont think so',
  'definitely not', 'absolutely not', 'of course not', 'certainly not', 'not right now', 'i do not', 'i dont', 'i dont agree',
  'i do not agree', 'dont agree', 'do not agree', 'not ok', 'not okay', 'not anymore', 'no longer', 'not at the moment',
  'not happening', 'its not', 'it isnt', 'im not', 'i havent', 'not currently', 'all gone', 'nup', 'naa', 'nah mate',
  'yeah nah', 'yea nah', 'yeah na', 'yeh nah', 'yep nah',
];
const CONSENT_YES = ['all good', 'no wukkas', 'no wuckas', 'no wuckers', 'no dramas', 'too easy', 'consent', 'i consent', 'accept', 'i accept', 'accepted', 'allow', 'i allow', 'permit', 'you may', 'you can', 'proceed', 'continue', 'lets go', 'lets do it', 'start', 'i give consent', 'i give my consent', 'agree to'];
/** Yes-words that mean yes only when they are the answer itself, not inside a sentence about something else. */
const WEAK_YES = new Set(['fine', 'ok', 'okay', 'alright', 'all right', 'right', 'sure', 'sweet', 'still', 'i have', 'i am', 'it is', 'right now']);

/** Words that take back what came before: "yes… actually no". */
const CORRECTIONS = lexicon<true>([[true, ['actually', 'sorry', 'wait', 'i mean', 'on second thought', 'no wait', 'scratch that']]]);
/** Emoji answers: a thumbs up is a yes on any phone. */
const EMOJI: ReadonlyArray<readonly [RegExp, string]> = [
  [/[\u{1F44D}\u{2705}\u{1F44C}\u{2714}]/gu, ' yes '],
  [/[\u{1F44E}\u{274C}\u{2716}]/gu, ' no '],
];

const CONSENT_NO = [
  'decline', 'i decline', 'declined', 'refuse', 'i refuse', 'reject', 'dont consent', 'do not consent', 'dont accept', 'withdraw',
  'i do not consent', 'i dont consent', 'i do not accept', 'i dont accept', 'i do not give consent', 'i dont give consent',
];

const NOT_AN_ANSWER = ['not sure', 'dont know', 'i dont know', 'maybe', 'unsure', 'perhaps', 'no idea', 'yes or no', 'no or yes', 'yes and no', 'kind of', 'sort of', 'sometimes',
  // Not understanding the question is not a no: "i dont understand" is asked again.
  'dont understand', 'i dont understand', 'not understand', 'no understand', 'dont get it', 'what do you mean', 'what does that mean'];

const YES_NO = lexicon<boolean | null>([
  [true, YES],
  [false, NO],
  [null, NOT_AN_ANSWER],
]);
const CONSENT = lexicon<boolean | null>([
  [true, [...YES, ...CONSENT_YES]],
  [false, [...NO, ...CONSENT_NO]],
  [null, NOT_AN_ANSWER],
]);

const EMPHATIC_NO = new Set(['no', 'nope', 'nah', 'na']);

function decide(raw: string, lex: Lexicon<boolean | null>): Understood<boolean> {
  const text = typeof raw === 'string' ? EMOJI.reduce((t, [re, word]) => t.replace(re, word), raw) : raw;
  if (isBlank(text)) return miss('empty');
  let tokens = tokenise(text);
  // "yes... actually no": what comes after the last correction is the answer.
  const correction = findAll(tokens, CORRECTIONS).at(-1);
  if (correction && findAll(tokens.slice(correction.end), lex).some((m) => m.value !== null)) tokens = tokens.slice(correction.end);
  // "no not weaker", "nope not at all": a no said twice over, not a negated no.
  if (EMPHATIC_NO.has(tokens[0]!) && tokens[1] === 'not' && !['sure', 'certain'].includes(tokens[2] ?? '')) return ok(false);
  const found = findAll(tokens, lex);
  const neg = negated(tokens, found);
  const answers = new Set<boolean>();
  let hedged = false;
  let leading: boolean | undefined;
  found.forEach((m, k) => {
    // "email is fine", "that's right next to it": weak words answer only a short message or lead it.
    if (m.value === true && WEAK_YES.has(tokens.slice(m.start, m.end).join(' ')) && m.start > 1 && tokens.length > 3) return;
    const answer = m.value === null ? null : neg[k] ? (m.value ? false : null) : m.value;
    // Patients lead with their answer and then explain: "no, that was years ago", "yes a bit".
    if (k === 0 && m.start <= 1 && answer !== null) leading = answer;
    // "yes no": two answers side by side are no leading answer.
    if (k === 1 && leading !== undefined && answer !== null && answer !== leading && m.start - found[0]!.end <= 1) leading = undefined;
    if (m.value === null) hedged = true;
    // "I don't agree", "not ok": a negated yes is a no. A negated no ("not no") says nothing clear.
    else if (answer !== null) answers.add(answer);
  });
  if (leading !== undefined && !hedged) return ok(leading);
  if (answers.size > 1) return miss('ambiguous');
  const [answer] = answers;
  if (answer === undefined) return miss('not_understood', hedged ? 'unsure' : undefined);
  return ok(answer);
}

export function parseYesNo(text: string): Understood<boolean> {
  return guarded(() => decide(text, YES_NO));
}

export function parseConsent(text: string): Understood<boolean> {
  return guarded(() => decide(text, CONSENT));
}
