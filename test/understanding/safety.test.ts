// The safety screen and precautions: parseFlagChecklist and parsePrecautions.
import { describe, expect, it } from 'vitest';
import { parseFlagChecklist, parsePrecautions } from '../../dialogs/understanding/index.js';
import type { FlagCode } from '../../dialogs/understanding/types.js';
import { EMERGENCY_FLAGS, SEE_DOCTOR_FLAGS } from '../../dialogs/vocabulary.js';

const EVERY_SCREEN_FLAG: FlagCode[] = [...EMERGENCY_FLAGS, ...SEE_DOCTOR_FLAGS, 'numbness_tingling'];

describe('parseFlagChecklist: words', () => {
  it.each<[string, FlagCode[]]>([
    ["can't pee", ['bladder_bowel_change']],
    ['I wet myself', ['bladder_bowel_change']],
    ['incontinence', ['bladder_bowel_change']],
    ["can't control my bladder", ['bladder_bowel_change']],
    ['bowel changes', ['bladder_bowel_change']],
    ['numb down there', ['saddle_numbness']],
    ['numb groin', ['saddle_numbness']],
    ['saddle', ['saddle_numbness']],
    ['numb bum', ['saddle_numbness']],
    ['genital numbness', ['saddle_numbness']],
    ['both legs', ['both_legs_symptoms']],
    ['numbness in both legs', ['both_legs_symptoms']],
    ['my legs are weak', ['both_legs_symptoms']],
    ['getting weaker', ['progressive_weakness']],
    ['weakness getting worse', ['progressive_weakness']],
    ['chest pain', ['chest_pain_breathless']],
    ['short of breath', ['chest_pain_breathless']],
    ["can't breathe", ['chest_pain_breathless']],
    ['breathless', ['chest_pain_breathless']],
    ['dizzy', ['neck_neuro_signs']],
    ['double vision', ['neck_neuro_signs']],
    ['slurred speech', ['neck_neuro_signs']],
    ['trouble swallowing', ['neck_neuro_signs']],
    ['falling over', ['neck_neuro_signs']],
    ['drop attacks', ['neck_neuro_signs']],
    ['I fell', ['trauma_fracture']],
    ['car crash', ['trauma_fracture']],
    ['I think it is broken', ['trauma_fracture']],
    ['fracture', ['trauma_fracture']],
    ['dislocated', ['trauma_fracture']],
    ['hot swollen joint', ['hot_swollen_joint_fever']],
    ['red swollen knee and fever', ['hot_swollen_joint_fever']],
    ['cancer', ['cancer_history']],
    ['had cancer 10 years ago', ['cancer_history']],
    ['tumour', ['cancer_history']],
    ['chemo', ['cancer_history']],
    ['lost weight', ['unexplained_weight_loss']],
    ['weight loss', ['unexplained_weight_loss']],
    ['lost 5kg without trying', ['unexplained_weight_loss']],
    ['fever', ['fever_unwell']],
    ['night sweats', ['fever_unwell']],
    ['feel unwell', ['fever_unwell']],
    ['temperature', ['fever_unwell']],
    ['pain at night', ['constant_night_pain']],
    ["can't sleep for pain", ['constant_night_pain']],
    ['night pain', ['constant_night_pain']],
    ['steroids', ['immunosuppressed_steroids']],
    ['prednisone', ['immunosuppressed_steroids']],
    ['weak immune system', ['immunosuppressed_steroids']],
    ['immunosuppressed', ['immunosuppressed_steroids']],
    ['clumsy', ['clumsy_hands_unsteady_walk']],
    ['dropping things', ['clumsy_hands_unsteady_walk']],
    ['unsteady', ['clumsy_hands_unsteady_walk']],
    ['my balance is off', ['clumsy_hands_unsteady_walk']],
    ['pins and needles', ['numbness_tingling']],
    ['tingling in my hand', ['numbness_tingling']],
    ['numb', ['numbness_tingling']],
    ['dizzy and numb groin', ['saddle_numbness', 'neck_neuro_signs']],
    ['I get pins and needles in both feet', ['both_legs_symptoms']],
    ['numbness in my left leg', ['numbness_tingling']],
    ["I've been feeling dizzy when I turn my head", ['neck_neuro_signs']],
    ["I've lost about 10 kilos without trying", ['unexplained_weight_loss']],
    ['I have trouble peeing', ['bladder_bowel_change']],
    ['the pain wakes me up at night', ['constant_night_pain']],
    ['my arm feels weak', ['numbness_tingling']],
    ['I fell off my bike last week', ['trauma_fracture']],
  ])('%j → %j', (text, codes) => {
    const result = parseFlagChecklist(text, EVERY_SCREEN_FLAG);
    expect(result.ok && [...result.value].sort()).toEqual([...codes].sort());
  });

  it.each<[string, FlagCode[]]>([
    ["no chest pain but I'm dizzy", ['neck_neuro_signs']],
    ['none, but I had cancer', ['cancer_history']],
    ['no to all except the night sweats', ['fever_unwell']],
    ['no fever, no weight loss, I had a fall though', ['trauma_fracture']],
  ])('negation and "none" with a flag: %j → %j', (text, codes) => {
    expect(parseFlagChecklist(text, EVERY_SCREEN_FLAG)).toEqual({ ok: true, value: codes });
  });

  it.each([
    'none',
    'None of these',
    'no',
    'nope',
    'nothing like that',
    'all good',
    '0',
    'no numbness or tingling',
    "I don't have any bladder problems",
    'my breathing is fine',
    'no, none of those',
    'no falls',
    'no red flags',
    'dizzy? no',
  ])('%j → none', (text) => {
    expect(parseFlagChecklist(text, EVERY_SCREEN_FLAG)).toEqual({ ok: true, value: [] });
  });
});

describe('parseFlagChecklist: numbers and what is on offer', () => {
  const offered: FlagCode[] = [
    'bladder_bowel_change', 'saddle_numbness', 'both_legs_symptoms', 'progressive_weakness', 'trauma_fracture', 'cancer_history',
  ];
  it.each<[string, FlagCode[]]>([
    ['2 and 5', ['saddle_numbness', 'trauma_fracture']],
    ['2,5', ['saddle_numbness', 'trauma_fracture']],
    ['#3', ['both_legs_symptoms']],
    ['number 1', ['bladder_bowel_change']],
    ['1-3', ['bladder_bowel_change', 'saddle_numbness', 'both_legs_symptoms']],
    ['6 - had cancer 10 years ago', ['cancer_history']],
    ['2, and I fell last week', ['saddle_numbness', 'trauma_fracture']],
  ])('%j → %j', (text, codes) => {
    expect(parseFlagChecklist(text, offered)).toEqual({ ok: true, value: codes });
  });

  it('ignores a recognised flag that is not on offer when an offered one is named', () => {
    expect(parseFlagChecklist('dizzy and I fell', offered)).toEqual({ ok: true, value: ['trauma_fracture'] });
  });

  it.each([
    ['7', { ok: false, reason: 'out_of_range' }],
    ['2 and 9', { ok: true, value: ['saddle_numbness'] }],
    ['chest pain', { ok: false, reason: 'not_offered', detail: 'chest_pain_breathless' }],
    ['none but dizzy', { ok: false, reason: 'not_offered', detail: 'neck_neuro_signs' }],
    ['yes', { ok: false, reason: 'not_understood' }],
    ['my knee hurts', { ok: false, reason: 'not_understood' }],
    ['', { ok: false, reason: 'empty' }],
  ])('%j → %j', (text, result) => {
    expect(parseFlagChecklist(text, offered)).toEqual(result);
  });
});

describe('parsePrecautions', () => {
  it.each<[string, FlagCode[]]>([
    ['pregnant', ['pregnancy']],
    ["I'm expecting", ['pregnancy']],
    ['22 weeks pregnant', ['pregnancy']],
    ['blood thinners', ['blood_thinners']],
    ['warfarin', ['blood_thinners']],
    ['on apixaban', ['blood_thinners']],
    ['eliquis', ['blood_thinners']],
    ['Xarelto', ['blood_thinners']],
    ['rivaroxaban', ['blood_thinners']],
    ['clopidogrel', ['blood_thinners']],
    ['an anticoagulant', ['blood_thinners']],
    ['surgery in May', ['recent_surgery']],
    ['operation', ['recent_surgery']],
    ['had an op 3 weeks ago', ['recent_surgery']],
    ['knee replacement', ['recent_surgery']],
    ['scared to move', ['fear_of_movement']],
    ['afraid it will get worse', ['fear_of_movement']],
    ['worried moving makes it worse', ['fear_of_movement']],
    ["no, but I'm pregnant", ['pregnancy']],
    ['not pregnant but on warfarin', ['blood_thinners']],
    ['pregnant and on blood thinners', ['pregnancy', 'blood_thinners']],
  ])('%j → %j', (text, codes) => {
    expect(parsePrecautions(text)).toEqual({ ok: true, value: codes });
  });

  it.each(['none', 'no', 'nothing', 'not pregnant', 'pregnant? no', 'no surgery', "I'm not on blood thinners", 'no worries', 'none of these'])('%j → none', (text) => {
    expect(parsePrecautions(text)).toEqual({ ok: true, value: [] });
  });

  it.each([
    ['hmm', 'not_understood'],
    ['', 'empty'],
  ])('%j → %s', (text, reason) => {
    expect(parsePrecautions(text)).toEqual({ ok: false, reason });
  });
});

describe('parsePrecautions: doubt, weeks along, dates and counted things', () => {
  const LIST: FlagCode[] = ['pregnancy', 'blood_thinners', 'recent_surgery', 'fear_of_movement', 'osteoporosis'];
  const NOW = '2026-12-02T10:00:00.000Z';

  it.each(['maybe thin bones? never had a scan', 'not sure if my tablets are blood thinners, they are for my heart rhythm', 'maybe 4? not sure', '2 or 5 not sure which'])(
    '%j: unsure of the item itself, so asked again, neither ticked nor dropped',
    (text) => {
      expect(parsePrecautions(text, LIST, NOW)).toEqual({ ok: false, reason: 'ambiguous', detail: 'unsure' });
    },
  );

  it.each<[string, FlagCode[]]>([
    ["i'm 8 weeks, havent told anyone yet", ['pregnancy']],
    ["no. well i'm 34 weeks if that counts", ['pregnancy']],
    ['pregnant with number two, bout 20 wks', ['pregnancy']],
    ['eliquis, and i had my hip done 5 weeks ago', ['blood_thinners', 'recent_surgery']],
    ['had my gallbladder out in october', ['recent_surgery']],
    ['they told me my bones are thin', ['osteoporosis']],
    ['17 weeks with number 2', ['pregnancy']],
    ['carpal tunnel release on the 10th of sept', ['recent_surgery']],
    ["could be pregnant, we're trying and im a few days late", ['pregnancy']],
    ['had my baby 7 weeks ago by caesar', ['recent_surgery']],
  ])('%j → %j', (text, codes) => {
    expect(parsePrecautions(text, LIST, NOW)).toEqual({ ok: true, value: codes });
  });

  it.each(['had my gallbladder out in july', 'no. had my 3rd baby 2 yrs ago, not pregnant now', 'sore for 3 weeks, nothing else'])('%j → none', (text) => {
    expect(parsePrecautions(text, LIST, NOW)).toEqual({ ok: true, value: [] });
  });
});

describe('swelling or weakness alone is not an emergency by itself', () => {
  it('"weak" alone is the limb item, whose follow-up asks whether it is getting worse', () => {
    const offered: FlagCode[] = ['numbness_tingling', 'progressive_weakness', 'hot_swollen_joint_fever'];
    expect(parseFlagChecklist('my leg feels weak', offered)).toMatchObject({ ok: true, value: ['numbness_tingling'] });
    expect(parseFlagChecklist('my knee is a bit swollen', offered).ok).toBe(false);
  });
});

describe('the checklist: counts in a story are not item numbers', () => {
  it.each(['carried a couch up 2 flights', 'did 3 sets of squats yesterday', 'took 2 panadol this morning'])('%j ticks no item', (text) => {
    const result = parseFlagChecklist(text, EVERY_SCREEN_FLAG);
    expect(result.ok ? result.value : []).toEqual([]);
  });
});

describe('parsePrecautions: a child counted, a year, a question about an item (2026-12-03)', () => {
  const LIST: FlagCode[] = ['pregnancy', 'blood_thinners', 'recent_surgery', 'fear_of_movement', 'osteoporosis'];
  const NOW = '2026-12-02T10:00:00.000Z';
  it.each<[string, FlagCode[]]>([
    // "baby number 3" counts the child, not item three; the weeks along are the pregnancy.
    ['22 weeks along with baby number 3', ['pregnancy']],
    // A year before this one is not the last three months.
    ['had the hip replaced back in 2018', []],
    ['shoulder op in 2024, and i take xarelto', ['blood_thinners']],
  ])('%j → %j', (text, codes) => {
    expect(parsePrecautions(text, LIST, NOW)).toEqual({ ok: true, value: codes });
  });
  it('an item the patient asks about ("does krill oil count as a blood thinner?") is asked again, not ticked', () => {
    expect(parsePrecautions('i take krill oil, does that count as a blood thinner?', LIST, NOW)).toEqual({ ok: false, reason: 'ambiguous', detail: 'unsure' });
  });
});

describe('the checklist: "fine" said of one thing is not "none of these" (2026-12-03)', () => {
  const LIST: FlagCode[] = ['bladder_bowel_change', 'saddle_numbness', 'both_legs_symptoms', 'trauma_fracture', 'numbness_tingling'];
  it.each(['stairs r fine', 'walking is ok', 'sitting was alright'])('%j is asked again', (text) => {
    expect(parseFlagChecklist(text, LIST).ok).toBe(false);
  });
  it.each(['everything is fine', 'i feel fine', 'no its all fine', 'fine thanks', 'my breathing is fine'])('%j is none', (text) => {
    expect(parseFlagChecklist(text, LIST)).toEqual({ ok: true, value: [] });
  });
});

describe('precautions and the checklist: batch s (2026-12-03)', () => {
  const LIST: FlagCode[] = ['pregnancy', 'blood_thinners', 'recent_surgery', 'fear_of_movement', 'osteoporosis'];
  it.each<[string, FlagCode[]]>([
    // A parent answering for a child: the age is no item number.
    ["he's 14, none of them", []],
    // A medicine stopped is not taken now.
    ['eliquis stopped in august, nothing now', []],
  ])('%j → %j', (text, codes) => {
    expect(parsePrecautions(text, LIST, '2026-12-02T10:00:00.000Z')).toEqual({ ok: true, value: codes });
  });
  it('unsure about the bones is asked again', () => {
    expect(parsePrecautions('not sure about my bones to be honest', LIST).ok).toBe(false);
  });
});

describe('precautions: an operation as a child (batch u)', () => {
  it('"tonsils out when i was 8" is no recent surgery, and 8 is no item number', () => {
    expect(parsePrecautions('tonsils out when i was 8, nothing else', ['pregnancy', 'blood_thinners', 'recent_surgery', 'fear_of_movement', 'osteoporosis'])).toEqual({ ok: true, value: [] });
  });
});
