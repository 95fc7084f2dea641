// ConText (Harkema et al., J Biomed Inform 2009; the successor of NegEx): every mention of a sign in a
// patient's words carries four properties, each set by trigger words whose reach (scope) runs forward
// or backward from the trigger until a terminator or the end of the sentence.
//   negated       "no chest pain", "never had cancer", "numbness? no"
//   historical    "broke my wrist as a kid", "had a fall 5 years ago", "all clear now"
//   hypothetical  "worried it might be a disc", "what if it's cancer"
//   other         "my mum had breast cancer", "my wife is pregnant"
// The triggers, pseudo-triggers and terminators below are the whole rule set: one line each, so a
// clinician can read and change them without reading the engine at the bottom.
import { findAll, lexicon, type Span } from './phrases.js';

export type Assertion = 'negated' | 'historical' | 'hypothetical' | 'other';
type Direction = 'forward' | 'backward' | 'both';

interface Trigger {
  asserts: Assertion;
  direction: Direction;
}

/** How far a trigger reaches, in tokens, when no terminator comes first; backward triggers reach less. */
const REACH: Record<Assertion, number> = { negated: 6, historical: 8, hypothetical: 8, other: 10 };
/** Backward scopes are short ("pins and needles? no"), but a date closes its whole clause ("broke my wrist from a little trip two years ago"). */
const SHORT_BACKWARD = 3;
const BACKWARD_REACH: Record<Assertion, number> = { negated: SHORT_BACKWARD, historical: 8, hypothetical: SHORT_BACKWARD, other: SHORT_BACKWARD };

const f = (asserts: Assertion): Trigger => ({ asserts, direction: 'forward' });
const b = (asserts: Assertion): Trigger => ({ asserts, direction: 'backward' });
const both = (asserts: Assertion): Trigger => ({ asserts, direction: 'both' });

/** `yyyy` stands for any four-digit year in a patient's message ("in 2015"). */
export const TRIGGERS: ReadonlyArray<readonly [Trigger, readonly string[]]> = [
  [f('negated'), [
    'no', 'not', 'dont', 'doesnt', 'didnt', 'isnt', 'arent', 'wasnt', 'werent', 'havent', 'hasnt', 'hadnt', 'never', 'wont', 'wouldnt',
    'without', 'nil', 'nor', 'neither', 'aint', 'nope', 'denies', 'free of', 'no sign of', 'no signs of', 'none of',
    'nothing like', 'no history of', 'not had', 'never had', 'no more', 'cant say i have', 'stopped', 'stopped taking',
    'came off', 'havent fallen', 'not since', 'nothing', 'nothing was', 'nothing is',
  ]],
  // Backward only where the patient answers an item in place ("pins and needles? no") or says it is over.
  [b('negated'), [
    '? no', ': no', '- no', '= no', '? nope', ': nope', '? nah', ': nah', '? none', ': none', '? never', 'isnt', 'arent',
    'wasnt', 'werent', 'all gone', 'is gone', 'its gone', 'gone now', 'gone away', 'has gone away', 'not anymore', 'no longer',
    'not really', '? not really', ': not really', 'ruled out', 'was ruled out', 'were ruled out', 'is fine', 'are fine',
    'was fine', 'is normal', 'not an issue', 'not a problem', 'came back normal', 'came back fine', 'came back clear',
    'all good now', 'long gone', 'thats gone', 'on purpose', 'on a diet', 'dieting', 'intentionally', 'deliberately',
    'on ozempic', 'on mounjaro', 'on wegovy', 'nothing new',
    // "legs r fine": "r" is "are" only after what it is said of, so only in these phrases (a bare "r" is often "right").
    'r fine', 'r ok', 'r good', 'r all good', 'are ok', 'are good', 'are all good', 'is ok', 'is good', 'is all good',
  ]],
  // "no problem with toilet": said of the sign, "no problem" is a no (it is otherwise a pseudo-trigger, "no problem walking").
  [f('negated'), ['no problem with', 'no problems with', 'no trouble with', 'no issues with', 'no issue with']],
  [both('historical'), [
    'years ago', 'year ago', 'yrs ago', 'last yr', 'months ago', 'month ago', 'last month', 'ages ago', 'long time ago', 'a long time ago', 'as a kid',
    'as a child', 'as a teenager', 'when i was young', 'when i was younger', 'when i was little', 'when i was a kid',
    'when i was a child', 'in my twenties', 'in my teens', 'last year', 'years back', 'in the past', 'in yyyy', 'back in',
    'back in yyyy', 'at uni', 'at school', 'in high school', 'as a teen', 'when i was pregnant', 'resolved', 'healed', 'all clear', 'in remission', 'cleared up', 'went away', 'used to', 'previously',
    'a few years', 'decades ago', 'once before', 'way back',
    // A medicine or course that is over: "xarelto stopped in june", "came off the prednisone".
    'stopped in', 'stopped taking', 'stopped it', 'came off it', 'came off the', 'finished it in', 'finished the course',
  ]],
  [f('hypothetical'), [
    'what if', 'if', 'worried', 'worried it', 'worried that', 'worry', 'worrying', 'afraid it', 'scared it', 'in case',
    'might', 'might be', 'could it be', 'could be', 'is it', 'could this be', 'can be a sign of', 'a sign of', 'signs of', 'sign of', 'possibly', 'rule out', 'check for',
    'concerned', 'wondering', 'wonder if', 'risk of', 'chance of', 'should i', 'in future', 'dont want', 'to avoid', 'unless',
    'hoping', 'hope its not', 'hope it isnt', 'fear it', 'could i have', 'could it have', 'might have', 'next month',
    'next week', 'next year', 'booked in for', 'waiting for', 'on the waiting list', 'upcoming', 'going to have', 'due to have',
  ]],
  [f('other'), [
    'mum', 'mom', 'mother', 'dad', 'father', 'brother', 'sister', 'wife', 'husband', 'partner', 'son', 'daughter', 'friend', 'mate', 'nan', 'nana', 'gran', 'grandma', 'grandmother', 'grandpa', 'grandfather', 'pop', 'aunt',
    'auntie', 'uncle', 'cousin', 'family', 'family history', 'neighbour', 'colleague', 'boss', 'he', 'she', 'they',
    'someone', 'somebody', 'my other half', 'hubby', 'missus', 'bf', 'gf', 'boyfriend', 'girlfriend',
    'my boy', 'my girl', 'my kid', 'the kid', 'my little one', 'the little one', 'grandson', 'granddaughter', 'grandkid', 'grandkids',
    'other driver', 'the other driver', 'the driver', 'other car', 'the other car', 'other bloke', 'the other bloke',
    'other guy', 'the other guy', 'other person', 'the other person',
  ]],
  // Still to come, said after it: "my op is next month".
  // (Not "next week" alone: it is a forward trigger above, and one phrase holds one meaning.)
  [b('hypothetical'), ['is next week', 'is next month', 'is next year', 'is coming up', 'coming up soon', 'is booked in', 'in a few weeks time']],
  [b('other'), ['was my sister', 'was my mum', 'was my mother', 'was my dad', 'was my father', 'was my brother', 'was my wife', 'was my husband', 'not me', 'runs in the family', 'runs in my family', 'in the family', 'in my family', 'on my mums side', 'on my dads side']],
  // Said to be someone else's after it: "the cancer is my dad's not mine", "thats my mums".
  [b('other'), [
    ...['is', 'its', 'thats', 'was'].flatMap((verb) => ['mums', 'moms', 'dads', 'sisters', 'brothers', 'wifes', 'husbands', 'partners', 'sons', 'daughters', 'nans', 'friends'].map((whose) => `${verb} my ${whose}`)),
    'not mine', 'isnt mine', 'wasnt mine',
  ]],
];

/** Phrases that contain a trigger word but are not triggers ("not sure", "no, it's my neck"). */
export const PSEUDO_TRIGGERS: readonly string[] = [
  // Not being able to do something affirms the sign: "haven't been able to pee properly".
  'havent been able to', 'hasnt been able to', 'not been able to', 'not able to', 'isnt able to', 'cant seem to', 'not much comes out',
  'nothing comes out', 'dont know when i need', 'not really able to', 'cant tell when', 'didnt make it',
  'not sure', 'no idea', 'not only', 'not just', 'no doubt', 'no worries', 'not much', 'no change', 'no better', 'not bad',
  'not too bad', 'no problem', 'not certain', 'dont know', 'not know', 'no clue', 'cant remember', 'not yet',
  'no it', 'no its', 'no i', 'no im', 'no my', 'no the', 'no just', 'no only', 'no but', 'no thats', 'no sorry', 'nope it',
  'nope its', 'nope my', 'nah it', 'nah its', 'nah my', 'no actually', 'no wait', 'no mainly', 'no mostly',
  'if anything', 'as if', 'even if', 'if i', 'if that', 'if so', 'if you', 'worse if', 'only if', 'what if i',
  'since then', 'mum of', 'mother of', 'dad of', 'father of', 'as a mum', 'as a mother', 'as a dad', 'as a parent',
  'with my son', 'with my daughter', 'with the kids', 'carrying my son', 'carrying my daughter',
  // The patient among others: "making the sauce with my brothers, i carry all the boxes".
  'with my brother', 'with my brothers', 'with my sister', 'with my sisters', 'with my mates', 'with my mate', 'with my family', 'with the family',
  'with my husband', 'with my wife', 'with my partner', 'with my friends', 'with friends', 'with the boys', 'with the girls',
  'me and two other', 'me and three other', 'me and the other', 'me and another', 'two other blokes', 'three other blokes', 'two other guys',
  'lifting my son', 'lifting my daughter', 'picking up my son', 'picking up my daughter',
  // Reported about the patient: "they said my bones are thin", "she told me i have osteopenia".
  // Done to the patient: "they put a pacemaker in", "they took my gallbladder out".
  'they put', 'they gave me', 'they took out', 'they took my', 'they removed',
  'they said', 'she said', 'he said', 'they told me', 'she told me', 'he told me', 'they reckon', 'she reckons', 'he reckons',
  // A place or an occasion of someone else's, where the patient was: "at my mum's picking up the grandkid".
  ...['mums', 'moms', 'dads', 'mates', 'sisters', 'brothers', 'cousins', 'friends', 'nans', 'parents', 'inlaws', 'daughters', 'sons']
    .flatMap((who) => [`at my ${who}`, `at my ${who} place`, `at my ${who} house`, `my ${who} wedding`, `my ${who} party`, `my ${who} birthday`]),
];

/** Words that end a trigger's reach: a new clause about something else, or a new subject. */
export const TERMINATORS: ReadonlyArray<readonly [readonly Assertion[], readonly string[]]> = [
  [['negated', 'historical', 'hypothetical', 'other'], [
    '.', ';', '!', '?', 'but', 'however', 'although', 'though', 'except', 'apart from', 'aside from', 'besides', 'whereas', 'yet',
    'still', 'which', 'now', 'these days', 'at the moment', 'lately', 'recently', 'since', 'this time', 'and i', 'but i',
    'and im', 'and ive', 'and my', 'but my', 'but im', 'but ive',
  ]],
  [['negated'], [',', ':', '-', 'and it', 'and its', 'and now', 'and then', 'because', 'so', 'just', 'only', 'apart']],
  // A new subject: the patient again. ("i" alone would also match "is" as its plural, so whole phrases.)
  [['other'], [
    'i have', 'i had', 'i get', 'i got', 'i feel', 'i felt', 'i am', 'i do', 'i did', 'i was', 'i also', 'i just', 'i think', 'i reckon', 'i reckons', 'i believe', 'i guess',
    'im', 'ive', 'id', 'me', 'myself', 'my own', 'mine', 'me too', 'as well as me',
    // The patient among others: "his missus was directing, and we carried the couch".
    'we', 'us', 'we both', 'both of us',
  ]],
  [['historical', 'hypothetical'], ['and now', 'and then', 'then', 'this week', 'today', 'yesterday', 'this morning', 'again']],
];

type Cue = { kind: 'trigger'; trigger: Trigger } | { kind: 'pseudo' } | { kind: 'end'; ends: readonly Assertion[] };

const CUES = lexicon<Cue>([
  ...TRIGGERS.map(([trigger, phrases]) => [{ kind: 'trigger', trigger } as Cue, phrases] as const),
  [{ kind: 'pseudo' }, PSEUDO_TRIGGERS],
  ...TERMINATORS.map(([ends, phrases]) => [{ kind: 'end', ends } as Cue, phrases] as const),
]);

const YEAR = /^(19[3-9]\d|20\d\d)$/;

export interface Assertions {
  negated: boolean;
  historical: boolean;
  hypothetical: boolean;
  other: boolean;
}

/**
 * The four ConText properties of each mention (sorted, non-overlapping spans of `tokens`). Cues are found
 * only outside the mentions, longest phrase first, so "no idea" is a pseudo-trigger and not a "no".
 */
/**
 * "and the colonoscopy last year", ", the colonoscopy last year": a new thing after the break, which a date after it
 * belongs to alone ("knee scope and hip replacement last year", "knee scope, hip replacement last year" date both).
 */
const DATE_BREAKS: ReadonlySet<string> = new Set([',', 'and', 'but', '&', 'plus']);
const NEW_THING: ReadonlySet<string> = new Set(['the', 'a', 'an', 'my', 'then', 'also', 'i']);

export function assert(tokens: readonly string[], mentions: readonly Span[]): Assertions[] {
  const out = mentions.map(() => ({ negated: false, historical: false, hypothetical: false, other: false }));
  if (mentions.length === 0) return out;
  const inMention = new Int32Array(tokens.length).fill(-1);
  mentions.forEach((m, k) => {
    for (let i = m.start; i < m.end && i < tokens.length; i++) inMention[i] = k;
  });
  // Mentions are masked so a sign's own words ("scared to move") never act as a trigger for it.
  const shadow = tokens.map((t, i) => (inMention[i]! >= 0 ? '\u0000' : YEAR.test(t) ? 'yyyy' : t));
  const cues = findAll(shadow, CUES);
  const endsAt: Array<readonly Assertion[] | undefined> = new Array(tokens.length);
  for (const c of cues) if (c.value.kind === 'end') for (let i = c.start; i < c.end; i++) endsAt[i] = c.value.ends;

  for (const cue of cues) {
    if (cue.value.kind !== 'trigger') continue;
    const { asserts, direction } = cue.value.trigger;
    if (direction !== 'backward') reach(cue.end, +1, asserts);
    if (direction !== 'forward') reach(cue.start - 1, -1, asserts);
  }
  return out;

  function reach(from: number, step: 1 | -1, what: Assertion): void {
    const limit = step > 0 ? REACH[what] : BACKWARD_REACH[what];
    let counted = 0;
    let dated = false;
    for (let i = from; i >= 0 && i < tokens.length; i += step) {
      const k = inMention[i]!;
      if (k >= 0) {
        out[k]![what] = true;
        dated = true;
        // Skip over the rest of this mention; a scope carries on to later mentions in a list.
        const m = mentions[k]!;
        i = step > 0 ? m.end - 1 : m.start;
        continue;
      }
      if (endsAt[i]?.includes(what)) return;
      // A date said after a thing dates that thing, not one before it across a list break: "xarelto, and the
      // colonoscopy last year was fine" is still on xarelto.
      if (step < 0 && what === 'historical' && dated && DATE_BREAKS.has(tokens[i]!) && NEW_THING.has(tokens[i + 1] ?? '')) return;
      // Past the short backward reach, a date covers only its own clause: "right, my left one was operated on years ago".
      if (step < 0 && counted >= SHORT_BACKWARD && tokens[i] === ',') return;
      if (++counted > limit) return;
    }
  }
}
