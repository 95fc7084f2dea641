// The safety screen: which of the listed warning signs the patient has, by number or in their words.
// When in doubt this errs towards reporting a flag: a missed emergency costs more than a question.
import type { FlagCode } from '../vocabulary.js';
import { findAll, lexicon, negated, sentenceIds, type Match, type Span } from './phrases.js';
import { guarded, miss, ok } from './result.js';
import { isBlank, isDigitToken, tokenise } from './text.js';
import type { Understood } from './types.js';

/** Parts of a warning sign that only mean something together ("numb" + "groin" = saddle numbness). */
type Part = 'NUMB' | 'GROIN' | 'SADDLE' | 'LEGS' | 'WEAK' | 'WORSE' | 'HOT' | 'SWOLLEN' | 'FEVER' | 'LOST' | 'WEIGHT';
type FlagWord = FlagCode | Part | 'not_a_flag';

const PARTS: ReadonlyArray<readonly [FlagWord, readonly string[]]> = [
  [
    'NUMB',
    [
      'numb', 'numbness', 'pins and needles', 'tingling', 'tingle', 'tingles', 'tingly', 'no feeling', 'loss of feeling',
      'cant feel', 'lost feeling', 'altered sensation', 'reduced sensation', 'dead feeling', 'feels dead',
    ],
  ],
  [
    'GROIN',
    [
      'groin', 'genital', 'genitals', 'down there', 'bum', 'bottom', 'buttocks', 'between my legs', 'between legs', 'crotch',
      'private', 'privates', 'private parts', 'perineum', 'anus', 'back passage', 'inner thighs',
    ],
  ],
  ['SADDLE', ['saddle', 'saddle area', 'saddle region']],
  ['LEGS', ['both legs', 'both my legs', 'both feet', 'legs', 'both thighs', 'both calves', 'two legs', 'each leg']],
  ['WEAK', ['weak', 'weakness', 'losing strength', 'no strength', 'giving way', 'gives way', 'buckling', 'foot drop', 'wasting']],
  ['WORSE', ['worse', 'worsening', 'getting worse', 'increasing', 'progressing', 'spreading']],
  ['HOT', ['hot', 'warm', 'red', 'redness', 'inflamed', 'inflammation']],
  ['SWOLLEN', ['swollen', 'swelling', 'puffy', 'swelled up', 'swelled']],
  [
    'FEVER',
    [
      'fever', 'fevers', 'feverish', 'temperature', 'high temperature', 'temp', 'hot and cold', 'chills', 'the chills', 'shivering',
      'shivers', 'night sweats', 'sweats', 'sweating at night', 'unwell', 'sick', 'feel unwell', 'feeling unwell', 'generally unwell',
      'under the weather', 'flu', 'flu like', 'rigors',
    ],
  ],
  ['LOST', ['lost', 'losing', 'lose', 'dropped', 'dropping']],
  ['WEIGHT', ['weight', 'kg', 'kgs', 'kilos', 'kilo', 'pounds', 'lbs', 'clothes are loose']],
];

const DIRECT: ReadonlyArray<readonly [FlagWord, readonly string[]]> = [
  [
    'bladder_bowel_change',
    [
      'cant pee', 'cant wee', 'cant urinate', 'wet myself', 'wetting myself', 'wet the bed', 'incontinence', 'incontinent', 'bladder',
      'bowel', 'bowels', 'cant control my bladder', 'leaking urine', 'leaking', 'urine', 'peeing', 'pee', 'wee', 'weeing', 'toilet',
      'soiled myself', 'poo', 'cant poo', 'retention', 'cant hold it', 'urinating', 'continence',
    ],
  ],
  ['progressive_weakness', ['weaker', 'getting weaker', 'weakness getting worse', 'weaker and weaker', 'weakening']],
  [
    'chest_pain_breathless',
    [
      'chest pain', 'chest pains', 'chest', 'tight chest', 'chest tightness', 'short of breath', 'shortness of breath', 'breathless',
      'breathlessness', 'cant breathe', 'cant catch my breath', 'out of breath', 'trouble breathing', 'difficulty breathing',
      'hard to breathe', 'breathing', 'breath', 'breathe', 'palpitations', 'heart racing', 'winded',
    ],
  ],
  [
    'neck_neuro_signs',
    [
      'dizzy', 'dizziness', 'vertigo', 'room spinning', 'double vision', 'seeing double', 'blurred vision', 'blurry vision',
      'slurred speech', 'slurring', 'slurred', 'trouble speaking', 'trouble swallowing', 'difficulty swallowing', 'hard to swallow',
      'cant swallow', 'swallowing', 'falling over', 'drop attack', 'drop attacks', 'blackout', 'blackouts', 'blacked out',
      'fainted', 'fainting', 'faint', 'passed out', 'lightheaded', 'light headed', 'face numb', 'numb face', 'facial numbness',
      'sudden falls', 'keep falling', 'nystagmus',
    ],
  ],
  [
    'trauma_fracture',
    [
      'fell', 'fall', 'falls', 'fell over', 'fell off', 'had a fall', 'accident', 'car accident', 'car crash', 'crash', 'crashed',
      'collision', 'hit by', 'broken', 'broke', 'broken bone', 'fracture', 'fractured', 'dislocated', 'dislocation', 'came off',
      'tackled', 'knocked over', 'bone sticking out', 'deformed',
    ],
  ],
  ['hot_swollen_joint_fever', ['hot swollen joint', 'hot joint', 'red swollen knee and fever']],
  [
    'cancer_history',
    [
      'cancer', 'tumour', 'tumor', 'chemo', 'chemotherapy', 'radiotherapy', 'radiation', 'oncologist', 'leukaemia', 'leukemia',
      'lymphoma', 'melanoma', 'malignant', 'malignancy', 'metastatic', 'metastases', 'carcinoma', 'myeloma',
    ],
  ],
  ['unexplained_weight_loss', ['lost weight', 'losing weight', 'weight loss', 'weight dropping', 'weight has dropped', 'lost a lot of weight']],
  [
    'constant_night_pain',
    [
      'pain at night', 'night pain', 'at night', 'nights', 'night', 'cant sleep', 'cant sleep for pain', 'wakes me up', 'wakes me',
      'keeps me awake', 'keeps me up', 'no position', 'cant get comfortable', 'cant find a comfortable position', 'constant',
      'constantly', 'all the time', 'never stops', 'never goes away', 'worse at night', 'awake', 'no relief', 'nothing helps',
      'nothing eases it',
    ],
  ],
  [
    'immunosuppressed_steroids',
    [
      'steroid', 'steroids', 'prednisone', 'prednisolone', 'cortisone', 'dexamethasone', 'immune', 'immunosuppressed',
      'immunosuppressant', 'immunosuppressants', 'immunocompromised', 'weak immune system', 'weakened immune system',
      'weak immune', 'weakened immune', 'methotrexate', 'transplant', 'hiv', 'biologics', 'biologic',
    ],
  ],
  [
    'clumsy_hands_unsteady_walk',
    [
      'clumsy', 'clumsiness', 'dropping things', 'dropped things', 'keep dropping', 'unsteady', 'balance', 'off balance',
      'poor balance', 'wobbly', 'stumbling', 'stumble', 'trouble walking', 'cant walk straight', 'walking funny', 'uncoordinated',
      'fumbling', 'unsteady on my feet',
    ],
  ],
  ['numbness_tingling', []],
  [
    'not_a_flag',
    [
      'fell asleep', 'fall asleep', 'falling asleep', 'broke up', 'lost my job', 'heart broken', 'not sure', 'feel fine',
      'feeling fine', 'sick of', 'sick and tired', 'all good', 'breathe easy', 'breathing is fine', 'breathing fine',
      'breathing ok', 'breathing is ok', 'breathing is normal',
    ],
  ],
];

const LEXICON = lexicon<FlagWord>([...DIRECT, ...PARTS]);

/** Parts named in one sentence, not negated, combine into a flag; each part is used once. */
const RULES: ReadonlyArray<readonly [readonly Part[], FlagCode]> = [
  [['NUMB', 'SADDLE'], 'saddle_numbness'],
  [['SADDLE'], 'saddle_numbness'],
  [['NUMB', 'GROIN'], 'saddle_numbness'],
  [['LEGS', 'NUMB'], 'both_legs_symptoms'],
  [['LEGS', 'WEAK'], 'both_legs_symptoms'],
  [['LEGS'], 'both_legs_symptoms'],
  [['WEAK', 'WORSE'], 'progressive_weakness'],
  // Weakness alone is the broad limb item: its follow-up asks whether it is getting worse, which is
  // what makes it an emergency. Jumping straight to the emergency would turn away stable patients.
  [['WEAK'], 'numbness_tingling'],
  [['HOT', 'SWOLLEN', 'FEVER'], 'hot_swollen_joint_fever'],
  [['SWOLLEN', 'FEVER'], 'hot_swollen_joint_fever'],
  [['HOT', 'SWOLLEN'], 'hot_swollen_joint_fever'],
  [['LOST', 'WEIGHT'], 'unexplained_weight_loss'],
  [['NUMB'], 'numbness_tingling'],
  [['FEVER'], 'fever_unwell'],
];

const NOTHING = lexicon<true>([
  [
    true,
    [
      'none', 'none of these', 'none of them', 'none of those', 'none of the above', 'no', 'nope', 'nah', 'n', 'nothing',
      'nothing like that', 'nothing of the sort', 'all good', 'neither', 'nil', 'not any', 'no to all', 'none apply', 'not really',
      'no never', '0', 'na', 'n/a', 'no i dont', 'i dont', 'dont have any', 'no nothing', 'feel fine', 'feeling fine', 'im fine',
      'fine', 'breathing is fine', 'breathing fine', 'breathing ok', 'breathing is ok', 'breathing is normal', 'none apply to me',
    ],
  ],
]);
const ALL_OF_THEM = lexicon<boolean>([
  [true, ['all of them', 'all of these', 'all of the above', 'every one', 'all']],
  [false, ['all good', 'all fine', 'all ok', 'not at all', 'all the time', 'all day', 'all night', 'at all', 'all over']],
]);

/** A number followed by one of these is an amount ("lost 5 kg", "10 years ago"), not a list item. */
const NOT_ITEM_UNITS = new Set([
  'kg', 'kgs', 'kilo', 'kilos', 'lbs', 'pounds', 'day', 'days', 'week', 'weeks', 'wk', 'wks', 'month', 'months', 'year', 'years',
  'yr', 'yrs', 'hour', 'hours', 'times', 'x', 'am', 'pm', 'legs', 'arms', 'kids', 'st', 'nd', 'rd', 'th',
]);

interface Item extends Span {
  value: number;
}

function listNumbers(tokens: readonly string[]): Item[] {
  const items: Item[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    if (!isDigitToken(tok)) continue;
    const after = tokens[i + 1];
    if (after !== undefined && NOT_ITEM_UNITS.has(after)) continue;
    // "2.5" typed for "2,5".
    for (const part of tok.split('.')) {
      const value = Number(part);
      // "1-3" lists the items in between too.
      const prev = items[items.length - 1];
      if (prev && tokens[i - 1] === '-' && prev.end === i - 1 && value > prev.value && value - prev.value <= 20) {
        for (let v = prev.value + 1; v < value; v++) items.push({ value: v, start: i, end: i + 1 });
      }
      items.push({ value, start: i, end: i + 1 });
    }
  }
  return items;
}

export function parseFlagChecklist(text: string, offered: FlagCode[]): Understood<FlagCode[]> {
  return guarded(() => {
    if (isBlank(text)) return miss('empty');
    const list = Array.isArray(offered) ? offered : [];
    const tokens = tokenise(text);
    const words = findAll(tokens, LEXICON);
    const numbers = listNumbers(tokens).filter((n) => n.value !== 0);
    type Hit = { span: Span; word?: FlagWord; item?: number };
    const hits: Hit[] = [
      ...words.map((m: Match<FlagWord>) => ({ span: m as Span, word: m.value })),
      ...numbers.map((n) => ({ span: n as Span, item: n.value })),
    ].sort((a, b) => a.span.start - b.span.start);
    // Negation is worked out over non-overlapping spans; "1-3" items share a token, so keep one per token.
    const spans: Span[] = [];
    const spanIndex: number[] = [];
    for (const h of hits) {
      const last = spans[spans.length - 1];
      if (!last || last.start !== h.span.start) spans.push(h.span);
      spanIndex.push(spans.length - 1);
    }
    const neg = negated(tokens, spans);
    const sentence = sentenceIds(tokens);

    const found: { code: FlagCode; at: number }[] = [];
    let outOfRange = false;
    const parts = new Map<number, { part: Part; at: number }[]>();
    hits.forEach((h, k) => {
      if (neg[spanIndex[k]!]) return;
      if (h.item !== undefined) {
        const code = list[h.item - 1];
        if (code === undefined) outOfRange = true;
        else found.push({ code, at: h.span.start });
        return;
      }
      const word = h.word!;
      if (word === 'not_a_flag') return;
      if (/^[A-Z]+$/.test(word)) {
        const id = sentence[h.span.start]!;
        const bag = parts.get(id) ?? [];
        bag.push({ part: word as Part, at: h.span.start });
        parts.set(id, bag);
      } else {
        found.push({ code: word as FlagCode, at: h.span.start });
      }
    });
    for (const bag of parts.values()) {
      for (const [need, code] of RULES) {
        for (;;) {
          const used = need.map((p) => bag.findIndex((b) => b.part === p));
          if (used.some((u) => u < 0)) break;
          const at = Math.min(...used.map((u) => bag[u]!.at));
          found.push({ code, at });
          for (const u of [...used].sort((a, b) => b - a)) bag.splice(u, 1);
        }
      }
    }
    if (findAll(tokens, ALL_OF_THEM).some((m) => m.value) && found.length === 0) list.forEach((code, k) => found.push({ code, at: -list.length + k }));

    found.sort((a, b) => a.at - b.at);
    const codes = [...new Set(found.map((f) => f.code))];
    const inList = codes.filter((c) => list.includes(c));
    if (inList.length > 0) return ok(inList);
    if (outOfRange) return miss('out_of_range');
    if (codes.length > 0) return miss('not_offered', codes.join(','));
    if (findAll(tokens, NOTHING).length > 0) return ok([]);
    return miss('not_understood');
  });
}
