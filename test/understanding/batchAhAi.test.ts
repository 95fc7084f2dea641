// Classes found by fresh-eyes batches ah (single answers) and ai (whole intakes), 2026-12-03: each test is
// a sentence from the batch or one of its kind, so the rule behind the fix is pinned, not the sentence.
import { describe, expect, it } from 'vitest';
import { parseCauses, parsePrecautions, parseQuestionBack, parseConsent, parseDifficulty, parseDuration, parsePrimary, parseSites, parseSpread, parseYesNo } from '../../dialogs/understanding/index.js';
import { answeringFor } from '../../dialogs/understanding/proxy.js';
import { namesAMovement, otherMovementNamed } from '../../dialogs/understanding/movementWords.js';
import { findSigns, isWorthAsking } from '../../dialogs/understanding/signs.js';
import { tokenise } from '../../dialogs/understanding/text.js';
import type { Region } from '../../dialogs/vocabulary.js';

const sitesOf = (text: string) => {
  const r = parseSites(text);
  return r.ok ? r.value.sites : r;
};

describe('a correction replaces as many of the last places as it names', () => {
  it.each<[string, Array<{ region: Region; side?: string }>]>([
    ['lower back, L4/5 area, and right hip. sorry no, left hip', [{ region: 'lower_back' }, { region: 'hip', side: 'left' }]],
    ['left knee and right hip, sorry, left hip', [{ region: 'knee', side: 'left' }, { region: 'hip', side: 'left' }]],
    ['knee and hip, sorry no, knee and ankle', [{ region: 'knee' }, { region: 'ankle_foot' }]],
    ['lower back and knee, sorry, I mean lower back and hip', [{ region: 'lower_back' }, { region: 'hip' }]],
  ])('%j', (text, want) => {
    expect(sitesOf(text)).toEqual(want);
  });

  it.each<[string, Array<{ region: Region; side?: string }>]>([
    ['left heel, sorry i mean right heel', [{ region: 'ankle_foot', side: 'right' }]],
    ['neck, no wait, shoulder', [{ region: 'shoulder' }]],
    // "just" after the correction: only what follows it.
    ['neck and shoulder, sorry no, just the shoulder', [{ region: 'shoulder' }]],
    ['right knee. sorry no, left', [{ region: 'knee', side: 'left' }]],
  ])('still replaces what it corrects: %j', (text, want) => {
    expect(sitesOf(text)).toEqual(want);
  });
});

describe('words one letter from a body part are not it', () => {
  it.each([
    ['left calf, felt it grab halfway up a hill sprint', [{ region: 'lower_leg', side: 'left' }]],
  ])('%j', (text, want) => {
    expect(sitesOf(text)).toEqual(want);
  });
  it('still reads a misspelt foot', () => {
    expect(sitesOf('fet')).toEqual([{ region: 'ankle_foot', side: 'both' }]);
  });
});

describe('the main area is the one the patient starts with and comes back to', () => {
  it.each<[string, Region]>([
    ['Probably the neck, though honestly the shoulder is what annoys me at night, but yeah neck', 'neck'],
    ['neck. shoulder. neck', 'neck'],
    // The worse one still wins over coming back.
    ['shoulder worse, neck a bit, neck stiff too', 'shoulder'],
  ])('%j', (text, want) => {
    expect(parsePrimary(text, ['neck', 'shoulder'])).toMatchObject({ ok: true, value: want });
  });
});

describe('a unit said alone is one of it', () => {
  it.each<[string, number]>([
    ['month', 4.3],
    ['week', 1],
    ['bout a week', 1],
    ['fortnight', 2],
    ['year', 52.2],
  ])('%j', (text, weeks) => {
    expect(parseDuration(text)).toMatchObject({ ok: true, value: { weeks } });
  });
  it('"weeks" alone is still about two of them, said back', () => {
    expect(parseDuration('weeks')).toMatchObject({ ok: true, value: { weeks: 2 }, note: 'weeks as about 2 weeks' });
  });
});

describe("learners' and Australians' yes and no", () => {
  it.each<[string, boolean]>([
    ['yep no wukkas', true],
    ['no dramas', true],
    ['nah yeah go for it', true],
    ['yeah nah', false],
  ])('consent %j', (text, yes) => {
    expect(parseConsent(text)).toEqual({ ok: true, value: yes });
  });
  it('"yeah nah all good" at consent is asked, not taken as a no', () => {
    expect(parseConsent('yeah nah all good')).toMatchObject({ ok: false, reason: 'ambiguous' });
  });
  it.each<[string, boolean]>([
    ['yeah nah', false],
    ['nah yeah', true],
    ['yeah no worries', true],
  ])('at a yes/no question %j', (text, yes) => {
    expect(parseYesNo(text)).toEqual({ ok: true, value: yes });
  });
});

describe('how much it limits, in learners\' English', () => {
  it.each<[string, string]>([
    ['look down long time is pain', 'some'],
    ['walking have pain', 'some'],
    ['is very pain', 'a_lot'],
    ['it is pain free', 'none'],
    ['pain-free now', 'none'],
  ])('%j', (text, want) => {
    expect(parseDifficulty(text)).toEqual({ ok: true, value: want });
  });
});

describe('causes: work held overhead, and things told in passing', () => {
  it.each<[string, string[]]>([
    ['hanging gyprock overhead all week on a job at Kellyville', ['repetitive_use']],
    ['from work, im a plasterer, doing ceilings all day', ['repetitive_use']],
    // A weekend of it is the position.
    ['painting the ceiling all weekend', ['posture']],
    ['lifting patients on the ward mostly. im also 24 wks pregnant if that matters', ['strain']],
    ["no idea really, nothing happened. I'm 22 weeks pregnant if that matters", ['unknown']],
    ['being pregnant i reckon', ['other']],
    ['insidious onset, no MOI. prob postural tbh, I sit 10h/day', ['posture']],
  ])('%j', (text, want) => {
    expect(parseCauses(text)).toEqual({ ok: true, value: want });
  });
});

describe('how much: what can be done said first, then what cannot', () => {
  it.each<[string, string]>([
    ['groceries are ok, the 20kg bags of dog food not a chance', 'some'],
    ['squats ok with an empty bar, cant load it tho', 'some'],
    ["can't lift anything heavier than a cuppa", 'a_lot'],
    // What cannot be done said first stays as it was.
    ['cant lift at all', 'unable'],
  ])('%j', (text, want) => {
    expect(parseDifficulty(text)).toEqual({ ok: true, value: want });
  });
});

describe('places: Australian "me", a side over "across the top of", and a family member\'s body part', () => {
  it('"back of me head" is the head, not the lower back', () => {
    expect(parseSpread('up into the back of me head and behind the eye')).toMatchObject({ ok: true, value: { sites: [{ region: 'head' }] } });
  });
  it('"tops of both shoulders" are no toes', () => {
    expect(sitesOf('tops of both shoulders')).toEqual([{ region: 'shoulder', side: 'both' }]);
  });
  it('a side carries across "across the top of"', () => {
    expect(sitesOf('The left side of my neck and across the top of my shoulder.')).toEqual([
      { region: 'neck', side: 'left' },
      { region: 'shoulder', side: 'left' },
    ]);
  });
  it.each<[string, string | null]>([
    ["Mum's right hip. She fell 2 days ago and can't put any weight on it at all", 'mum'],
    ["hubby's knee, he did it at footy", 'hubby'],
    ["my wife's knee is fine, mine's the hip", null],
    ["mum's knee and my hip", null],
  ])('answering for: %j', (text, kin) => {
    expect(answeringFor(text)?.kin ?? null).toBe(kin);
  });
});

it('a correction to a length takes "nearly 3"', () => {
  expect(parseDuration('2 weeks, no wait, nearly 3. it was the week before my birthday')).toMatchObject({ ok: true, value: { weeks: 3 } });
});

describe('batch ai, whole intakes: causes and a worry', () => {
  it.each<[string, string[]]>([
    ['carrying my 1yo on my right hip all day and feeding him hunched over on the couch', ['repetitive_use', 'posture']],
    ['come off the quad bike 3 yrs back and its never come good since', ['injury']],
    ['I honestly could not say. It simply came on.', ['unknown']],
    ['Stress mostly (tax season), and I hunch over my laptop', ['stress', 'posture']],
    // A fridge's age is no child.
    ['lifted a 40 year old fridge', ['strain']],
  ])('%j', (text, want) => {
    expect(parseCauses(text)).toEqual({ ok: true, value: want });
  });

  it.each<[string, string[]]>([
    // At the checklist it had been kept for the precautions as fear of movement, and the patient's "Nope" there kept it.
    ['I did get a bit worried about the headaches so I googled it', []],
    ['scared of needles', []],
    ['worried about moving', ['fear_of_movement']],
    ['scared to move it in case i do more damage', ['fear_of_movement']],
    ['thin bones and heaps worried about cracking something', ['fear_of_movement', 'osteoporosis']],
  ])('precautions %j', (text, want) => {
    const r = parsePrecautions(text);
    expect(r.ok && [...r.value].sort()).toEqual([...want].sort());
  });
});

describe('"sat" after a noun is Saturday at the movement questions too', () => {
  it.each<[string, boolean]>([
    ['fell at the footy sat, thats it', false],
    ['on sat', false],
    ['i sat too long', true],
    ['sat in the car for 2 hours kills it', true],
  ])('%j names a movement: %s', (text, named) => {
    expect(namesAMovement(text)).toBe(named);
  });
});

// Found chatting as a daughter answering for her father, 81, with a sore right shoulder.
describe('chatting: where in the place, the other side now, a belt done up behind', () => {
  it.each(['he says its mostly the front of it', 'the back of it', 'just the outside bit'])('%j at the spread question stays put', (text) => {
    expect(parseSpread(text)).toEqual({ ok: true, value: { sites: [], excluded: [] } });
  });
  it('"the back of it" beside a place is that place', () => {
    expect(sitesOf('my knee, the back of it')).toEqual([{ region: 'knee' }]);
  });
  it.each<[string, string]>([
    ['he sleeps on the other side now', 'a_lot'],
    ['cant do his belt up behind', 'a_lot'],
    ['cant tuck my shirt in', 'a_lot'],
    // "bolt" is no belt.
    ['cant bend, full stop. stuck bolt upright like a broom handle', 'unable'],
    ["cant lie on the sore side at all, the other sides fine", 'unable'],
  ])('%j', (text, want) => {
    expect(parseDifficulty(text)).toEqual({ ok: true, value: want });
  });
});

// Found chatting as a cleaner typing in learner's English, left knee and hip.
describe("chatting: learners' can't, short walks, and an echoed movement", () => {
  it.each<[string, string]>([
    ['kneel no can', 'unable'],
    ['no can do', 'unable'],
    ['walk is ok short', 'some'],
    ['short walks are fine', 'some'],
    ['now i no lift anything', 'unable'],
    ['no, can do it fine', 'none'],
  ])('%j', (text, want) => {
    expect(parseDifficulty(text)).toEqual({ ok: true, value: want });
  });
  it('"run? i no run" is asked: it is "I don\'t" as much as "I can\'t"', () => {
    expect(parseDifficulty('run? i no run')).toEqual({ ok: false, reason: 'ambiguous', detail: 'echo_no' });
  });
});

describe('batch aj: a fall and what it left, told in two sentences', () => {
  const asked = (text: string) => findSigns(text, 'anywhere').filter(isWorthAsking).map((m) => m.code);
  it.each([
    'right shoulder, got smashed in a tackle last night. cant lift me arm at all and theres a lump sticking up near the collarbone',
    'fell over yesterday. ankle is swollen',
  ])('%j is asked about as a possible break', (text) => {
    expect(asked(text)).toContain('trauma_fracture');
  });
  it.each(['fell off my bike 3 years ago. cant lift my arm now', 'no falls. cant move it much in the morning'])('%j is not', (text) => {
    expect(asked(text)).not.toContain('trauma_fracture');
  });
});

describe('batch aj: Australian "me" before a body word, and other readings', () => {
  it('"cant lift me arm" reads as "my arm"', () => {
    expect(tokenise('cant lift me arm')).toEqual(['cant', 'lift', 'my', 'arm']);
    expect(tokenise('tell me about it')).toEqual(['tell', 'me', 'about', 'it']);
  });
  it.each<[string, string]>([
    ['going down is worse than up, one step at a time like a toddler', 'a_lot'],
    ['limping around, only to the car and back really', 'a_lot'],
  ])('%j', (text, want) => {
    expect(parseDifficulty(text)).toEqual({ ok: true, value: want });
  });
  it.each<[string, string[]]>([
    ["chuckin hay bales tues arvo. now me left leg's gone numb down to the foot", ['strain']],
    // "checked me over" is no chucking.
    ['got rear ended at the lights in october. ED checked me over, nothing broken', ['injury']],
  ])('%j', (text, want) => {
    expect(parseCauses(text)).toEqual({ ok: true, value: want });
  });
  it('"the bottom of it" after the lower back is no bottom', () => {
    expect(sitesOf('lower back, right across the bottom of it')).toEqual([{ region: 'lower_back' }]);
  });
});

describe('causes: a scene is not a second cause, and a sport done often is overuse wherever that is said', () => {
  it.each<[string, string[]]>([
    ['pulled something hauling a roll of cable up the ladder tues arvo', ['strain']],
    ['hitching the van at Carnarvon, had to lift the drawbar onto the towball cos the jockey wheel was stuffed', ['strain']],
    ['crunch time at work, 12 hour days on the keyboard and stressed to the eyeballs', ['stress', 'repetitive_use']],
    ['5km sessions most mornings, heaps of freestyle, and anything with butterfly makes the shoulder way worse', ['repetitive_use']],
    ['running. upped my ks for a half marathon', ['repetitive_use']],
  ])('%j', (text, want) => {
    const r = parseCauses(text);
    expect(r.ok && [...r.value].sort()).toEqual([...want].sort());
  });
  it('one long session is still overdoing it, not overuse', () => {
    const r = parseCauses('was at my cousins wedding dancing all night in heels');
    expect(r.ok && r.value).toContain('strain');
    expect(r.ok && r.value).not.toContain('repetitive_use');
  });
});

describe('done all the same, with a cost, is some', () => {
  it.each<[string, string]>([
    ['stocking the top shelf behind the bar, i can do it but it grabs, gotta go slow', 'some'],
    ['gotta push off the arms of the chair and make old man noises but i get there', 'some'],
    ['bend down to the low fridges 50 times a night, sore but I get through', 'some'],
    ["takes me ages to get comfy, but once I'm out I'm out", 'some'],
    // Called hard in as many words, it stays a lot.
    ['i can do it but its really hard', 'a_lot'],
  ])('%j', (text, want) => {
    expect(parseDifficulty(text)).toEqual({ ok: true, value: want });
  });
});

// Found chatting as an older patient: "maybe, what do you do with it" at consent was "did not catch that".
describe('what is done with the answers, asked with a hedge in front', () => {
  it.each(['maybe, what do you do with it', 'what will you do with my answers', 'ok but who sees this'])('%j is asked about privacy', (text) => {
    expect(parseQuestionBack(text)).toBe('privacy');
  });
  it.each(['what i do with my hands all day is type', 'what i use my arm for at work is lifting'])('%j is an answer', (text) => {
    expect(parseQuestionBack(text)).toBeNull();
  });
});

// Found trying a precaution word in review: a date said of a later thing had dated a medicine before it.
describe('a date after a thing dates that thing, not a new one before it', () => {
  it.each<[string, string[]]>([
    ['xarelto, and the colonoscopy last year was fine', ['blood_thinners']],
    ['xarelto, the colonoscopy last year was fine', ['blood_thinners']],
    ['xarelto, and the bone density test last year said osteoporosis', ['blood_thinners', 'osteoporosis']],
    // A list of operations is dated together.
    ['knee scope and hip replacement last year', []],
    ['knee scope, hip replacement last year', []],
  ])('%j', (text, want) => {
    const r = parsePrecautions(text);
    expect(r.ok && [...r.value].sort()).toEqual([...want].sort());
  });
});

describe('where a spread stops is its end point, not a place it spreads to', () => {
  it.each<[string, Region[]]>([
    ['down the hammy, stops about at the knee', ['thigh']],
    ['down the outside of the arm to about the elbow', ['upper_arm']],
    ['down the forearm a bit toward the wrist', ['forearm']],
    // Said plainly, the end point is still a place it reaches.
    ['down my right leg to my toes', ['thigh', 'lower_leg', 'ankle_foot']],
    ['down to my elbow', ['upper_arm', 'elbow']],
  ])('%j', (text, want) => {
    const r = parseSpread(text);
    expect(r.ok && r.value.sites.map((s) => s.region).sort()).toEqual([...want].sort());
  });
});

describe('one length said in two units is added up; a unit without its "a" is one', () => {
  it.each<[string, number]>([
    ['a month and 2 weeks', 6.3],
    ['1 year and 3 months', 65.2],
    ['3 weeks and 2 days', 3.3],
    ['yr and a half on and off', 78.3],
    ['year and a half', 78.3],
    ['bout month and a half', 6.5],
  ])('%j', (text, weeks) => {
    expect(parseDuration(text)).toMatchObject({ ok: true, value: { weeks } });
  });
  it('two lengths, the second not part of the first, are still the longest, said back', () => {
    expect(parseDuration('2 weeks and 3 months')).toMatchObject({ ok: true, value: { weeks: 13 }, note: 'the longest of those' });
  });
});

// Found chatting: "hobble" at the lifting question was recorded for lifting; "need to push up off the arms" was not caught.
describe('chatting: a walking word is about walking, and pushing up off the arms is some', () => {
  it.each(['hobble', 'limping around'])('%j at the lifting question is about walking', (text) => {
    expect(otherMovementNamed(text, 'lifting')).toBe('walking');
  });
  it('"limping at training" at the running question is still about running', () => {
    expect(otherMovementNamed('cant run at all, limping at training', 'running')).toBeNull();
  });
  it.each(['need to push up off the arms', 'have to push up with my arms to get off the couch', 'gotta push up off the arms of the chair and wait a sec before I straighten up'])('%j', (text) => {
    expect(parseDifficulty(text)).toEqual({ ok: true, value: 'some' });
  });
});

it('a baby carried everywhere is the daily round of caring, overuse; boxes carried on moving day stay a strain', () => {
  expect(parseCauses('neck and rite sholder mostly, carrying bub everywhere')).toEqual({ ok: true, value: ['repetitive_use'] });
  expect(parseCauses('carrying boxes everywhere on moving day')).toEqual({ ok: true, value: ['strain'] });
});
