// Questions the patient asks back instead of answering: "why do you need that?", "what do you mean?",
// "is this a diagnosis?", "who sees this?". Each gets a short answer and then the question again;
// none counts as a miss. Recognised only when the message is a question about the question.
import { clip } from './text.js';

export type QuestionBack = 'why' | 'meaning' | 'diagnosis' | 'privacy' | 'human';

/** One line per kind; the patterns are anchored so "not sure why it started" stays an answer. */
const PATTERNS: ReadonlyArray<readonly [QuestionBack, RegExp]> = [
  ['diagnosis', /\b(is (this|it|that) a diagnosis|are you (a )?(doctor|physio|therapist)|can you diagnose|(will|can) you tell me what('?s| is) wrong)\b/],
  // ("maybe, what do you do with it": a hedge or two may lead the question.)
  ['privacy', /^((maybe|ok|okay|but|and|um|umm|hmm|first|sure|yes|yeah),? ){0,2}(who|where|what)\b.*\b(see|sees|read|reads|store|stored|keep|kept|happen|happens|share|shared|access)\b.*\b(this|my|these|it|data|info|information|answers|details)\b/],
  ['privacy', /^((maybe|ok|okay|but|and|um|umm|hmm|first|sure|yes|yeah),? ){0,2}what (do|will|would|are|does) (you|u|they|the clinic) (do|doing) with\b/],
  ['privacy', /\b(is (this|it|my (data|info|information)) (private|confidential|secure|safe))\b/],
  ['human', /^(are you (a )?(real|human|bot|robot|person|computer|ai)|am i (talking|chatting|speaking) (to|with) a (real )?(person|human|bot)|can i (talk|speak) to (a )?(real )?(person|human|someone))\b/],
  ['why', /^(but |ok |okay |umm? |hmm |and )?(why|what for|how come|whats? (that|this|it) for|what does (it|that) matter|what has that got to do)\b/],
  ['why', /\bwhy (do|would|are|does) (you|u|it) (need|want|ask|asking|matter)\b/],
  // Only when it is (nearly) the whole message: "no, but I've lost 8 kilos, is that relevant?" is an answer to take.
  ['why', /^(\S+ ){0,3}(is (that|this) (relevant|important|necessary)|does (that|it) matter)\s*\??$/],
  ['meaning', /^(what|wat) (does|do|is) .{1,40} mean\b|^what (counts|would count|qualifies) as\b|^does (a |an |my )?.{1,40} count\b|^(what (is|are)|whats) (a |an |the |my )?(saddle|sciatica|blood thinner|anticoagulant|steroid|immune)/],
  ['meaning', /^(whats|what is|what does) (a |an )?(0|zero|1|10|ten)\b|^is (a )?(10|ten|0|zero) (like|the|mean)\b/],
  ['meaning', /^(what('?s| is) the difference|(can|could) you (explain|clarify)|explain (number|the|what))/],
  ['meaning', /^(what do you mean|what does (that|this|it) mean|what do u mean|i dont (understand|get) (the|that|this|what you mean)|dont understand the question|what are you asking|sorry what|what\?+$|meaning\?|huh\?|come again)/],
];

export function parseQuestionBack(text: string): QuestionBack | null {
  const s = clip(text).toLowerCase().replace(/[\u2018\u2019']/g, '').replace(/\s+/g, ' ').trim();
  if (s === '' || s.length > 160) return null;
  for (const [kind, re] of PATTERNS) if (re.test(s)) return kind;
  return null;
}
