// Warning signs in a patient's words: the words for each sign, where they count, and the ConText
// properties of each mention. Two places read them:
//   - `anywhere`: words strong enough to ask about whatever the question ("I can't breathe properly");
//   - `checklist`: words that name a sign only when the patient answers the safety checklist, where
//     the question gives them their meaning ("toilet", "fell", "at night").
// Numbers are never signs here: a digit is a checklist item only at a checklist (flags.ts).
import { levelOf, type FlagCode } from '../vocabulary.js';
import { assert, type Assertions } from './assertions.js';
import { aThingBroke } from './brokenThings.js';
import { findAll, lexicon, negated, sentenceIds, type Lexicon, type Match } from './phrases.js';
import { tokenise } from './text.js';

/** Parts of a sign that only mean something together ("numb" + "groin" = saddle numbness). */
type Part =
  | 'NUMB' | 'GROIN' | 'SADDLE' | 'LEGS' | 'WEAK' | 'WORSE' | 'HOT' | 'SWOLLEN' | 'FEVER' | 'LOST' | 'WEIGHT' | 'CHEST' | 'CANT_MOVE'
  | 'HURT' | 'NIGHT' | 'CONSTANT' | 'FALL';
type SignWord = FlagCode | Part | 'not_a_sign';
export type Where = 'anywhere' | 'checklist';

interface Row {
  anywhere?: readonly string[];
  checklist?: readonly string[];
}

export const SIGN_WORDS: ReadonlyArray<readonly [SignWord, Row]> = [
  ['NUMB', {
    anywhere: [
      'numb', 'numbness', 'pins and needles', 'pins n needles', 'pins and needle', 'pins needles', 'tingling', 'tingle', 'tingles', 'tingly', 'no feeling', 'loss of feeling', 'cant feel',
      'lost feeling', 'altered sensation', 'reduced sensation', 'dead feeling', 'feels dead', 'cant feel it', 'cant feel anything',
      // "can't really feel my bum": a softened "can't feel" is still no feeling.
      'cant really feel', 'cant quite feel', 'cant properly feel', 'cant fully feel', 'hardly feel', 'barely feel', 'cant feel much',
      // "fingers feel a bit fuzzy when i wake up" (a fuzzy head is no numbness: see not_a_sign).
      // (Of a hand, foot or limb only: "feel fuzzy after a night shift" is tiredness, "vision has gone fuzzy" is no numbness.)
      ...['fingers', 'fingertips', 'hand', 'hands', 'toes', 'foot', 'feet', 'arm', 'leg'].flatMap((part) => [
        `${part} feel fuzzy`, `${part} feels fuzzy`, `${part} feel a bit fuzzy`, `${part} feels a bit fuzzy`, `${part} go fuzzy`, `${part} goes fuzzy`, `${part} are fuzzy`, `${part} is fuzzy`, `fuzzy ${part}`,
      ]),
    ],
  }],
  ['GROIN', {
    anywhere: [
      'groin', 'genital', 'genitals', 'down there', 'bum', 'bottom', 'buttocks', 'between my legs', 'between legs', 'crotch',
      'private', 'privates', 'private parts', 'perineum', 'anus', 'back passage', 'inner thighs', 'when i wipe', 'wipe', 'wiping',
      'toilet paper', 'sitting on the toilet', 'bits', 'my bits', 'nether regions', 'undercarriage',
    ],
  }],
  ['SADDLE', { anywhere: ['saddle', 'saddle area', 'saddle region', 'in the saddle area', 'in the saddle region', 'on the saddle area'] }],
  [
    'LEGS',
    {
      anywhere: [
        'both feet', 'both thighs', 'both calves', 'two legs', 'each leg', 'legs', 'both sides of my legs', 'both my feet', 'both hips and legs',
        // Said with the singular, as English learners often do: "my both leg feel numb".
        'both leg', 'my both leg', 'both my leg', 'both of my legs', 'both of my leg', 'two leg', 'both side leg', 'both side of leg',
        'both foot', 'my both foot', 'feet', 'my feet', 'leg both', 'legs both', 'both legs is', 'both side of my leg', 'both side my leg',
      ],
    },
  ],
  ['WEAK', {
    anywhere: ['weak', 'weakness', 'losing strength', 'no strength', 'giving way', 'gives way', 'buckling', 'foot drop', 'wasting', 'jelly', 'slapping'],
  }],
  ['WORSE', { anywhere: ['worse', 'worsening', 'getting worse', 'increasing', 'progressing', 'weaker', 'every day', 'each day', 'by the day', 'more than it was', 'more than before', 'more than last week'] }],
  ['HOT', { anywhere: ['hot', 'warm', 'red', 'redness', 'inflamed', 'inflammation', 'red hot'] }],
  // (A lump or a bump counts only with a fall: "came off my bike, theres a lump on my collarbone".)
  ['SWOLLEN', { anywhere: ['swollen', 'swelling', 'puffy', 'swelled up', 'swelled', 'swole', 'blew up', 'blown up', 'like a balloon', 'ballooned', 'puffed up', 'all purple', 'gone purple', 'black and blue', 'a lump on', 'lump on my', 'a bump on', 'sticking out', 'sticks out', 'lump sticking', 'sticking up', 'lump near', 'a lump near'] }],
  ['FEVER', {
    anywhere: [
      'fever', 'fevers', 'feverish', 'temperature', 'high temperature', 'a temp', 'temp', 'hot and cold', 'chills', 'the chills',
      'shivering', 'shivers', 'night sweats', 'sweats', 'sweating at night', 'sweaty at night', 'sweats at night', 'feel unwell', 'feeling unwell', 'generally unwell',
      'rigors', 'flu like', 'feverish', 'sweating buckets', 'drenched', 'soaked the sheets', 'shivery', 'shaky and hot', 'burning up',
    ],
    checklist: ['unwell', 'sick', 'under the weather', 'flu', 'feeling crook', 'feel crook', 'felt crook', 'run down', 'rundown', 'sweating', 'sweaty'],
  }],
  ['LOST', { anywhere: ['lost', 'losing', 'lose', 'dropped', 'dropping'] }],
  ['WEIGHT', { anywhere: ['weight', 'kg', 'kgs', 'kilos', 'kilo', 'pounds', 'lbs', 'clothes are loose'] }],
  ['CHEST', { anywhere: ['chest', 'heart'] }],
  ['HURT', { anywhere: ['pain', 'pains', 'crushing', 'tight', 'tightness', 'pressure', 'heavy', 'squeezing', 'elephant', 'crushed', 'heaviness'] }],
  ['NIGHT', { anywhere: ['at night', 'night', 'nights', 'overnight', 'in bed', 'all night', 'every night', 'night time', 'nighttime'] }],
  ['CONSTANT', {
    anywhere: [
      'constant', 'constantly', 'doesnt stop', 'never stops', 'no matter how', 'no matter what', 'no position', 'whatever position',
      'any position', 'cant get comfy', 'however i lie', 'whatever way i lie', 'whichever way i lie', 'no matter which way', 'any way i lie', 'cant get comfortable', 'cant find a comfortable position', 'nothing eases it', 'nothing helps', 'no relief',
      'all the time', 'non stop', 'nonstop', 'nothing i do helps', 'nothing i do eases it', 'keeps me awake', 'keeps me up', 'no comfortable position',
    ],
  }],
  ['FALL', {
    anywhere: [
      'fell', 'fall', 'fell over', 'fell off', 'had a fall', 'tackled', 'came off', 'slipped', 'tripped', 'crash', 'crashed', 'knocked over',
      // A rolled ankle is a fall's injury: with no weight borne or swelling, it could be broken.
      'rolled it', 'rolled my ankle', 'went over on it', 'went over on my ankle',
    ],
  }],
  ['CANT_MOVE', {
    anywhere: [
      'cant move it', 'cant move', 'cant put weight on it', 'cant put weight on', 'cant put any weight on',
      // A hedge inside the phrase: "can't really put weight on it".
      'cant really put weight on', 'cant really put any weight on', 'cant really weight bear', 'cant really stand on it', 'cant really walk on it', 'cant bear weight', 'cant weight bear', 'cant stand on it',
      'cant walk on it', 'cant lift my arm', 'cant lift the arm', 'cant raise my arm', 'cant raise the arm', 'cant use my arm', 'cant lift it', 'cant use it', 'cant move my', 'cant bend it', 'cant straighten it', 'cant turn it',
    ],
  }],
  ['bladder_bowel_change', {
    anywhere: [
      'cant pee', 'cant wee', 'cant urinate', 'wet myself', 'wetting myself', 'wet the bed', 'incontinence', 'incontinent',
      'cant control my bladder', 'cant control my bowels', 'leaking urine', 'leaking wee', 'soiled myself', 'cant poo',
      'urinary retention', 'cant hold it', 'cant hold on', 'cant pee properly', 'cant wee properly', 'havent been able to pee', 'havent been able to wee', 'not able to pee', 'unable to pee', 'unable to wee',
      'have to push', 'really push', 'trouble passing urine', 'cant empty my bladder', 'peeing myself', 'wet my pants', 'leaking a bit', 'accidents',
      'trouble peeing', 'trouble weeing', 'hold my wee', 'hold my pee', 'hold my bladder', 'control my bladder', 'control my bowels',
      'dont know when i need to go', 'cant tell when i need to go', 'cant feel when i need to go', 'lost control',
      'toilet accidents', 'having accidents', 'had accidents',
      // Plain and learner's words: "can't control my pee", "I pee myself", "cannot pass urine", "can't hold my poo".
      'cant control my pee', 'cant control my wee', 'cant control my poo', 'cant control my urine', 'cant control the toilet',
      'pee myself', 'wee myself', 'poo myself', 'pooed myself', 'peed myself', 'weed myself', 'cant pass urine', 'cant pass water',
      'cant hold my poo', 'cant hold my bowels', 'cant hold my urine', 'cant feel when go toilet', 'cant feel when i go toilet', 'cant feel when i go to the toilet',
      'cant feel when i pee', 'cant feel when i wee',
      // A hedge inside the phrase: "can't really tell when I need to wee".
      'didnt make it to the loo', 'didnt make it to the toilet', 'make it to the loo in time', 'make it to the toilet in time',
      'cant feel when i need to', 'cant feel when i need to wee', 'cant feel when i need to pee', 'cant really tell when i need to', 'cant tell when i need to wee', 'cant tell when i need to pee', 'cant really feel when i need to',
      'dont really know when i need to', 'dont know when i need to wee', 'dont know when i need to pee',
    ],
    checklist: [
      'bladder', 'bowel', 'bowels', 'leaking', 'urine', 'peeing', 'pee', 'wee', 'weeing', 'toilet', 'poo', 'retention',
      'urinating', 'continence', 'waterworks', 'dribbling', 'cant go', 'constipated',
    ],
  }],
  ['progressive_weakness', {
    anywhere: ['getting weaker', 'weakness getting worse', 'weaker and weaker', 'weakening', 'weaker every day', 'keeps getting weaker'],
    checklist: ['weaker'],
  }],
  ['chest_pain_breathless', {
    anywhere: [
      'short of breath', 'shortness of breath', 'breathless', 'breathlessness', 'cant breathe', 'cant breathe properly',
      'cant catch my breath', 'trouble breathing', 'difficulty breathing', 'hard to breathe', 'hard to breathing', 'hard to breath', 'difficult to breathe', 'difficult breathing', 'cannot breathing', 'struggling to breathe',
      'palpitations', 'heart racing', 'heart attack', 'crushing chest', 'chest pain', 'chest pains', 'chest tightness',
      'sore chest', 'chest is sore', 'chest hurts', 'chest hurting', 'my chest hurts',
      'tight chest', 'pain in my chest',
    ],
    checklist: ['chest', 'out of breath', 'breathing', 'breath', 'breathe', 'winded'],
  }],
  ['neck_neuro_signs', {
    anywhere: [
      'dizzy', 'dizziness', 'giddy', 'vertigo', 'room spinning', 'room spins', 'the room spins', 'spinning', 'collapsed', 'dropped to the floor', 'legs gave out', 'food gets stuck', 'food keeps getting stuck', 'stuck when i swallow', 'choking on food', 'speech has gone', 'slurry', 'cant get my words out', 'seeing double', 'lost my vision', 'double vision', 'seeing double', 'slurred speech', 'slurring', 'slurred',
      'trouble speaking', 'trouble swallowing', 'difficulty swallowing', 'hard to swallow', 'cant swallow', 'drop attack',
      'drop attacks', 'blackout', 'blackouts', 'blacked out', 'fainted', 'fainting', 'passed out', 'face numb', 'numb face',
      'facial numbness', 'sudden falls', 'keep falling', 'nystagmus', 'words come out wrong',
      // Plain and learner's words: "talking funny", "see double", "I fall down sudden", "face is numb".
      'talking funny', 'talk funny', 'speaking funny', 'speech is funny', 'words coming out wrong', 'see double', 'saw double',
      'two of everything', 'fall down sudden', 'fall down suddenly', 'fell down suddenly', 'suddenly fall', 'suddenly fell',
      'face is numb', 'face feels numb', 'cant feel my face', 'face drooping', 'face droop', 'drooping face',
    ],
    checklist: ['swallowing', 'falling over', 'faint', 'lightheaded', 'light headed', 'blurred vision', 'blurry vision'],
  }],
  ['trauma_fracture', {
    anywhere: [
      'broken', 'broke it', 'broke my', 'broken bone', 'fracture', 'fractured', 'dislocated', 'dislocation', 'popped out',
      'bone sticking out', 'deformed', 'looks bent', 'is bent', 'bent out of shape', 'funny shape', 'out of place', 'heard a crack', 'heard a snap', 'heard it crack', 'heard snap', 'heard crack', 'heard it snap',
      'heard it snap', 'cracked', 'snapped', 'wrong shape', 'looks wrong',
      // Out of place: "heard a clunk and it looks lower than the other one".
      'heard a clunk', 'heard it clunk', 'looks lower than', 'sits lower than', 'lower than the other', 'looks different to the other',
    ],
    checklist: [
      // A new lump where it was hurt: "a lump on the wrist bone that wasn't there before".
      'a lump', 'new lump', 'lump on', 'wasnt there before',
      'fell', 'fall', 'falls', 'fell over', 'fell off', 'had a fall', 'accident', 'car accident', 'car crash', 'crash', 'crashed',
      'bit bent', 'a bit bent', 'looks a bit bent', 'crooked', 'looks crooked', 'out of line',
      'collision', 'hit by', 'broke', 'came off', 'tackled', 'knocked over', 'knock', 'knocked', 'tripped', 'slipped', 'rear ended', 'rear-ended', 'hit my head', 'took a knee', 'took a hit', 'tumble', 'landed on', 'bumped', 'whacked', 'smashed', 'crashed into', 'ran into', 'walked into', 'got hit',
    ],
  }],
  // Symptoms in both legs (bilateral sciatica) is an emergency sign: said of the legs, not of two knees.
  ['both_legs_symptoms', { anywhere: ['both legs', 'both my legs', 'down both legs', 'into both legs', 'into both calves', 'down both calves', 'into both feet', 'down to both feet', 'down both thighs', 'down the back of both thighs', 'down the back of both legs', 'into both thighs', 'both sides of my legs', 'sciatica on both sides', 'sciatica both sides', 'sciatica in both legs'] }],
  ['hot_swollen_joint_fever', { anywhere: ['hot swollen joint', 'hot joint', 'red hot joint', 'hot red joint'] }],
  ['cancer_history', {
    anywhere: [
      'cancer', 'tumour', 'tumor', 'chemo', 'chemotherapy', 'radiotherapy', 'radiation therapy', 'oncologist', 'leukaemia',
      'leukemia', 'lymphoma', 'melanoma', 'malignant', 'malignancy', 'metastatic', 'metastases', 'carcinoma', 'myeloma', 'mastectomy', 'bowel cancer', 'breast cancer', 'prostate cancer', 'skin cancer', 'bowel ca', 'breast ca', 'prostate ca', 'lung ca', 'sarcoma', 'bone cancer',
    ],
    checklist: ['radiation'],
  }],
  ['unexplained_weight_loss', {
    anywhere: ['weight loss without trying', 'losing weight without trying', 'lost weight without trying', 'unexplained weight loss'],
    checklist: ['the weight one', 'weight one', 'the weight thing', 'weight loss one', 'lost weight', 'losing weight', 'weight loss', 'weight dropping', 'weight has dropped', 'lost a lot of weight', 'clothes are falling off', 'clothes falling off', 'gotten thin', 'getting thin', 'gone thin', 'skin and bone', 'wasting away'],
  }],
  ['fever_unwell', { checklist: [] }],
  // Night pain counts when it is constant and no position eases it: waking when rolling over does not.
  ['constant_night_pain', { anywhere: ['constant night pain', 'pain all night', 'night pain that never stops'], checklist: ['night pain', 'pain at night', 'worse at night', 'cant sleep for pain', 'cant sleep for the pain', 'wakes me up at night', 'wakes me at night'] }],
  ['immunosuppressed_steroids', {
    anywhere: [
      'prednisone', 'prednisolone', 'dexamethasone', 'immunosuppressed', 'immunosuppressant', 'immunosuppressants',
      'immunocompromised', 'weak immune system', 'weakened immune system', 'methotrexate', 'transplant', 'hiv',
    ],
    checklist: ['steroid', 'steroids', 'cortisone', 'immune', 'weak immune', 'weakened immune', 'biologics', 'biologic'],
  }],
  ['clumsy_hands_unsteady_walk', {
    anywhere: [
      'clumsy hands', 'keep dropping things', 'unsteady on my feet', 'cant walk straight', 'clumsy', 'keep dropping stuff', 'dropping things',
      'dropping stuff', 'unsteady', 'walking like a drunk', 'cant do up buttons',
      // "keep veering into doorframes like ive had a few".
      'veering', 'keep veering', 'into doorframes', 'into door frames', 'like im drunk', 'like ive had a few', 'like i am drunk', 'like im half cut', 'like i was half cut', 'like im half cut',
    ],
    checklist: [
      // Things let go of, said where this sign is asked: "dropped 2 mugs this week" (not "dropped the kids off"). Elsewhere a cup
      // dropped is the grip the pain takes ("keep dropping my coffee cup" at the gripping question).
      // (A thing, not "dropped 3 kilos" or "been dropping weight", which are weight loss.)
      ...['mugs', 'cups', 'glasses', 'plates', 'things', 'cups of tea'].flatMap((thing) => [`dropped 2 ${thing}`, `dropped two ${thing}`, `dropped 3 ${thing}`, `dropped three ${thing}`]),
      'dropped a mug', 'dropped a cup', 'dropped my cup', 'dropped my coffee', 'dropped my phone', 'dropped a glass', 'dropped stuff', 'been dropping things', 'been dropping stuff',
      'clumsy', 'clumsiness', 'dropping things', 'dropped things', 'keep dropping', 'unsteady', 'balance', 'off balance', 'poor balance',
      'wobbly', 'stumbling', 'stumble', 'trouble walking', 'walking funny', 'uncoordinated', 'fumbling',
    ],
  }],
  ['not_a_sign', {
    anywhere: [
      // Money slang for a score of 5 ("bout a fiver"), not a misspelt fever ("been getting a fiver at night" still is).
      'bout a fiver', 'about a fiver', 'like a fiver', 'maybe a fiver', 'prob a fiver', 'a fiver i reckon',
      'cortisone shot', 'cortisone injection', 'cortisone injections', 'steroid injection', 'steroid shot', 'steroid injections',
      'cancer scare', 'sick leave', 'chest day', 'chest press', 'chest workout', 'bench press', 'heavy on bench', 'night shift', 'night shifts', 'last night', 'tonight', 'good night', 'night out', 'sat night', 'friday night',
      'fell asleep', 'fall asleep', 'falling asleep', 'broke up', 'lost my job', 'heart broken', 'broken heart', 'broke my heart', 'breaks my heart', 'feel fine', 'feeling fine',
      'sick of', 'sick and tired', 'all good', 'breathe easy', 'breathing is fine', 'breathing fine', 'breathing ok', 'breathing is ok',
      'breathing is normal', 'chest cold', 'chest infection', 'lost weight on purpose', 'trying to lose weight', 'lose weight',
      'broken sleep', 'bent over', 'bent down', 'bending', 'pain relief', 'hot water bottle', 'hot pack', 'heat pack', 'hot shower',
      'hot bath', 'warm up', 'warmed up', 'red wine', 'fell pregnant', 'temper', 'lost count', 'heart rate',
      // A manipulation, not a break: "the chiro cracked my neck".
      'cracked my neck', 'crack my neck', 'cracks my neck', 'cracked my back', 'crack my back', 'cracked me', 'cracking my neck', 'cracking my back',
      // A bladder that has always been weak is no new trouble (the checklist asks about new trouble).
      'always had a weak bladder', 'weak bladder', 'weak pelvic floor',
      // Pushing up from a chair is not straining on the toilet.
      'have to push off', 'push off', 'push myself up', 'have to push myself up', 'push up', 'push ups', 'have to push up',
      'need to push up', 'have to push with', 'push up with',
      // Near-spellings of sign words ("cranked" is one letter from "cracked").
      'cranked', 'cranking', 'crank',
      'head feels fuzzy', 'head feels a bit fuzzy', 'fuzzy head', 'fuzzy headed', 'head is fuzzy', 'brain feels fuzzy',
      // A bike's saddle: "long hours in the saddle", "new saddle's set too high" (numbness said with it is still numbness).
      // (Only a bike's: "numbness in the saddle" is the sign.)
      'hours in the saddle', 'time in the saddle', 'long rides in the saddle', 'bike saddle', 'new saddle', 'saddle height', 'saddle too high',
      'saddle too low', 'saddle set', 'saddle position',
    ],
  }],
];

/** Parts named in one sentence, with the same ConText properties, combine into a sign; each part is used once. */
export const SIGN_RULES: ReadonlyArray<readonly [readonly Part[], FlagCode, Where]> = [
  [['NUMB', 'SADDLE'], 'saddle_numbness', 'anywhere'],
  [['SADDLE'], 'saddle_numbness', 'anywhere'],
  [['NUMB', 'GROIN'], 'saddle_numbness', 'anywhere'],
  [['LEGS', 'NUMB'], 'both_legs_symptoms', 'anywhere'],
  [['LEGS', 'WEAK'], 'both_legs_symptoms', 'anywhere'],
  [['LEGS'], 'both_legs_symptoms', 'checklist'],
  [['WEAK', 'WORSE'], 'progressive_weakness', 'anywhere'],
  // Weakness alone is the broad limb item: its follow-up asks whether it is getting worse, which is
  // what makes it an emergency. Jumping straight to the emergency would turn away stable patients.
  [['WEAK'], 'numbness_tingling', 'checklist'],
  [['HOT', 'SWOLLEN', 'FEVER'], 'hot_swollen_joint_fever', 'anywhere'],
  [['SWOLLEN', 'FEVER'], 'hot_swollen_joint_fever', 'anywhere'],
  [['HOT', 'FEVER'], 'hot_swollen_joint_fever', 'checklist'],
  [['NIGHT', 'CONSTANT'], 'constant_night_pain', 'anywhere'],
  [['CHEST', 'HURT'], 'chest_pain_breathless', 'anywhere'],
  [['SWOLLEN', 'CANT_MOVE'], 'trauma_fracture', 'anywhere'],
  // After a fall, not being able to move or bear weight, or swelling, is asked about as a possible fracture.
  [['FALL', 'CANT_MOVE'], 'trauma_fracture', 'anywhere'],
  [['FALL', 'SWOLLEN'], 'trauma_fracture', 'anywhere'],
  // At the checklist a fall alone is the fall item (its follow-up asks whether something could be broken).
  [['FALL'], 'trauma_fracture', 'checklist'],
  [['CANT_MOVE'], 'trauma_fracture', 'checklist'],
  [['LOST', 'WEIGHT'], 'unexplained_weight_loss', 'anywhere'],
  [['NUMB'], 'numbness_tingling', 'anywhere'],
  [['FEVER'], 'fever_unwell', 'anywhere'],
];

/**
 * What rules one sign out, for a clinician to read and add to, in the answer to that sign's own question.
 * Weight loss is also ruled out in passing, in the sentence that says it or a "but" after it ("lost 10kg on
 * ozempic, on purpose", "lost 8 kilos but thats the ozempic"); the others are not, where a word like "just the
 * left" or "roll over" could sit beside a real warning ("constant pain all night, worse when i roll over").
 */
const RULED_OUT_BY: Partial<Record<FlagCode, readonly string[]>> = {
  unexplained_weight_loss: ['weight watchers', 'diet', 'dieting', 'on purpose', 'trying to lose', 'ozempic', 'mounjaro', 'saxenda', 'gym'],
  progressive_weakness: ['not weaker', 'no weaker', 'not getting weaker', 'no weakness', 'not weak', 'just tingly', 'just the tingly', 'only tingly', 'just pins and needles'],
  both_legs_symptoms: ['just the left', 'just the right', 'only the left', 'only the right', 'just one leg', 'only one leg', 'ones fine', 'other one is fine', 'other leg is fine', 'other legs fine'],
  hot_swollen_joint_fever: ['not hot', 'no fever', 'no temp', 'no temperature', 'not red', 'not warm', 'no fevers'],
  constant_night_pain: ['settles', 'it settles', 'eases', 'it eases', 'goes away if', 'better if', 'ok if', 'fine if', 'if i roll', 'if i move', 'change position', 'roll over', 'get comfy'],
};
// ("cant get comfy", "nothing eases it": what would rule it out, denied.)
const DENIED_BY: ReadonlySet<string> = new Set(['not', 'isnt', 'aint', 'wasnt', 'cant', 'couldnt', 'never', 'nothing', 'doesnt', 'dont', 'wont']);
const RULED_OUT_IN_PASSING: ReadonlySet<FlagCode> = new Set(['unexplained_weight_loss']);
/** Said to be over now, in the "but" after a sign (only phrases that end in the state: "gone down a bit" is still there). */
const OVER_SINCE = lexicon<true>([[true, [
  'but thats cleared up', 'but its cleared up', 'but that cleared up', 'but it cleared up', 'but thats all cleared up', 'but its all cleared up',
  'but thats gone now', 'but its gone now', 'but its all gone', 'but thats all gone', 'but im fine now', 'but all good now', 'but im over it',
]]]);
const RULED_OUT: ReadonlyMap<string, Lexicon<true>> = new Map(Object.entries(RULED_OUT_BY).map(([code, words]) => [code, lexicon<true>([[true, words!]])]));

/**
 * The words that rule `code` out: `said` where they stand, `denied` where they are negated ("i havent been
 * dieting", "no diet, it just fell off"), which rules nothing out and points the other way.
 */
export function ruledOut(tokens: readonly string[], code: FlagCode): { said: Array<Match<true>>; denied: Array<Match<true>> } {
  const rules = RULED_OUT.get(code);
  if (!rules) return { said: [], denied: [] };
  const found = findAll(tokens, rules);
  // "not just the left, both": a "not" straight before is a denial too ("not just" is otherwise no negation).
  const neg = negated(tokens, found).map((n, k) => n || DENIED_BY.has(tokens[found[k]!.start - 1] ?? ''));
  return { said: found.filter((_, k) => !neg[k]), denied: found.filter((_, k) => neg[k]) };
}

/** A sign that includes another: a hot joint with a fever is not also a separate fever. */
const SUBSUMES: ReadonlyArray<readonly [FlagCode, FlagCode]> = [
  ['hot_swollen_joint_fever', 'fever_unwell'],
  ['both_legs_symptoms', 'numbness_tingling'],
  ['saddle_numbness', 'numbness_tingling'],
  ['chest_pain_breathless', 'fever_unwell'],
];

/**
 * Signs whose mention in the past does not count: what matters is whether it is happening now.
 * A history of cancer and osteoporosis count whenever they were.
 */
export const HISTORY_COUNTS: ReadonlySet<FlagCode> = new Set(['cancer_history', 'osteoporosis']);

function lexiconFor(where: Where): Lexicon<SignWord> {
  return lexicon<SignWord>(
    SIGN_WORDS.map(([word, row]) => [word, where === 'anywhere' ? (row.anywhere ?? []) : [...(row.anywhere ?? []), ...(row.checklist ?? [])]] as const),
  );
}
const LEXICONS: Record<Where, Lexicon<SignWord>> = { anywhere: lexiconFor('anywhere'), checklist: lexiconFor('checklist') };
const isPart = (w: SignWord): w is Part => /^[A-Z_]+$/.test(w);

export interface SignMention extends Assertions {
  code: FlagCode;
  /** The patient's own words for it, as typed (lower-cased tokens joined). */
  words: string;
  start: number;
}

/** Does this mention say the patient has the sign now (ConText: affirmed, current, their own)? */
export function isAffirmed(m: SignMention): boolean {
  return !m.negated && !m.hypothetical && !m.other && (!m.historical || HISTORY_COUNTS.has(m.code));
}

/**
 * Should the bot ask "is that happening now?": an affirmed sign, or an emergency sign the patient only
 * suspects ("might be broken", "what if it's a heart attack"). Ask, don't assume, either way.
 */
export function isWorthAsking(m: SignMention): boolean {
  if (isAffirmed(m)) return true;
  return m.hypothetical && !m.negated && !m.other && !m.historical && levelOf(m.code) === 'emergency';
}

/** Sore leg muscles from sport or training: said of both legs, not the emergency sign of both legs. */
const LOCAL_LEG_PAIN = lexicon<true>([[true, [
  'shin splints', 'shin splint', 'shins', 'quads', 'hammies', 'doms', 'marathon', 'half marathon', 'leg day', 'legs day',
  // Both legs moved together to spare the sore side ("getting out of the car, have to swing both legs out together").
  'swing both legs', 'swing both my legs', 'both legs out together', 'both legs together', 'keep both legs together', 'keeping both legs together',
]]]);

const NERVE_SIGNS: ReadonlySet<FlagCode> = new Set(['numbness_tingling', 'progressive_weakness', 'saddle_numbness']);
const NERVE_WORDS: ReadonlySet<SignWord> = new Set<SignWord>(['NUMB', 'WEAK']);

/** The most words a hedging question can have and still belong to what follows it ("the numb one? around my bum"). */
const HEDGE_WORDS = 4;

/**
 * "umm the numb one? around my bum when i sit": a short question that hedges is one sentence with the words after
 * it, so the parts of a sign said across it still meet.
 */
function hedgesJoined(tokens: readonly string[], sentence: readonly number[]): number[] {
  const joined = [...sentence];
  let words = 0;
  tokens.forEach((t, i) => {
    if (t === '?' && words > 0 && words <= HEDGE_WORDS) for (let j = i; j < tokens.length && sentence[j] === sentence[i]; j++) joined[j] = joined[i - 1]!;
    else if (i > 0 && sentence[i] !== sentence[i - 1]) words = 0;
    if (/^[a-z0-9]/.test(t)) words++;
  });
  return joined;
}

/** Words that lead from a numbness word to where it is felt: "pins and needles right down to my foot". */
const PLACE_LEAD = new Set(['in', 'into', 'down', 'to', 'through', 'on', 'at', 'right', 'all', 'the', 'way', 'my', 'both', 'left', 'of', 'round', 'around', 'up']);
/** Parts that are not the saddle: numbness said of them is limb numbness. */
const LIMB_PARTS = new Set(['foot', 'feet', 'toe', 'toes', 'ankle', 'ankles', 'shin', 'shins', 'calf', 'calves', 'knee', 'knees', 'hand', 'hands', 'finger', 'fingers', 'thumb', 'thumbs', 'arm', 'arms', 'wrist', 'wrists', 'elbow', 'forearm', 'face', 'lip', 'lips', 'heel', 'heels']);
/** The numbness word is said of a limb part straight after it ("tingling into my toes"). */
function placedElsewhere(tokens: readonly string[], m: Match<SignWord>): boolean {
  let i = m.end;
  while (i < tokens.length && i < m.end + 6 && PLACE_LEAD.has(tokens[i]!)) i++;
  return i > m.end && LIMB_PARTS.has(tokens[i] ?? '');
}

/** Every mention of a warning sign in the text, with its ConText properties, in the order typed. */
export function findSigns(text: string, where: Where, tokens: readonly string[] = tokenise(text)): SignMention[] {
  const matches = findAll(tokens, LEXICONS[where]);
  const props = assert(tokens, matches);
  const sentence = hedgesJoined(tokens, sentenceIds(tokens));
  const found: SignMention[] = [];
  const words = (m: Match<SignWord>) => tokens.slice(m.start, m.end).join(' ');
  type Piece = { part: Part; m: Match<SignWord>; p: Assertions };
  const bags = new Map<string, Piece[]>();
  matches.forEach((m, k) => {
    const p = props[k]!;
    if (m.value === 'not_a_sign' || (m.value === 'trauma_fracture' && aThingBroke(tokens, m.start))) return;
    if (isPart(m.value)) {
      // Parts combine only within a sentence and when they are asserted alike ("no numbness, my bum hurts").
      const key = `${sentence[m.start]}|${p.negated}|${p.historical}|${p.hypothetical}|${p.other}`;
      const bag = bags.get(key) ?? [];
      bag.push({ part: m.value, m, p });
      bags.set(key, bag);
      return;
    }
    found.push({ code: m.value, words: words(m), start: m.start, ...p });
  });
  for (const bag of bags.values()) {
    for (const [need, code, scope] of SIGN_RULES) {
      if (scope === 'checklist' && where === 'anywhere') continue;
      for (;;) {
        // ("right bum cheek, pins and needles right down to my foot": numbness said of the foot is not around the bum;
        // "tingling right down to my toes and around my privates" names the saddle after it, and is.)
        const groinAfter = (piece: Piece) => bag.some((o) => (o.part === 'GROIN' || o.part === 'SADDLE') && o.m.start >= piece.m.end);
        const fits = (piece: Piece) => !(code === 'saddle_numbness' && piece.part === 'NUMB' && placedElsewhere(tokens, piece.m) && !groinAfter(piece));
        const used = need.map((part) => bag.findIndex((piece) => piece.part === part && fits(piece)));
        if (used.some((u) => u < 0)) break;
        const pieces = used.map((u) => bag[u]!).sort((a, z) => a.m.start - z.m.start);
        found.push({ code, words: pieces.map((piece) => words(piece.m)).join(' … '), start: pieces[0]!.m.start, ...pieces[0]!.p });
        for (const u of [...used].sort((a, z) => z - a)) bag.splice(u, 1);
      }
    }
  }
  // "got smashed in a tackle last night. cant lift my arm at all": a fall and what it left, told in the next sentence,
  // are one story (both plainly the patient's, now).
  if (!found.some((m) => m.code === 'trauma_fracture')) {
    const pieces = [...bags.values()].flat().filter((piece) => !piece.p.negated && !piece.p.historical && !piece.p.hypothetical && !piece.p.other);
    const fall = pieces.find((piece) => piece.part === 'FALL');
    const after = fall && pieces.find((piece) => (piece.part === 'CANT_MOVE' || piece.part === 'SWOLLEN') && sentence[piece.m.start] === sentence[fall.m.start]! + 1);
    if (fall && after) found.push({ code: 'trauma_fracture', words: `${words(fall.m)} … ${words(after.m)}`, start: fall.m.start, ...fall.p });
  }
  // "lost 10kg since christmas on ozempic, on purpose": ruled out in its own sentence, it is said not to be the sign.
  for (const m of found) {
    // ("lost 8 kilos but thats the ozempic": the "but" that follows it is still about it.)
    const sameOrButAfter = (at: number) => sentence[at] === sentence[m.start] || (sentence[at] === sentence[m.start]! + 1 && tokens.some((t, i) => t === 'but' && sentence[i] === sentence[at] && i < at));
    if (RULED_OUT_IN_PASSING.has(m.code) && !m.negated && ruledOut(tokens, m.code).said.some((r) => sameOrButAfter(r.start))) m.negated = true;
    // "was crook with a temp couple weeks back but thats cleared up": over, said in the "but" after it. Never for an
    // emergency sign ("numb in my groin but its gone now" is ticked, and then asked "is that happening now?").
    if (levelOf(m.code) !== 'emergency' && !m.historical && findAll(tokens, OVER_SINCE).some((o) => o.start > m.start && sameOrButAfter(o.start + 1))) m.historical = true;
  }
  // "shin splints in both legs", "quads on both legs after the marathon": muscles sore from sport, not the nerve sign;
  // nor both legs swung out of the car together.
  const localLegs = new Set(findAll(tokens, LOCAL_LEG_PAIN).map((m) => sentence[m.start]));
  // (Numb or weak legs in that sentence are the sign whatever else is said: "both legs went weak during the marathon".)
  const nerveIn = new Set(matches.filter((m, k) => NERVE_WORDS.has(m.value) && !props[k]!.negated).map((m) => sentence[m.start]));
  const nerve = (m: SignMention) => nerveIn.has(sentence[m.start]) || found.some((o) => NERVE_SIGNS.has(o.code) && isAffirmed(o) && sentence[o.start] === sentence[m.start]);
  for (const m of found) if (m.code === 'both_legs_symptoms' && localLegs.has(sentence[m.start]) && !nerve(m)) m.negated = true;
  const kept = found.filter((m) => !SUBSUMES.some(([big, small]) => m.code === small && found.some((o) => o.code === big && isAffirmed(o) === isAffirmed(m))));
  return kept.sort((a, z) => a.start - z.start);
}
