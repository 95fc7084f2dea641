// The safety protocol's first rule, one test per part: warnings come from words, never from numbers,
// and a mention that is negated, someone else's, in the past or only feared is no warning.
import { describe, expect, it } from 'vitest';
import { typedSigns } from '../../dialogs/engine.js';
import { parseFlagChecklist, parsePrecautions } from '../../dialogs/understanding/index.js';
import { findSigns, isAffirmed } from '../../dialogs/understanding/signs.js';
import { PRECAUTIONS, screenFor } from '../../dialogs/redFlags.js';
import type { FlagCode } from '../../dialogs/vocabulary.js';

const asked = (text: string, state: Parameters<typeof typedSigns>[0] = 'location') => typedSigns(state, { text }).map((s) => s.code);
const LOWER_BACK = screenFor(['lower_back']);

describe('numbers are checklist items only at a checklist', () => {
  it.each<[Parameters<typeof typedSigns>[0], string]>([
    ['intensityNow', '6'],
    ['intensityNow', '5/10'],
    ['intensityNow', 'about a 5'],
    ['duration', '6 or 7 weeks'],
    ['duration', '3/52'],
    ['location', 'L4/5 again'],
    ['cause', 'ran the city2surf, 14k'],
  ])('at %s, %j asks about nothing', (state, text) => {
    expect(asked(text, state)).toEqual([]);
  });

  it('at the checklist, "2 and 5" are the second and fifth items', () => {
    expect(parseFlagChecklist('2 and 5', LOWER_BACK)).toEqual({ ok: true, value: [LOWER_BACK[1], LOWER_BACK[4]] });
  });
});

describe('quantifiers follow negation', () => {
  it.each(['no to all', 'none of the above', 'nah nothing like that', 'not that I know of', 'no none of those thanks'])('%j is none', (text) => {
    expect(parseFlagChecklist(text, LOWER_BACK)).toEqual({ ok: true, value: [] });
  });
  it.each(['yes to all', 'all of them', 'all except 1'])('%j is gone through one item at a time, never taken as every item', (text) => {
    expect(parseFlagChecklist(text, LOWER_BACK)).toEqual({ ok: false, reason: 'ambiguous', detail: 'all' });
  });
  it('"yes, that is all correct" at the summary asks about nothing', () => {
    expect(asked('yes, that is all correct', 'summary')).toEqual([]);
  });
});

describe('ConText: a mention that is not the patient having the sign now raises nothing', () => {
  it.each<[string, string]>([
    ['negated', 'no chest pain or trouble breathing, just my neck'],
    ['negated after the sign', 'numbness down there? no'],
    ['someone else', 'my mum had breast cancer but I haven’t'],
    ['someone else, said after', 'the cancer stuff was my sister, not me'],
    ['in the past and over', 'had a fever last month with the flu but thats long gone'],
    ['in the past, by year', 'broke my ankle in 2010'],
    ['hypothetical', 'worried it might be a slipped disc'],
  ])('%s: %j', (_kind, text) => {
    const signs = findSigns(text, 'checklist');
    expect(signs.filter(isAffirmed).map((s) => s.code)).toEqual([]);
  });

  it('a terminator ends the reach of a negation: "no chest pain but I do get dizzy"', () => {
    expect(parseFlagChecklist('no chest pain but I do get dizzy', screenFor(['neck']))).toEqual({ ok: true, value: ['neck_neuro_signs'] });
  });

  it('not being able to do something affirms the sign: "haven\'t been able to pee properly since yesterday"', () => {
    expect(parseFlagChecklist("haven't been able to pee properly since yesterday", LOWER_BACK)).toEqual({ ok: true, value: ['bladder_bowel_change'] });
  });

  it('a history of cancer counts whenever it was', () => {
    expect(parseFlagChecklist('breast cancer in 2015, all clear since', LOWER_BACK)).toMatchObject({ ok: true, value: ['cancer_history'] });
  });

  it('an emergency sign the patient only suspects is still asked about', () => {
    expect(asked('car crash on the weekend, the ambos said my collarbone might be broken', 'cause')).toEqual(['trauma_fracture']);
  });
});

describe('a thing that broke is no injury; a bone that broke is', () => {
  it.each(['nursing. lifting patients all shift and the hoist is always broken', 'cracked my phone screen bending down', 'stomach sleeper with my head cranked round to one side', 'the divorce broke my heart, then i hurt my back moving out', 'the physio cracked my back and its been sore since'])('%j asks nothing', (text) => {
    expect(asked(text, 'cause')).toEqual([]);
  });

  it.each(['my wrist is broken i think', 'broke my arm falling off the ladder', 'heard a crack and it looks bent'])('%j is asked about', (text) => {
    expect(new Set(asked(text, 'cause'))).toEqual(new Set(['trauma_fracture']));
  });
});

describe('warning signs in indirect words', () => {
  it.each<[string, FlagCode]>([
    ["my chest, crushing pain and I cant breathe properly", 'chest_pain_breathless'],
    ["I can't feel it when I wipe", 'saddle_numbness'],
    ['3 weeks and now I am struggling to hold my wee', 'bladder_bowel_change'],
    ["it's really swollen and looks a bit bent, I can't move it", 'trauma_fracture'],
    ['fell down the back stairs last night and now i cant put any weight on it', 'trauma_fracture'],
    ['lower back and down both legs', 'both_legs_symptoms'],
    ['my lower back, and i cant really feel my bum properly since yesterday', 'saddle_numbness'],
    // The singular after "both", as English learners write it.
    ['back is very bad, from yesterday my both leg is numb', 'both_legs_symptoms'],
    ['both of my legs going weak', 'both_legs_symptoms'],
    ['leg both numb since morning', 'both_legs_symptoms'],
    // Plain and learner's words for the bladder and bowel, and for breathing.
    ["can't control my pee since the weekend", 'bladder_bowel_change'],
    ['i cannot pass urine properly', 'bladder_bowel_change'],
    ['cant hold my poo anymore', 'bladder_bowel_change'],
    ['cannot feel when go toilet', 'bladder_bowel_change'],
    ['chest pain and hard to breathing', 'chest_pain_breathless'],
    ['my chest hurts when i walk up the hill', 'chest_pain_breathless'],
    ['my husband says i am talking funny since this morning', 'neck_neuro_signs'],
    ['sometimes i fall down sudden', 'neck_neuro_signs'],
    ['when i look up i see double', 'neck_neuro_signs'],
    ['half my face is numb', 'neck_neuro_signs'],
    ['slipped on the step and heard snap', 'trauma_fracture'],
    ['came off the bike. elbow blew up like a balloon and i cant straighten it', 'trauma_fracture'],
  ])('%j is asked about as %s', (text, code) => {
    expect(asked(text)).toContain(code);
  });

  it.each(['coughing heaps when I had a chest cold', 'chest day at the gym, went too heavy on bench', 'fell asleep on the couch', 'number is the same as last time', 'i pass water fine', 'i can control my pee fine', 'work is busy every day and im barely sleeping', 'google says back pain can be a sign of cancer'])(
    '%j asks about nothing',
    (text) => {
      expect(asked(text, 'cause')).toEqual([]);
    },
  );
});

describe('precautions: recent means recent, and other people are not the patient', () => {
  it.each<[string, FlagCode[]]>([
    // Still to come, said after it.
    ['my shoulder op is next week', []],
    // Someone else's: "my daughter is pregnant" is the daughter's.
    ['my daughter is pregnant, not me', []],
    ['my daughter is having a baby in march', []],
    ['my son is on warfarin', []],
    // Learner's words for the patient's own; done to the patient; might be pregnant.
    ['i take blood thin medicine', ['blood_thinners']],
    ['they put a stent in last month', ['recent_surgery']],
    ['not sure, my period is late', ['pregnancy']],
    ['baby coming in march', ['pregnancy']],
    ['I had my right hip replaced last month', ['recent_surgery']],
    ['knee surgery 2 years ago', []],
    ['had my gallbladder out 6 wks ago', ['recent_surgery']],
    ['osteoporosis, on prolia', ['osteoporosis']],
    ['my wife is pregnant', []],
    ['used to be on warfarin', []],
    ['2 and 5', ['blood_thinners', 'osteoporosis']],
  ])('%j → %j', (text, codes) => {
    expect(parsePrecautions(text, PRECAUTIONS)).toEqual({ ok: true, value: codes });
  });
});

describe('precautions: items named by a word of their line, a late "oh wait", what a doctor said', () => {
  it.each<[string, FlagCode[]]>([
    ['the bones one and the blood thinner one', ['osteoporosis', 'blood_thinners']],
    ['Dont think so. oh wait I broke my wrist from just a little trip last yr and they said my bones are thin', ['osteoporosis']],
    ['no, but ive lost about 8 kilos in the last couple months without trying, is that relevant?', []],
  ])('%j → %j', (text, codes) => {
    const read = parsePrecautions(text, PRECAUTIONS);
    expect(read.ok && [...read.value].sort()).toEqual([...codes].sort());
  });

  it('a fracture dated at the end of its clause is history, not a warning now', () => {
    const [fracture] = findSigns('broke my wrist from just a little trip two years ago', 'anywhere');
    expect(fracture?.code).toBe('trauma_fracture');
    expect(fracture && isAffirmed(fracture)).toBe(false);
  });

  it('an appliance that died is no sign of weakness', () => {
    expect(findSigns('dunno. the washing machine died that week too, worst week ever lol', 'anywhere')).toEqual([]);
  });
});

describe('no warning in everyday words (batch k)', () => {
  it.each(['have to push up with my arms to get off the couch', 'limping everywhere, can only do short bits like car to the shops'])('%j', (text) => {
    expect(findSigns(text, 'anywhere')).toEqual([]);
  });

  it('a pregnancy that is over, with a baby at the breast, is no precaution', () => {
    expect(parsePrecautions('was pregnant, bubs 5 months now and im breastfeeding', PRECAUTIONS)).toEqual({ ok: true, value: [] });
  });
});

describe('the safety checklist: an item said unsure is asked again; what has always been so is not new', () => {
  const offered = screenFor(['neck']);
  it.each(['kind of the third one i think?', 'dizzy? maybe? hard to say'])('%j', (text) => {
    expect(parseFlagChecklist(text, offered)).toMatchObject({ ok: false, reason: 'ambiguous', detail: 'unsure' });
  });
  it('a plain item is still ticked', () => {
    expect(parseFlagChecklist('3', offered)).toEqual({ ok: true, value: [offered[2]] });
  });
  it('"always had a weak bladder since my 3 kids, nothing new" ticks nothing', () => {
    expect(parseFlagChecklist("I've always had a weak bladder since my 3 kids, nothing new. none of the others", screenFor(['lower_back']))).toEqual({ ok: true, value: [] });
  });
});

describe('the safety checklist: whole-list words that are not about the list', () => {
  it.each<[string, FlagCode[]]>([
    ["At my age everything aches but none of those apply I'm glad to say", []],
    ['it wakes me if i roll onto that side but otherwise i sleep ok', []],
    ['sciatica on both sides now, it was only the left before', ['both_legs_symptoms']],
  ])('%j → %j', (text, codes) => {
    expect(parseFlagChecklist(text, screenFor(['lower_back']))).toEqual({ ok: true, value: codes });
  });
});

describe('warning signs in everyday phrasing (batches p and q, 2026-12-03)', () => {
  const codes = (text: string) => findSigns(text, 'anywhere').filter(isAffirmed).map((m) => m.code);
  it.each<[string, string]>([
    // A hedging question before the rest of the sign still joins it.
    ['the numb one? round my bottom when i sit on the toilet', 'saddle_numbness'],
    // A hedge inside the phrase.
    ['lifted the esky and since then i cant really tell when i need to wee', 'bladder_bowel_change'],
    // A rolled ankle that bears no weight, or has gone purple, could be broken.
    ['rolled it at netball and i still cant put any weight on it', 'trauma_fracture'],
    ['went over on my ankle yesterday, its gone all purple', 'trauma_fracture'],
    ['still a bit crook and sweaty at night', 'fever_unwell'],
    ['aches all night whichever way i lie', 'constant_night_pain'],
  ])('%j → %s', (text, code) => {
    expect(codes(text)).toContain(code);
  });

  it.each([
    // "leg's" is one leg; "swapped" is no "snapped".
    "my left leg's weaker than it was",
    'since we swapped mattresses',
  ])('%j raises no emergency sign of both legs or a fracture', (text) => {
    expect(codes(text)).not.toContain('both_legs_symptoms');
    expect(codes(text)).not.toContain('trauma_fracture');
  });
});

describe('both legs: sore muscles from sport are not the sign; spreading into both calves is (batch s)', () => {
  const codes = (text: string) => findSigns(text, 'anywhere').filter(isAffirmed).map((m) => m.code);
  it('shin splints in both legs raise nothing', () => {
    expect(codes('shin splints in both legs from netball')).toEqual([]);
  });
  it('numb legs with shin splints are still the sign', () => {
    expect(codes('shin splints, and now both legs are numb')).toContain('both_legs_symptoms');
  });
  it('pain going into both calves is the sign', () => {
    expect(codes('it goes down into both calves')).toContain('both_legs_symptoms');
  });
});

describe('batch t: ruled out across a "but", denied rule-outs, a hedge inside the phrase (2026-12-03)', () => {
  const codes = (text: string) => findSigns(text, 'checklist').filter(isAffirmed).map((m) => m.code);
  it.each(['lost 6 kilos but that was the mounjaro', 'sore at night but it settles if i roll over'])('%j raises nothing', (text) => {
    expect(codes(text)).toEqual([]);
  });
  it.each<[string, string]>([
    ["awake all night, can't get comfy however i lie", 'constant_night_pain'],
    ["since yesterday i can't feel when i need to pee", 'bladder_bowel_change'],
    ["fell off the step and i can't really put weight on it", 'trauma_fracture'],
  ])('%j → %s', (text, code) => {
    expect(codes(text)).toContain(code);
  });
});

describe('warning signs in everyday phrasing (batch v, 2026-12-03)', () => {
  const codes = (text: string) => findSigns(text, 'anywhere').filter(isAffirmed).map((m) => m.code);
  it.each<[string, string]>([
    ['fell off the ute, heard a clunk and my shoulder sits lower than the other', 'trauma_fracture'],
    ["didn't make it to the toilet in time twice this week", 'bladder_bowel_change'],
    ['keep veering into things like im drunk', 'clumsy_hands_unsteady_walk'],
  ])('%j → %s', (text, code) => {
    expect(codes(text)).toContain(code);
  });
});

describe('a sign said to be fine or over, in words a keyword list misses (batch x)', () => {
  it('"legs r fine" then one leg tingling is the tingling only, not both legs', () => {
    expect(parseFlagChecklist('legs r fine. just the right one tingles down to the foot sometimes', LOWER_BACK)).toEqual({ ok: true, value: ['numbness_tingling'] });
  });
  it.each(['was crook with a temp couple weeks back but thats cleared up', 'had a fever last week but im fine now'])('%j is over', (text) => {
    expect(parseFlagChecklist(text, LOWER_BACK)).toEqual({ ok: true, value: [] });
  });
  it.each(['fever but its gone down a bit', 'both my legs are numb but its getting worse', 'my legs r weak'])('%j is still there', (text) => {
    expect(parseFlagChecklist(text, LOWER_BACK)).toMatchObject({ ok: true, value: [expect.any(String)] });
  });
});
