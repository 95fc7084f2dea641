// Yes or no, and consent to collect health information (which adds "I consent", "decline"…).
import { findAll, lexicon, negated, type Lexicon } from './phrases.js';
import { guarded, miss, ok } from './result.js';
import { isBlank, tokenise } from './text.js';
import type { Understood } from './types.js';

const YES = [
  'yes', 'yeah', 'yea', 'yep', 'yup', 'yah', 'aye', 'sure', 'sure thing', 'ok', 'okay', 'okey', 'okie', 'alright', 'all right',
  'fine', 'thats fine', 'agree', 'agreed', 'i agree', 'of course', 'ofc', 'y', 'absolutely', 'definitely', 'certainly',
  'go ahead', 'go for it', 'sounds good', 'why not', 'no problem', 'no worries', 'please do', 'yes please', 'happy to', 'i do',
  'correct', 'thats right', 'right', 'indeed', 'affirmative', 'totally', 'for sure', 'i guess so', 'i think so',
];
const NO = [
  'no', 'nope', 'nah', 'n', 'no thanks', 'no thank you', 'rather not', 'id rather not', 'not really', 'never', 'no way',
  'dont want to', 'i dont', 'disagree', 'not now', 'not today', 'no i dont', 'negative', 'not at all', 'i dont think so',
  'definitely not', 'absolutely not', 'of course not', 'certainly not', 'not right now', 'i do not', 'i dont agree',
  'i do not agree', 'dont agree', 'do not agree', 'not ok', 'not okay',
];
const CONSENT_YES = ['consent', 'i consent', 'accept', 'i accept', 'accepted', 'allow', 'i allow', 'permit', 'you may', 'you can', 'proceed', 'continue', 'lets go', 'lets do it', 'start', 'i give consent', 'i give my consent', 'agree to'];
const CONSENT_NO = [
  'decline', 'i decline', 'declined', 'refuse', 'i refuse', 'reject', 'dont consent', 'do not consent', 'dont accept', 'withdraw',
  'i do not consent', 'i dont consent', 'i do not accept', 'i dont accept', 'i do not give consent', 'i dont give consent',
];

const NOT_AN_ANSWER = ['not sure', 'dont know', 'maybe', 'unsure', 'perhaps', 'no idea', 'yes or no', 'no or yes'];

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

function decide(text: string, lex: Lexicon<boolean | null>): Understood<boolean> {
  if (isBlank(text)) return miss('empty');
  const tokens = tokenise(text);
  const found = findAll(tokens, lex);
  const neg = negated(tokens, found);
  const answers = new Set<boolean>();
  let hedged = false;
  found.forEach((m, k) => {
    if (m.value === null) hedged = true;
    // "I don't agree", "not ok": a negated yes is a no. A negated no ("not no") says nothing clear.
    else if (neg[k]) {
      if (m.value) answers.add(false);
    } else answers.add(m.value);
  });
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
