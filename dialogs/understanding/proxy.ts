// Someone answering for the patient: "filling this in for my daughter (15), sore neck and between her shoulder
// blades", "my son's left heel". Their words name the patient as someone else ("she", "his", "my son"), which
// ConText reads as another person's, so the pain areas would be set aside and, worse, "her legs are numb" at the
// safety questions would count for nobody. Once the intake is known to be for someone else, the answers are read
// in the patient's own voice: "her legs are numb" as "my legs are numb". Only the reading changes; the words kept
// for the therapist are the ones typed.

/** Who may be answered for, and which pronouns then stand for the patient. */
const KIN: ReadonlyArray<readonly [readonly string[], 'he' | 'she' | 'either']> = [
  [['son', 'boy', 'grandson', 'stepson', 'husband', 'hubby', 'dad', 'father', 'brother', 'nephew', 'pop', 'grandpa', 'grandfather', 'nonno', 'papa', 'papà', 'baba', 'abuelo'], 'he'],
  [['daughter', 'girl', 'granddaughter', 'stepdaughter', 'wife', 'mum', 'mom', 'mother', 'sister', 'niece', 'nan', 'nana', 'nanna', 'nonna', 'grandma', 'grandmother', 'mama', 'mamma', 'abuela', 'yiayia'], 'she'],
  [['kid', 'child', 'teen', 'teenager', 'little one', 'partner', 'grandchild'], 'either'],
];
const KIN_WORDS = KIN.flatMap(([words]) => words).join('|');
/** "my son's heel" without a "for": only a child's, since "my wife's knee is fine, mine's the hip" is the patient's own story. */
const DEPENDANTS = 'son|boy|grandson|stepson|daughter|girl|granddaughter|stepdaughter|kid|child|teen|teenager|little one|grandchild';

/** The end of a word, for words with accents too ("papà"). */
const END = String.raw`(?![\p{L}\p{N}])`;

/** The person answered for: whose pronouns name the patient, and the word used for them ("son", "mum"). */
export interface AnsweredFor {
  who: 'he' | 'she' | 'either';
  kin: string;
}

/**
 * Plainly answering for someone: "for my son" after words that say so ("filling this in for", "booking for",
 * "its for", "answering for mum"), or at the start. Whole words only: "walking the dog for my mum" is a story.
 */
const FOR_SOMEONE = new RegExp(
  // ("doin this for", "fillin it in for": the dropped g of a phone; "is for my papà": a learner's "it is".)
  String.raw`(?:^|\b(?:filling|fillin|fill|doing|doin|booking|bookin|book|asking|askin|typing|typin|writing|answering|enquiring|inquiring|messaging)(?:\s+(?:this|it|in|out|on|these))*\s+|\b(?:it'?s|this is|its|is)\s+)` +
    String.raw`(?:for|on behalf of)\s+(?:(?:my|our)\s+)?(?<who>${KIN_WORDS})${END}`,
  'iu',
);
/**
 * "my son's knee", "its my boys knee": whose, at the start, and only a child's, since "my wife's knee is fine,
 * mine's the hip" is the patient's own story. A "for my son" inside a story ("lifting a trampoline for my son") is
 * neither, and nor is "my sons wedding was saturday": a side or a body part follows the child's name.
 */
const WHOSE = new RegExp(
  String.raw`^\s*(?:(?:it'?s|its|this is)\s+)?(?:my|our)\s+(?<who>${DEPENDANTS})(?:\s*\(\d+\))?\s*(?:'s|’s|s)\s+(?<rest>.*)$`,
  'iu',
);
/** A side or a body part, named first in what follows "my son's". */
const PART_NEXT = /^(?:(?:left|right|lft|rt|both|poor|sore|bad|dodgy|little)\s+)*(?:heel|foot|feet|ankle|knee|knees|leg|legs|hip|hips|back|neck|shoulder|shoulders|wrist|hand|hands|elbow|arm|arms|shin|shins|calf|calves|hamstring|groin|toe|toes|finger|fingers|thumb|head|jaw|ribs|bum|glute|thigh|achilles)\b/i;

/**
 * "Mum's right hip. She fell 2 days ago": any family member's body part named first, in a message that names
 * none of the writer's own ("my wife's knee is fine, mine's the hip" is the patient's own story).
 */
const KINS = new RegExp(String.raw`^\s*(?:(?:it'?s|its|this is)\s+)?(?:(?:my|our)\s+)?(?<who>${KIN_WORDS})(?:\s*\(\d+\))?\s*(?:'s|’s)\s+(?<rest>.*)$`, 'iu');
const WRITERS_OWN = /\b(mine|my|me|myself)\b/i;
function kinsOnly(text: string): RegExpExecArray | null {
  const m = KINS.exec(text);
  return m && !WRITERS_OWN.test(m.groups?.['rest'] ?? '') ? m : null;
}

/**
 * Who the message says it is answering for, if it plainly says so; `whose` also reads "my son's heel", which is
 * plain only where the pain areas are asked.
 */
export function answeringFor(text: string, whose = true): AnsweredFor | null {
  const framed = FOR_SOMEONE.exec(text.trim());
  const owned = !framed && whose ? (WHOSE.exec(text.trim()) ?? kinsOnly(text.trim())) : null;
  const m = framed ?? (owned && PART_NEXT.test(owned.groups?.['rest'] ?? '') ? owned : null);
  if (!m) return null;
  const kin = (m.groups?.['who'] ?? '').toLowerCase();
  return { who: KIN.find(([words]) => words.includes(kin))?.[1] ?? 'either', kin };
}

/** Only the person answered for is rewritten: "his dad had cancer" is still someone else's. */
const WORDS_FOR = ({ who, kin }: AnsweredFor): ReadonlyArray<readonly [RegExp, string]> => {
  const he = who !== 'she';
  const she = who !== 'he';
  const named = kin.replace(/[^\p{L}\s]/gu, '');
  return [
    // "my son's", "my boys": whose, so "my".
    [new RegExp(String.raw`\b(my|our)\s+${named}(\s*\(\d+\))?\s*('s|’s|s)${END}`, 'giu'), 'my'],
    // ("Mum's right hip": whose, without the "my".)
    [new RegExp(String.raw`\b${named}(\s*\(\d+\))?\s*('s|’s)${END}`, 'giu'), 'my'],
    [new RegExp(String.raw`\b(for|on behalf of)\s+((my|our)\s+)?${named}${END}`, 'giu'), 'for me'],
    [new RegExp(String.raw`\b(my|our)\s+${named}${END}`, 'giu'), 'i'],
    ...(he ? ([[/\b(he'?s)\b/gi, "i'm"], [/\bhe\b/gi, 'i'], [/\bhis\b/gi, 'my'], [/\bhim\b/gi, 'me'], [/\bhimself\b/gi, 'myself']] as const) : []),
    ...(she ? ([[/\b(she'?s)\b/gi, "i'm"], [/\bshe\b/gi, 'i'], [/\bher\b/gi, 'my'], [/\bherself\b/gi, 'myself']] as const) : []),
    ...(who === 'either' ? ([[/\btheir\b/gi, 'my'], [/\bthey\b/gi, 'i']] as const) : []),
  ];
};

/** The answer in the patient's own voice, for reading only. */
export function inPatientsVoice(text: string, forWhom: AnsweredFor): string {
  return WORDS_FOR(forWhom).reduce((out, [pattern, to]) => out.replace(pattern, to), text);
}
