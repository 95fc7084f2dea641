// Finding vocabulary phrases in a token list, and deciding which of them the patient negated.
import { fitWord, tokenise } from './text.js';

interface Entry<T> {
  words: readonly string[];
  value: T;
}

export interface Lexicon<T> {
  /** Entries keyed by the first letter of their first word: a typo never changes the first letter. */
  readonly byFirst: ReadonlyMap<string, readonly Entry<T>[]>;
  /** Four-letter words that a three-letter typo may stand for. */
  readonly shortTypos: ReadonlySet<string>;
}

export interface Span {
  start: number;
  /** Exclusive. */
  end: number;
}

export interface Match<T> extends Span {
  value: T;
  /** Phrase words matched; longer phrases win ("lower back" over "back"). */
  size: number;
  /** 0 exact; plural and typo matches cost more so an exact reading wins a tie. */
  penalty: number;
}

/** Builds a lexicon from value → phrases; phrases go through the same tokeniser as patient text. */
export function lexicon<T>(groups: ReadonlyArray<readonly [T, readonly string[]]>, options: { shortTypos?: readonly string[] } = {}): Lexicon<T> {
  const byFirst = new Map<string, Entry<T>[]>();
  for (const [value, phrases] of groups) {
    for (const phrase of phrases) {
      const words = tokenise(phrase);
      const first = words[0]?.[0];
      if (first === undefined) continue;
      const list = byFirst.get(first) ?? [];
      list.push({ words, value });
      byFirst.set(first, list);
    }
  }
  return { byFirst, shortTypos: new Set(options.shortTypos ?? []) };
}

// Little words patients put inside a phrase: "middle of my back", "lifted a heavy box" is not one.
const INNER_FILLERS = new Set(['my', 'me', 'the', 'a', 'an', 'of', 'in', 'on', 'at', 'your', 'his', 'her', 'its', 'their', 'our', 'part', 'this', '-']);
const MAX_INNER_SKIPS = 2;

function matchAt<T>(tokens: readonly string[], start: number, entry: Entry<T>, shortTypos: ReadonlySet<string>): Match<T> | null {
  let j = start;
  let penalty = 0;
  for (let k = 0; k < entry.words.length; k++) {
    const word = entry.words[k]!;
    let skips = 0;
    for (;;) {
      const tok = tokens[j];
      if (tok === undefined) return null;
      const fit = fitWord(tok, word, shortTypos);
      if (fit !== null) {
        penalty += fit === 'exact' ? 0 : fit === 'inflected' ? 1 : 2;
        j++;
        break;
      }
      if (k > 0 && skips < MAX_INNER_SKIPS && INNER_FILLERS.has(tok)) {
        skips++;
        j++;
        continue;
      }
      return null;
    }
  }
  return { start, end: j, value: entry.value, size: entry.words.length, penalty };
}

/** Left to right, the longest (then the most exact, then the first listed) phrase at each position. */
export function findAll<T>(tokens: readonly string[], lex: Lexicon<T>): Match<T>[] {
  const out: Match<T>[] = [];
  let i = 0;
  while (i < tokens.length) {
    const entries = lex.byFirst.get(tokens[i]![0]!);
    let best: Match<T> | null = null;
    if (entries) {
      for (const entry of entries) {
        const m = matchAt(tokens, i, entry, lex.shortTypos);
        if (m && (!best || m.size > best.size || (m.size === best.size && m.penalty < best.penalty))) best = m;
      }
    }
    if (best) {
      out.push(best);
      i = best.end;
    } else {
      i++;
    }
  }
  return out;
}

/** Ends the reach of a negation and of a side word ("no neck pain but my shoulder…"). */
const CLAUSE_BREAKS = new Set([
  ',', '.', ';', ':', '!', '?', '(', ')', '-', 'but', 'however', 'although', 'though', 'except', 'apart',
  'besides', 'whereas', 'and', 'also', 'plus', 'yet', 'so', 'then', 'because', 'when', 'while', 'whilst',
  'after', 'before', 'until', 'unless', 'if', 'otherwise', 'actually',
]);

/** Ends a sentence: symptoms named together before one of these belong together. */
export const SENTENCE_BREAKS = new Set(['.', ';', '!', '?', 'but', 'however', 'although', 'though', 'except', 'whereas']);

const NEGATORS = new Set([
  'no', 'not', 'dont', 'doesnt', 'didnt', 'isnt', 'arent', 'wasnt', 'werent', 'havent', 'hasnt', 'hadnt',
  'never', 'nothing', 'neither', 'nor', 'nil', 'aint', 'nope', 'wont', 'wouldnt',
]);
/** Negators that can follow what they negate: "neck isn't sore". */
const POST_NEGATORS = new Set(['not', 'isnt', 'arent', 'doesnt', 'dont', 'wasnt', 'werent', 'no', 'nope', 'never']);
/** "not sure", "don't know", "not only": hedges, not negations. */
const NOT_NEGATING_NEXT = new Set(['sure', 'know', 'only', 'just', 'mind', 'doubt', 'idea', 'clue', 'matter', 'really']);
/** "No, it's my neck" typed without the comma: "no" there answers the bot, it negates nothing. */
const NO_AS_ANSWER_NEXT = new Set([
  'my', 'it', 'its', 'im', 'i', 'ive', 'the', 'just', 'only', 'but', 'thats', 'thanks', 'thank', 'that', 'this',
  'you', 'we', 'they', 'he', 'she', 'actually', 'wait', 'sorry', 'mostly', 'mainly',
]);
/** Words between a negator and what it negates that do not weaken the link. */
const FORWARD_GAP = new Set([
  'i', 'im', 'ive', 'id', 'have', 'has', 'had', 'got', 'get', 'getting', 'any', 'a', 'an', 'the', 'my', 'in', 'on',
  'of', 'at', 'to', 'with', 'there', 'theres', 'is', 'are', 'was', 'were', 'been', 'be', 'pain', 'painful', 'sore',
  'soreness', 'hurt', 'hurts', 'hurting', 'ache', 'aches', 'aching', 'really', 'ever', 'feel', 'feeling', 'felt',
  'take', 'taking', 'currently', 'problem', 'problems', 'issue', 'issues', 'trouble', 'history', 'symptoms', 'it',
  'its', 'that', 'anything', 'much', 'all', 'suffer', 'suffering', 'from', 'experienced', 'experiencing', 'or', 'nor',
  '/', 'any', 'more', 'longer', 'recent', 'recently', 'new', 'in', 'either', 'being',
]);
const POST_GAP = new Set([
  'is', 'are', 'was', 'were', 'does', 'do', 'did', 'pain', 'sore', 'hurt', 'hurts', 'hurting', 'really', 'still',
  'feel', 'feels', 'ache', 'aches', 'aching', 'its', 'it', 'that', 'too', 'at', 'all', 'has', 'have', 'been',
]);
const CHAIN = new Set(['or', 'nor', '/']);
const ANSWER_MARKS = new Set(['?', ':', '-', '=']);
const FORWARD_WINDOW = 2;
const POST_WINDOW = 3;

export interface NegationOptions {
  /** Token positions that neither count as distance nor stop the search (side words for body sites). */
  transparent?: ReadonlySet<number>;
  /** Token positions consumed by another phrase, so a "no" inside "no idea" negates nothing. */
  consumed?: ReadonlySet<number>;
}

/**
 * For each span (sorted, non-overlapping), whether the patient negated it. A negator reaches forward
 * a couple of content words within its clause ("no history of cancer"), carries over "or" ("no numbness
 * or tingling"), and otherwise reaches back ("neck isn't sore").
 */
export function negated(tokens: readonly string[], spans: readonly Span[], opts: NegationOptions = {}): boolean[] {
  const owner = new Int32Array(tokens.length).fill(-1);
  spans.forEach((s, k) => {
    for (let i = s.start; i < s.end && i < tokens.length; i++) owner[i] = k;
  });
  const out = spans.map(() => false);
  const skip = (i: number): boolean => opts.transparent?.has(i) === true;

  const forward = (from: number): boolean => {
    let counted = 0;
    for (let j = from; j < tokens.length; j++) {
      const k = owner[j]!;
      if (k >= 0) {
        out[k] = true;
        chain(spans[k]!.end);
        return true;
      }
      const tok = tokens[j]!;
      if (skip(j) || FORWARD_GAP.has(tok)) continue;
      if (CLAUSE_BREAKS.has(tok) || opts.consumed?.has(j)) return false;
      if (++counted > FORWARD_WINDOW) return false;
    }
    return false;
  };
  const chain = (from: number): void => {
    let sawLink = false;
    for (let j = from; j < tokens.length; j++) {
      const k = owner[j]!;
      const tok = tokens[j]!;
      if (k >= 0) {
        if (!sawLink) return;
        out[k] = true;
        sawLink = false;
        j = spans[k]!.end - 1;
        continue;
      }
      if (CHAIN.has(tok)) sawLink = true;
      else if (!skip(j) && !FORWARD_GAP.has(tok)) return;
    }
  };
  const backward = (from: number): void => {
    let steps = 0;
    // "pregnant? no", "chest pain: no" answer a checklist item in place.
    if (from >= 1 && ANSWER_MARKS.has(tokens[from]!)) from--;
    for (let j = from; j >= 0; j--) {
      const k = owner[j]!;
      if (k >= 0) {
        out[k] = true;
        return;
      }
      const tok = tokens[j]!;
      if (skip(j)) continue;
      if (!POST_GAP.has(tok) || ++steps > POST_WINDOW) return;
    }
  };

  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    if (owner[i] !== -1 || skip(i) || opts.consumed?.has(i) || !NEGATORS.has(tok)) continue;
    const next = tokens[i + 1];
    if (next !== undefined && NOT_NEGATING_NEXT.has(next)) continue;
    if ((tok === 'no' || tok === 'nope') && next !== undefined && NO_AS_ANSWER_NEXT.has(next)) continue;
    // "lower back, not so much my hip": the "so much" belongs to the "not", which reaches the hip, not back.
    const from = next === 'so' && tokens[i + 2] === 'much' ? i + 3 : i + 1;
    if (!forward(from) && POST_NEGATORS.has(tok)) backward(i - 1);
  }
  return out;
}

/** Full stops only: a "but" does not end these sentences ("gallbladder out in 2015 but thats ages ago"). */
export const FULL_STOPS: ReadonlySet<string> = new Set(['.', ';', '!', '?']);

/** Index of the sentence each token belongs to, for "named together" rules (`ends`: what ends one). */
export function sentenceIds(tokens: readonly string[], ends: ReadonlySet<string> = SENTENCE_BREAKS): number[] {
  let id = 0;
  return tokens.map((t) => (ends.has(t) ? ++id : id));
}
