// The reply to "Is this summary right?": confirm it, or say which part to change.
import { readSites } from './bodySites.js';
import { parseCauses } from './causes.js';
import { findSigns, isAffirmed } from './signs.js';
import { findAll, lexicon, negated } from './phrases.js';
import { guarded, miss, ok } from './result.js';
import { isBlank, tokenise } from './text.js';
import type { EditTarget, SummaryReply, Understood } from './types.js';

type ReplyWord = EditTarget | 'confirm' | 'change';

const LEXICON = lexicon<ReplyWord>([
  [
    'confirm',
    [
      'yes', 'yeah', 'yep', 'yup', 'looks right', 'looks good', 'looks correct', 'looks fine', 'correct', 'all good', 'confirm',
      'confirmed', 'thats right', 'thats correct', 'right', 'perfect', 'spot on', 'ok', 'okay', 'all correct', 'accurate', 'send it',
      'sounds right', 'good', 'great', 'fine', 'thats it', 'yes thats right', 'all fine', 'no changes', 'no change',
      'nothing to change', 'no edits', 'nothing wrong', 'no mistakes', 'all right', 'alright', 'agreed', 'true', 'exactly',
      'nothing', 'thats all', 'submit', 'done', 'sure', 'y', 'thats everything', 'bang on', '100', 'thats the lot', 'ye', 'yes correct',
      'close enough', 'near enough', 'good enough', 'pretty much', 'more or less',
      'good to go', 'all sweet', 'sweet', 'legit',
    ],
  ],
  [
    'change',
    [
      'no', 'nope', 'nah', 'wrong', 'incorrect', 'change', 'change something', 'edit', 'fix', 'mistake', 'not quite', 'update',
      'something wrong', 'something is wrong', 'not accurate', 'error', 'amend', 'correction', 'modify', 'not really', 'redo',
    ],
  ],
  [
    'location',
    [
      'where it hurts', 'location', 'the location', 'body part', 'body parts', 'area', 'areas', 'where', 'region', 'regions',
      'place', 'spot', 'side', 'the side', 'where the pain is', 'pain location', 'spreads', 'spread', 'where it spreads',
      'main area', 'primary',
    ],
  ],
  [
    'duration',
    [
      'how long', 'since when', 'duration', 'when it started', 'when it began', 'weeks', 'days', 'months', 'years', 'time', 'how long ago',
      'start date', 'longer than that', 'longer', 'shorter', 'since', 'ago', 'fortnight',
    ],
  ],
  ['cause', ['cause', 'causes', 'why', 'reason', 'what caused it', 'how it happened', 'trigger', 'how it started']],
  [
    'intensity',
    [
      'pain score', 'pain scores', 'score', 'scores', 'the score', 'intensity', 'how much it hurts', 'pain level', 'pain levels',
      'rating', 'ratings', 'the number', 'severity', 'pain', 'how bad', 'how bad it is', 'worst pain', 'out of 10', 'numbers',
    ],
  ],
  [
    'movement',
    [
      'movements', 'movement', 'what it limits', 'limits', 'limitations', 'activities', 'activity', 'what i can do', 'moving',
      'difficulty', 'difficulties', 'mobility', 'what i cant do', 'function', 'walking', 'stairs', 'sleeping', 'sitting', 'standing',
      'bending', 'lifting', 'gripping', 'reaching', 'turning', 'twisting', 'typing', 'running', 'kneeling', 'squatting', 'carrying',
      'chewing', 'driving',
    ],
  ],
  [
    'flags',
    [
      'safety questions', 'safety', 'health questions', 'red flags', 'flags', 'pregnant', 'pregnancy', 'blood thinners',
      'medical', 'health', 'surgery', 'medication', 'medications', 'precautions', 'warning signs', 'symptoms', 'medical history',
      // A checklist item named: "I said no to the numbness question".
      'checklist', 'the list', 'numbness', 'numbness question', 'the numb one', 'tingling', 'weight loss', 'fever', 'bladder', 'bowel',
      'cancer', 'night pain', 'osteoporosis', 'warfarin',
    ],
  ],
  ['contact', ['contact details', 'contact', 'phone', 'phone number', 'email', 'name', 'my name', 'details', 'mobile', 'number', 'email address']],
]);

/** "the pain is my left knee", "pain in my neck": a body part this close after "pain" says where. */
const PAIN_IS_WHERE = 4;
/** How far a body part (from its first word) can stand before the sign it is the subject of ("left hand's been going numb"). */
const SIGN_SUBJECT_REACH = 6;
const SIGN_BREAKS = new Set([',', '.', 'and', 'but', ';']);

export function parseSummaryReply(text: string): Understood<SummaryReply> {
  return guarded(() => {
    if (isBlank(text)) return miss('empty');
    const tokens = tokenise(text);
    const found = findAll(tokens, LEXICON);
    const neg = negated(tokens, found);
    const targets: { target: EditTarget; at: number }[] = [];
    let confirm = false;
    let change = false;
    found.forEach((m, k) => {
      // "yes correct, no numbness like I said": a "no" inside the sentence negates a word; only a leading one is an answer.
      if (m.value === 'change' && m.start > 1 && ['no', 'nope', 'nah'].includes(tokens[m.start]!)) return;
      if (m.value === 'confirm') {
        // "that's not right" asks for a change.
        if (neg[k]) change = true;
        else confirm = true;
      } else if (m.value === 'change') change = true;
      // "wasn't lifting, I slept funny on it": a movement word denied is about the cause recorded, read below.
      else if (!(m.value === 'movement' && neg[k])) targets.push({ target: m.value, at: m.start });
    });
    // A warning sign said here ("yes but I forgot, I've been wetting myself since it started") is a change to
    // the health answers, in the order said, even after a "yes" (the engine also asks about it at once).
    const sign = findSigns(text, 'anywhere', tokens).find(isAffirmed);
    if (sign) {
      targets.push({ target: 'flags', at: sign.start });
      change = true;
    }
    // Naming a body part ("the shoulder is wrong") points at the location; a cause at the cause; a lone
    // number from the scale at the pain score.
    // ("my left hand's been going numb": where a sign is felt, said as its subject, is the sign's, not a new pain area;
    // "no its my left hand, and its numb" still names the hand.)
    const sites = readSites(tokens);
    const signsPlace = (m: { start: number }) => sign !== undefined && sign.start > m.start && sign.start - m.start <= SIGN_SUBJECT_REACH && !tokens.slice(m.start, sign.start).some((t) => SIGN_BREAKS.has(t));
    const firstSite = sites.mentions.find((m) => !signsPlace(m));
    if (firstSite) targets.push({ target: 'location', at: firstSite.start });
    // "THE PAIN IS MY LEFT KNEE NOT RIGHT": "pain" said of where it is, not of the score.
    if (firstSite) {
      const wherePain = targets.findIndex((t) => t.target === 'intensity' && tokens[t.at] === 'pain' && firstSite.start > t.at && firstSite.start - t.at <= PAIN_IS_WHERE);
      if (wherePain >= 0) targets.splice(wherePain, 1);
    }
    // Only when nothing else was named (these readings cost more than the rest of this parser).
    if (targets.length === 0 && !(confirm && !change)) {
      const score = tokens.findIndex((t, k) => /^\d+$/.test(t) && Number(t) <= 10 && !/^(weeks?|days?|months?|years?|wks?)$/.test(tokens[k + 1] ?? ''));
      if (score >= 0) targets.push({ target: 'intensity', at: score });
      const cause = targets.length === 0 ? parseCauses(text) : null;
      if (cause?.ok && !cause.value.some((c) => c === 'other' || c === 'unknown')) targets.push({ target: 'cause', at: tokens.length });
    }
    targets.sort((a, b) => a.at - b.at);
    const named = [...new Set(targets.map((t) => t.target))];

    // "yes, the duration is right" confirms; "looks right but the score is off" does not.
    // "walking's fine actually, it's the stairs": "actually" with a part named is a correction.
    const wantsChange = change || !confirm || ['but', 'except', 'should', 'actually'].some((t) => tokens.includes(t));
    if (named.length > 0 && wantsChange) {
      const note = named.length > 1 ? `also mentioned: ${named.slice(1).join(', ')}` : undefined;
      return ok({ kind: 'edit', target: named[0]! }, note);
    }
    if (change && confirm) return miss('ambiguous');
    if (change) return ok({ kind: 'edit', target: null });
    if (confirm) return ok({ kind: 'confirm' });
    return miss('not_understood');
  });
}
