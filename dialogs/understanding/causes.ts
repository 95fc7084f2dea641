// Why it started: "lifted a box at the gym", "stress at work", "desk job", "slept funny", "no idea".
import type { Cause } from '../vocabulary.js';
import { findAll, lexicon, negated } from './phrases.js';
import { guarded, miss, ok } from './result.js';
import { isBlank, tokenise } from './text.js';
import type { Understood } from './types.js';

type CauseWord = Cause | 'not_a_cause';

const LEXICON = lexicon<CauseWord>([
  [
    'strain',
    [
      'lifting', 'lift', 'lifted', 'lifted a box', 'heavy lifting', 'gym', 'sport', 'sports', 'footy', 'football', 'soccer',
      'netball', 'basketball', 'tennis', 'golf', 'cricket', 'rugby', 'hockey', 'surfing', 'overdid it', 'overdid', 'overdoing it',
      'overexertion', 'overexerted', 'pulled a muscle', 'pulled something', 'pulled', 'strain', 'strained', 'workout', 'working out',
      'exercise', 'exercising', 'running', 'run', 'ran', 'jogging', 'moving house', 'moving furniture', 'gardening', 'weights',
      'crossfit', 'tweaked', 'twisted', 'hit the gym', 'squats', 'deadlift', 'deadlifts', 'carrying', 'carried',
      'marathon', 'hiking', 'cycling', 'pushed too hard', 'heavy', 'bent over', 'bending', 'reached', 'picked up', 'picking up',
      'yoga', 'pilates', 'dancing', 'swimming', 'climbing', 'boxing', 'martial arts', 'bjj', 'skiing', 'snowboarding',
    ],
  ],
  [
    'stress',
    [
      'stress', 'stressed', 'stressful', 'anxiety', 'anxious', 'tension', 'tense', 'work pressure', 'pressure', 'worry', 'worried',
      'emotional', 'grief', 'burnout', 'burnt out', 'burned out', 'overwhelmed', 'clenching', 'grinding my teeth', 'teeth grinding', 'upset', 'depression',
      'depressed', 'exams', 'deadlines', 'tough time', 'hard time',
    ],
  ],
  [
    'repetitive_use',
    [
      'desk work', 'desk', 'desk job', 'typing', 'computer', 'laptop', 'repetitive', 'repetition', 'repetitive strain', 'rsi',
      'mouse', 'tools', 'same movement', 'same movements', 'training', 'overuse', 'overused', 'keyboard', 'office work', 'office job',
      'gaming', 'playing guitar', 'guitar', 'piano', 'violin', 'knitting', 'sewing', 'factory', 'assembly line',
      'screen', 'screens', 'writing', 'texting', 'scrolling', 'manual work', 'manual labour', 'hairdressing', 'trade',
      'tradie', 'construction', 'on my feet all day', 'all day at work', 'over and over', 'every day at work',
    ],
  ],
  [
    'injury',
    [
      'fell', 'fall', 'a fall', 'fell over', 'fell off', 'accident', 'car crash', 'crash', 'car accident', 'injured', 'injury', 'hit',
      'got hit', 'hit by', 'whiplash', 'tackle', 'tackled', 'slipped', 'slip', 'tripped', 'trip', 'knocked', 'bumped',
      'rolled my ankle', 'rolled', 'sprained', 'sprain', 'dislocated', 'broke', 'broken', 'fracture', 'fractured', 'collision',
      'came off my bike', 'bike accident', 'assaulted', 'landed on', 'slipping', 'tripping',
    ],
  ],
  [
    'posture',
    [
      'posture', 'bad posture', 'poor posture', 'slept funny', 'slept wrong', 'slept badly', 'slept awkwardly', 'slept on it',
      'slept weird', 'slept in a weird position', 'awkward position', 'awkward', 'sitting all day', 'sitting', 'sit all day',
      'slouching', 'slouch', 'hunched', 'hunching', 'looking down at my phone', 'looking at my phone', 'on my phone', 'text neck',
      'new pillow', 'pillow', 'bad chair', 'long drive', 'driving', 'woke up with it', 'woke up like this', 'woke up with',
      'mattress', 'bad bed', 'fell asleep on the couch', 'fell asleep on the lounge', 'fell asleep', 'couch', 'standing all day',
      'breastfeeding', 'carrying my baby', 'wrong position', 'weird position', 'funny position', 'way i sleep', 'sleeping position',
      'sleeping', 'how i sleep', 'sleep position',
    ],
  ],
  [
    'unknown',
    [
      'not sure', 'unsure', 'dont know', 'do not know', 'no idea', 'just started', 'no reason', 'nothing', 'nothing in particular',
      'no clue', 'out of nowhere', 'out of the blue', 'came on by itself', 'came on its own', 'just happened', 'it just happened',
      'cant remember', 'cant think', 'not certain', 'unknown', 'no particular reason', 'just appeared', 'gradually', 'no cause',
      'nothing specific', 'who knows', 'cant say',
    ],
  ],
  ['not_a_cause', ['run down', 'run out', 'ran out', 'trip to', 'training course', 'long time', 'too much to', 'fall asleep', 'nothing else']],
]);

export function parseCauses(text: string): Understood<Cause[]> {
  return guarded(() => {
    if (isBlank(text)) return miss('empty');
    const tokens = tokenise(text);
    const found = findAll(tokens, LEXICON);
    const neg = negated(tokens, found);
    const causes: Cause[] = [];
    found.forEach((m, k) => {
      if (!neg[k] && m.value !== 'not_a_cause' && !causes.includes(m.value)) causes.push(m.value);
    });
    if (causes.length === 0) return miss('not_understood');
    // A hedged cause is still a cause ("not sure, maybe lifting"): keep 'unknown' only when alone.
    const known = causes.filter((c) => c !== 'unknown');
    return ok(known.length > 0 ? known : causes);
  });
}
