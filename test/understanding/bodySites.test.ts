import { describe, expect, it } from 'vitest';
import { parsePrimary, parseSide, parseSites, parseSpread } from '../../dialogs/understanding/index.js';
import type { NamedSite, Region } from '../../dialogs/understanding/types.js';

const sites = (list: NamedSite[], excluded: Region[] = [], note?: string) =>
  note === undefined ? { ok: true, value: { sites: list, excluded } } : { ok: true, value: { sites: list, excluded }, note };

describe('parseSites: lay words and synonyms', () => {
  it.each<[string, Region]>([
    ['lower back', 'lower_back'],
    ['low back', 'lower_back'],
    ['lumbar', 'lower_back'],
    ['lower bak', 'lower_back'],
    ['lowr back', 'lower_back'],
    ['my lower back, been 3 wks, about a 7', 'lower_back'],
    ['between my shoulder blades', 'upper_back'],
    ['shoulder blade', 'upper_back'],
    ['upper back', 'upper_back'],
    ['thoracic', 'upper_back'],
    ['mid back', 'mid_back'],
    ['mid-back', 'mid_back'],
    ['middle of my back', 'mid_back'],
    ['neck', 'neck'],
    ['nek', 'neck'],
    ['cervical', 'neck'],
    ['headaches', 'head'],
    ['my temple', 'head'],
    ['TMJ', 'jaw'],
    ['jaw', 'jaw'],
    ['shoulder', 'shoulder'],
    ['sholder', 'shoulder'],
    ['shoudler', 'shoulder'],
    ['chest', 'chest'],
    ['ribs', 'chest'],
    ['my pec', 'chest'],
    ['upper arm', 'upper_arm'],
    ['bicep', 'upper_arm'],
    ['tricep', 'upper_arm'],
    ['elbow', 'elbow'],
    ['elbw', 'elbow'],
    ['tennis elbow', 'elbow'],
    ["golfer's elbow", 'elbow'],
    ['forearm', 'forearm'],
    ['wrist', 'wrist_hand'],
    ['wirst', 'wrist_hand'],
    ['fingers', 'wrist_hand'],
    ['thumb', 'wrist_hand'],
    ['carpal tunnel', 'wrist_hand'],
    ['hip', 'hip'],
    ['groin', 'hip'],
    ['buttock', 'buttock'],
    ['bum', 'buttock'],
    ['glute', 'buttock'],
    ['butt', 'buttock'],
    ['thigh', 'thigh'],
    ['hamstring', 'thigh'],
    ['hamstirng', 'thigh'],
    ['quad', 'thigh'],
    ['knee', 'knee'],
    ['kne', 'knee'],
    ['kneecap', 'knee'],
    ['back of my knee', 'knee'],
    ['calf', 'lower_leg'],
    ['shin', 'lower_leg'],
    ['lower leg', 'lower_leg'],
    ['ankle', 'ankle_foot'],
    ['ankel', 'ankle_foot'],
    ['heel', 'ankle_foot'],
    ['plantar fasciitis', 'ankle_foot'],
    ['foot', 'ankle_foot'],
  ])('%j → %s', (text, region) => {
    expect(parseSites(text)).toEqual(sites([{ region }]));
  });

  // Changed with the corpus: "my back", "right arm", "my leg" alone do not say which part, so the bot asks.
  it('asks which part when only "back", "arm" or "leg" is said', () => {
    expect(parseSites('back')).toEqual({ ok: false, reason: 'not_understood', detail: 'vague:back' });
    expect(parseSites('my back hurts')).toEqual({ ok: false, reason: 'not_understood', detail: 'vague:back' });
    // A side said with the whole is kept with it, so the part picked next keeps it.
    expect(parseSites('my left arm')).toEqual({ ok: false, reason: 'not_understood', detail: 'vague:arm.left' });
    expect(parseSites('my back and my right leg')).toEqual({ ok: false, reason: 'not_understood', detail: 'vague:back+leg.right' });
    expect(parseSites('the leg')).toEqual({ ok: false, reason: 'not_understood', detail: 'vague:leg' });
  });

  it('reads a vague word beside a region it could mean as that region', () => {
    expect(parseSites('my back, the upper part mostly, upper back')).toEqual(sites([{ region: 'upper_back' }]));
    expect(parseSites('my back. lower back, not the upper')).toEqual(sites([{ region: 'lower_back' }]));
  });

  // Batch ad: an ESL patient typed "my back is pain, the low part" at every try and looped.
  it.each<[string, Region]>([
    ['my back is pain, the low part', 'lower_back'],
    ['the low part of my back', 'lower_back'],
    ['back, bottom bit', 'lower_back'],
    ['back, top part mostly', 'upper_back'],
    ['my back, right in the middle', 'mid_back'],
  ])('reads %j as the part of the back its level names', (text, region) => {
    expect(parseSites(text)).toEqual(sites([{ region }]));
  });

  it('leaves a level that is said of something else', () => {
    expect(parseSites('back pain in the middle of the night')).toEqual({ ok: false, reason: 'not_understood', detail: 'vague:back' });
    expect(parseSites('my back and the lower part of my leg')).toMatchObject({ ok: false, reason: 'not_understood' });
  });

  it('reads sciatica as the lower back and says so', () => {
    expect(parseSites('sciatica')).toEqual(sites([{ region: 'lower_back' }], [], 'sciatica as the lower back'));
  });
});

describe('parseSites: sides attach to the nearest region', () => {
  it.each<[string, NamedSite[]]>([
    ['my left elbow', [{ region: 'elbow', side: 'left' }]],
    ['left and right knee', [{ region: 'knee', side: 'both' }]],
    ['left knee and right knee', [{ region: 'knee', side: 'both' }]],
    ['neck and left shoulder', [{ region: 'neck' }, { region: 'shoulder', side: 'left' }]],
    ['right side of my neck', [{ region: 'neck', side: 'right' }]],
    ['left shoulder right knee', [{ region: 'shoulder', side: 'left' }, { region: 'knee', side: 'right' }]],
    ['shoulder left, knee right', [{ region: 'shoulder', side: 'left' }, { region: 'knee', side: 'right' }]],
    ['R knee', [{ region: 'knee', side: 'right' }]],
    ['L shoulder', [{ region: 'shoulder', side: 'left' }]],
    ['pain in my right calf', [{ region: 'lower_leg', side: 'right' }]],
    ['both shoulders', [{ region: 'shoulder', side: 'both' }]],
    ['my knees', [{ region: 'knee', side: 'both' }]],
    ['middle of my neck', [{ region: 'neck', side: 'centre' }]],
    ['my right hip and left', [{ region: 'hip', side: 'both' }]],
    ['both neck and shoulder', [{ region: 'neck' }, { region: 'shoulder' }]],
    ['rigth wrist', [{ region: 'wrist_hand', side: 'right' }]],
    ['neck, shoulder and upper back', [{ region: 'neck' }, { region: 'shoulder' }, { region: 'upper_back' }]],
    ['shoulder and neck and shoulder again', [{ region: 'shoulder' }, { region: 'neck' }]],
    ['I had a sore hand and neck', [{ region: 'wrist_hand' }, { region: 'neck' }]],
    ["it's hard to say, my neck", [{ region: 'neck' }]],
    ['upper and lower back', [{ region: 'upper_back' }, { region: 'lower_back' }]],
    ['L5 S1', [{ region: 'lower_back' }]],
    ['C5-6', [{ region: 'neck' }]],
    ['left knee, not the right', [{ region: 'knee', side: 'left' }]],
    ['not my left knee, the right one', [{ region: 'knee', side: 'right' }]],
    ['L knee + R ankle', [{ region: 'knee', side: 'left' }, { region: 'ankle_foot', side: 'right' }]],
    ['right-sided neck pain', [{ region: 'neck', side: 'right' }]],
    ['my RIGHT KNEE!!!', [{ region: 'knee', side: 'right' }]],
    ['right now my neck', [{ region: 'neck' }]],
    ['I left work early because of my neck', [{ region: 'neck' }]],
    ['on the other hand my wrist', [{ region: 'wrist_hand' }]],
    ['pain in the back of my neck and top of my shoulders', [{ region: 'neck' }, { region: 'shoulder', side: 'both' }]],
  ])('%j', (text, expected) => {
    expect(parseSites(text)).toEqual(sites(expected));
  });
});

describe('parseSites: negation', () => {
  it.each<[string, NamedSite[], Region[]]>([
    ["neck isn't sore, my shoulder is", [{ region: 'shoulder' }], ['neck']],
    ['no neck pain, left knee', [{ region: 'knee', side: 'left' }], ['neck']],
    ['my shoulder, not my neck', [{ region: 'shoulder' }], ['neck']],
    ["my neck doesn't hurt but my jaw does", [{ region: 'jaw' }], ['neck']],
    ['No, my neck', [{ region: 'neck' }], []],
  ])('%j', (text, expected, excluded) => {
    expect(parseSites(text)).toEqual(sites(expected, excluded));
  });

  it('only exclusions is not yet an answer', () => {
    expect(parseSites('not my neck')).toEqual({ ok: false, reason: 'not_understood', detail: 'only_excluded' });
  });

  it.each([
    ['', { ok: false, reason: 'empty' }],
    ['left', { ok: false, reason: 'not_understood', detail: 'side_only' }],
    ['it hurts a lot', { ok: false, reason: 'not_understood' }],
    ['and I had the bad one', { ok: false, reason: 'not_understood' }],
  ])('%j → %j', (text, result) => {
    expect(parseSites(text)).toEqual(result);
  });
});

describe('parseSpread', () => {
  it.each(['no', 'nowhere', "it doesn't spread", 'just there', 'none', 'stays in one place', 'nope, stays put'])('%j → no spread', (text) => {
    expect(parseSpread(text)).toEqual(sites([]));
  });

  it.each<[string, NamedSite[], string | undefined]>([
    // Changed with the corpus: pain down a limb covers its parts on the way (upper arm and forearm, thigh and lower leg).
    ['down my left arm', [{ region: 'upper_arm', side: 'left' }, { region: 'forearm', side: 'left' }], undefined],
    ['into my bum and down my leg', [{ region: 'buttock' }, { region: 'thigh' }, { region: 'lower_leg' }], undefined],
    ['up into my head', [{ region: 'head' }], undefined],
    ['sometimes to my shoulder blade', [{ region: 'upper_back' }], undefined],
  ])('%j', (text, expected, note) => {
    expect(parseSpread(text)).toEqual(sites(expected, [], note));
  });

  it('keeps what the patient ruled out', () => {
    expect(parseSpread("it doesn't spread to my arm")).toEqual(sites([], ['upper_arm']));
  });

  it('does not guess from unrelated text', () => {
    expect(parseSpread('it is sharp')).toEqual({ ok: false, reason: 'not_understood' });
  });
});

describe('parseSide', () => {
  it.each([
    ['left', 'left'],
    ['Left.', 'left'],
    ['the left one', 'left'],
    ['L', 'left'],
    ['lft', 'left'],
    ['lefft', 'left'],
    ['right', 'right'],
    ['R', 'right'],
    ['rigth', 'right'],
    ['on the right side', 'right'],
    ['both', 'both'],
    ['both sides', 'both'],
    ['left and right', 'both'],
    ['left side and right side', 'both'],
    ['middle', 'centre'],
    ['centre', 'centre'],
    ['center', 'centre'],
    ['not left, right', 'right'],
    // Changed with the grammar: a correction takes the last side said.
    ['left... no wait, right', 'right'],
    // The writing hand, and an Australian car's sides, when no side word is said.
    ['my bowling arm, im a lefty', 'left'],
    ['passenger side', 'left'],
    ['the drivers side one', 'right'],
    ['im a leftie but its the right', 'right'],
  ])('%j → %s', (text, side) => {
    expect(parseSide(text)).toEqual({ ok: true, value: side });
  });

  it.each([
    ['left or right?', 'ambiguous'],
    ['not sure', 'not_understood'],
    ['', 'empty'],
  ])('%j → %s', (text, reason) => {
    expect(parseSide(text)).toEqual({ ok: false, reason });
  });
});

describe('parsePrimary', () => {
  const offered: Region[] = ['neck', 'shoulder', 'lower_back'];
  it.each<[string, Region]>([
    ['neck', 'neck'],
    ['my neck mostly', 'neck'],
    ['the shoulder', 'shoulder'],
    ['sholder', 'shoulder'],
    ['back', 'lower_back'],
    ['the first one', 'neck'],
    ['1', 'neck'],
    ['second', 'shoulder'],
    ['3', 'lower_back'],
    ['the last one', 'lower_back'],
    ['neck more than shoulder', 'neck'],
    ['not the neck, the shoulder', 'shoulder'],
  ])('%j → %s', (text, region) => {
    expect(parsePrimary(text, offered)).toEqual({ ok: true, value: region });
  });

  it('resolves a vague "back" to the back region on offer', () => {
    expect(parsePrimary('my back', ['neck', 'upper_back'])).toEqual({ ok: true, value: 'upper_back' });
  });

  it.each([
    ['neck and back equally', 'ambiguous'],
    ['both', 'ambiguous'],
    ['knee', 'not_offered'],
    ['4', 'out_of_range'],
    ['dunno', 'not_understood'],
    ['', 'empty'],
    // A number in a story (a cause typed a question early) is not the number of an option.
    ['helped my mate move, we carried a couch up 2 flights', 'not_understood'],
  ])('%j → %s', (text, reason) => {
    expect(parsePrimary(text, offered)).toMatchObject({ ok: false, reason });
  });
});

describe('grammar: a side word carries over the list it is said with', () => {
  it.each<[string, NamedSite[]]>([
    ['right ankle and shin', [{ region: 'ankle_foot', side: 'right' }, { region: 'lower_leg', side: 'right' }]],
    ['left shoulder, upper arm and elbow', [{ region: 'shoulder', side: 'left' }, { region: 'upper_arm', side: 'left' }, { region: 'elbow', side: 'left' }]],
    ['elbow and wrist, left side', [{ region: 'elbow', side: 'left' }, { region: 'wrist_hand', side: 'left' }]],
    ['my hip is sore and my knee, right side', [{ region: 'hip', side: 'right' }, { region: 'knee', side: 'right' }]],
    // Another side stops it; a side said before the list does not carry onto the neck or head.
    ['left wrist and right elbow', [{ region: 'wrist_hand', side: 'left' }, { region: 'elbow', side: 'right' }]],
    ['left knee and neck', [{ region: 'knee', side: 'left' }, { region: 'neck' }]],
    // "both" before a plural is its two sides, and counts only that one.
    ['both hamstrings and my lower back', [{ region: 'thigh', side: 'both' }, { region: 'lower_back' }]],
    // A limb word after its parts is where they are: it gives them its side.
    ['calf and ankle, right leg', [{ region: 'lower_leg', side: 'right' }, { region: 'ankle_foot', side: 'right' }]],
    ['hamstring on my left leg', [{ region: 'thigh', side: 'left' }]],
    ['the elbow of my right arm', [{ region: 'elbow', side: 'right' }]],
    ['thumb and fingers on my left hand, the middle ones worst', [{ region: 'wrist_hand', side: 'left' }]],
    ['hip paining for a month now, right', [{ region: 'hip', side: 'right' }]],
  ])('%j', (text, expected) => {
    expect(parseSites(text)).toEqual(sites(expected));
  });
});

describe('grammar: "bottom/back of my …" is the region after "of"', () => {
  it.each<[string, NamedSite[]]>([
    ['the bottom of my left foot', [{ region: 'ankle_foot', side: 'left' }]],
    ['sole of my foot when I get up', [{ region: 'ankle_foot' }]],
    ['arch of my right foot', [{ region: 'ankle_foot', side: 'right' }]],
    ['the back of my right knee', [{ region: 'knee', side: 'right' }]],
    ['back of my left thigh', [{ region: 'thigh', side: 'left' }]],
    ['back of the upper arm', [{ region: 'upper_arm' }]],
  ])('%j', (text, expected) => {
    expect(parseSites(text)).toEqual(sites(expected));
  });
});

describe('grammar: symptoms are not pain areas at the location question', () => {
  it.each<[string, NamedSite[]]>([
    ['sore neck and my hands are tingling', [{ region: 'neck' }]],
    ['lower back, and both my legs have gone weak', [{ region: 'lower_back' }]],
    ['my jaw, and my chest is tight and I am short of breath', [{ region: 'jaw' }]],
    ['upper back and i have pins and needles in my fingers', [{ region: 'upper_back' }]],
    // Said to hurt as well: a pain area.
    ['pain and numbness in my left hand', [{ region: 'wrist_hand', side: 'left' }]],
    // A part moved is not where it hurts.
    ['my neck. i cant turn my head', [{ region: 'neck' }]],
    ['shoulder and i cant lift my arm', [{ region: 'shoulder' }]],
  ])('%j', (text, expected) => {
    expect(parseSites(text)).toEqual(sites(expected));
  });

  it.each(['my legs have gone weak', 'my arms feel heavy and weak', 'aches when i wake'])('%j → asks', (text) => {
    expect(parseSites(text)).toMatchObject({ ok: false, reason: 'not_understood' });
  });

  it('ignores slang and symptom words that look like body words', () => {
    expect(parseSites('heaps sore in my neck')).toEqual(sites([{ region: 'neck' }]));
    expect(parseSites('footy injury, left calf')).toEqual(sites([{ region: 'lower_leg', side: 'left' }]));
  });
});

describe('grammar: where it travels is spread, not a pain area, at the location question', () => {
  it.each<[string, NamedSite[], NamedSite[] | undefined]>([
    ['lower back pain that shoots down my right leg', [{ region: 'lower_back' }], [{ region: 'thigh', side: 'right' }, { region: 'lower_leg', side: 'right' }]],
    ['neck, radiating into my shoulder blade', [{ region: 'neck' }], [{ region: 'upper_back' }]],
    ['pain in my hip going down to the knee', [{ region: 'hip' }], [{ region: 'knee' }, { region: 'thigh' }]],
    ['lower back going down both legs', [{ region: 'lower_back' }], [{ region: 'thigh', side: 'both' }, { region: 'lower_leg', side: 'both' }]],
    // Nothing else named: the words are the answer.
    ['down the back of my thigh', [{ region: 'thigh' }], undefined],
  ])('%j: pain areas, and where it spreads kept for the spread question', (text, expected, spread) => {
    const read = parseSites(text);
    expect(read.ok && read.value.sites).toEqual(expected);
    expect(read.ok && read.value.spread).toEqual(spread);
  });
});

describe('grammar: corrections take the last', () => {
  it.each<[string, NamedSite[]]>([
    ['right elbow, sorry i meant left elbow', [{ region: 'elbow', side: 'left' }]],
    ['left shoulder - wait, the right', [{ region: 'shoulder', side: 'right' }]],
    ['upper back, no wait, lower back', [{ region: 'lower_back' }]],
    ['it began in my neck but now its the shoulder blade', [{ region: 'upper_back' }]],
    // An additive word after the cue adds instead.
    ['neck, sorry, and my jaw too', [{ region: 'neck' }, { region: 'jaw' }]],
  ])('%j', (text, expected) => {
    expect(parseSites(text)).toEqual(sites(expected));
  });

  it.each([
    ['right, sorry no, left', 'left'],
    ['left, no wait, right', 'right'],
    ['right... sorry i mean left', 'left'],
  ])('side %j → %s', (text, side) => {
    expect(parseSide(text)).toEqual({ ok: true, value: side });
  });

  it('a correction at the primary question takes the last', () => {
    expect(parsePrimary('knee, actually no, the hip is worse', ['knee', 'hip'])).toEqual({ ok: true, value: 'hip' });
  });
});

describe('grammar: plurals without a side are both sides', () => {
  it.each<[string, NamedSite[]]>([
    ['my hips', [{ region: 'hip', side: 'both' }]],
    ['sholders and neck', [{ region: 'shoulder', side: 'both' }, { region: 'neck' }]],
    ['calfs are tight', [{ region: 'lower_leg', side: 'both' }]],
    ['knees and ankles', [{ region: 'knee', side: 'both' }, { region: 'ankle_foot', side: 'both' }]],
    // "'s" after a body word is "is"; the head has no sides.
    ["hip's been sore for weeks", [{ region: 'hip' }]],
    ['my temples', [{ region: 'head' }]],
  ])('%j', (text, expected) => {
    expect(parseSites(text)).toEqual(sites(expected));
  });
});

describe('grammar: what is not the patient\'s pain now', () => {
  it.each<[string, NamedSite[], Region[]]>([
    ['right ankle, broke my wrist years ago', [{ region: 'ankle_foot', side: 'right' }], []],
    ['my wife has bad knees, mine is my neck', [{ region: 'neck' }], []],
    ["my neck, the head's fine", [{ region: 'neck' }], ['head']],
    ['upper back, not my shoulders, people always say its my shoulders', [{ region: 'upper_back' }], ['shoulder']],
  ])('%j', (text, expected, excluded) => {
    expect(parseSites(text)).toEqual(sites(expected, excluded));
  });

  it.each([
    ['shoulder or maybe the neck', 'shoulder or neck'],
    ['knee or thigh, not sure which', 'knee or thigh'],
  ])('%j → two answers: asked, naming both', (text, both) => {
    expect(parseSites(text)).toEqual({ ok: false, reason: 'ambiguous', detail: both });
  });
});

describe('grammar: spread along a limb', () => {
  it.each<[string, NamedSite[]]>([
    ['down my left leg', [{ region: 'thigh', side: 'left' }, { region: 'lower_leg', side: 'left' }]],
    ['down my arm to the wrist', [{ region: 'upper_arm' }, { region: 'forearm' }, { region: 'wrist_hand' }]],
    ['down to my knee', [{ region: 'knee' }, { region: 'thigh' }]],
    ['into my right arm', [{ region: 'upper_arm', side: 'right' }]],
    ['down into my calf', [{ region: 'lower_leg' }]],
    ['down both arms', [{ region: 'upper_arm', side: 'both' }, { region: 'forearm', side: 'both' }]],
    ['down my right leg and my foot goes numb', [{ region: 'thigh', side: 'right' }, { region: 'lower_leg', side: 'right' }, { region: 'ankle_foot', side: 'right' }]],
    ['tingling into my hand', [{ region: 'wrist_hand' }]],
    ['into my left glute and the back of the thigh', [{ region: 'buttock', side: 'left' }, { region: 'thigh', side: 'left' }]],
  ])('%j', (text, expected) => {
    expect(parseSpread(text)).toEqual(sites(expected));
  });

  it.each(['stays in my neck', 'no, just my knee', 'it used to go down my arm', 'not that i know of', 'my brother gets it down his legs, not me'])('%j → no spread', (text) => {
    expect(parseSpread(text)).toEqual(sites([]));
  });

  it('two places offered as alternatives: ask', () => {
    expect(parseSpread('into my shoulder or maybe my neck')).toEqual({ ok: false, reason: 'ambiguous', detail: 'shoulder or neck' });
  });
});

describe('grammar: the primary question', () => {
  const offered: Region[] = ['knee', 'hip', 'ankle_foot'];
  it.each<[string, Region[], Region]>([
    ['hip. the knee is just stiff', offered, 'hip'],
    ['the hip mostly, knee comes and goes', offered, 'hip'],
    ['the middle one', offered, 'hip'],
    ['upper', ['upper_back', 'lower_back'], 'upper_back'],
    ['middle', ['mid_back', 'lower_back'], 'mid_back'],
  ])('%j → %s', (text, choices, region) => {
    expect(parsePrimary(text, choices)).toEqual({ ok: true, value: region });
  });

  it('"my back" with two backs on offer does not say which', () => {
    expect(parsePrimary('my back', ['upper_back', 'lower_back'])).toEqual({ ok: false, reason: 'ambiguous' });
  });
});

describe('grammar: the side question', () => {
  it.each([
    ['the right, the left one is fine', 'right'],
    ['my left hip, the rights fine', 'left'],
    ['the good side is the right, so left', 'left'],
    ['right, my left one was operated on years ago', 'right'],
    ['left worse than right', 'both'],
    ['left mainly, a bit on the right too', 'both'],
    ['rite', 'right'],
    ['lef', 'left'],
  ])('%j → %s', (text, side) => {
    expect(parseSide(text)).toEqual({ ok: true, value: side });
  });

  it.each(['left or right?', 'left ok'])('%j is not a fine-side denial of the only side', (text) => {
    expect(parseSide(text)).not.toEqual({ ok: false, reason: 'not_understood' });
  });
});

describe('parseSites: landmarks and "the same side"', () => {
  it.each<[string, NamedSite[]]>([
    ['bicep on the right, just above the elbow', [{ region: 'upper_arm', side: 'right' }]],
    ['right forearm, the top bit near the elbow where you grip', [{ region: 'forearm', side: 'right' }]],
    ['just above the elbow', [{ region: 'elbow' }]],
    ['forearm just below the elbow, right', [{ region: 'forearm', side: 'right' }]],
    ['mid back, right about where my bra strap sits', [{ region: 'mid_back' }]],
    ['my bum, right side. and the calf on the same side', [{ region: 'buttock', side: 'right' }, { region: 'lower_leg', side: 'right' }]],
    ['my glute on the left and the side of that hip', [{ region: 'buttock', side: 'left' }, { region: 'hip', side: 'left' }]],
  ])('%j → %j', (text, list) => {
    const read = parseSites(text);
    expect(read.ok && read.value.sites).toEqual(list);
  });
});

describe('grammar: one side worse than the other is both', () => {
  it.each<[string, NamedSite[]]>([
    ['top of my shoulders, traps, left worse than right', [{ region: 'shoulder', side: 'both' }]],
    ['left knee worse than the right', [{ region: 'knee', side: 'both' }]],
    ['left glute and into the hammy', [{ region: 'buttock', side: 'left' }, { region: 'thigh', side: 'left' }]],
  ])('%j → %j', (text, sites) => {
    const read = parseSites(text);
    expect(read.ok && read.value.sites).toEqual(sites);
  });
});

describe('grammar: a lone altered feeling names its area; a movement landmark does not', () => {
  it.each<[string, NamedSite[]]>([
    ['pins and needles in my fingers on the left', [{ region: 'wrist_hand', side: 'left' }]],
    ['lower back, and pins and needles in my toes', [{ region: 'lower_back' }]],
    ['my rite sholder, cant lift my arm up past my head since i fell off the trampoline', [{ region: 'shoulder', side: 'right' }]],
  ])('%j → %j', (text, sites) => {
    const read = parseSites(text);
    expect(read.ok && read.value.sites).toEqual(sites);
  });

  it('a weakness alone still names no pain area', () => {
    expect(parseSites('me legs feel like jelly').ok).toBe(false);
  });
});

describe('parseSites: a side said as its own sentence', () => {
  it.each<[string, Array<{ region: string; side?: string }>]>([
    ['knee. the left one', [{ region: 'knee', side: 'left' }]],
    ['neck. right side. been about a week', [{ region: 'neck', side: 'right' }]],
    // A new sentence naming another place keeps its own side.
    ['knee. left hip too', [{ region: 'knee' }, { region: 'hip', side: 'left' }]],
  ])('%j', (text, expected) => {
    const read = parseSites(text);
    expect(read.ok && read.value.sites).toEqual(expected);
  });
});

describe('parseSites: a place set aside by comparison, and "not so much"', () => {
  it.each<[string, Array<{ region: string; side?: string }>]>([
    // "more X than Y" and "X rather than Y" name X; "X hurts more than Y" names both.
    ['its more my calf than my knee', [{ region: 'lower_leg' }]],
    ['my wrist rather than my elbow', [{ region: 'wrist_hand' }]],
    ['my knee hurts more than my hip', [{ region: 'knee' }, { region: 'hip' }]],
    // The "not" in "not so much" reaches forward, to what is set aside.
    ['upper back, not so much my neck', [{ region: 'upper_back' }]],
  ])('%j', (text, expected) => {
    const read = parseSites(text);
    expect(read.ok && read.value.sites).toEqual(expected);
  });
});

describe('grammar: a side said straight after the last region is that region\'s (2026-12-03)', () => {
  it.each<[string, NamedSite[]]>([
    // Said straight after the last region, a side does not reach back onto the neck or the back.
    ['upper back, neck and golfers elbow on the left', [{ region: 'upper_back' }, { region: 'neck' }, { region: 'elbow', side: 'left' }]],
    ['mid back and the front of my ribs on the right', [{ region: 'mid_back' }, { region: 'chest', side: 'right' }]],
    // Said after the list without "on", it is said for the whole list.
    ['neck and shoulder left side', [{ region: 'neck', side: 'left' }, { region: 'shoulder', side: 'left' }]],
    ['neck and shoulder, left side', [{ region: 'neck', side: 'left' }, { region: 'shoulder', side: 'left' }]],
    // "is on left side of" is the side of that region.
    ['the pain is on right side of my neck', [{ region: 'neck', side: 'right' }]],
  ])('%j', (text, expected) => {
    expect(parseSites(text)).toEqual(sites(expected));
  });
});

describe('grammar: the waist, said back as the lower back (batch s)', () => {
  it('"my waist is pain, right side" is the right lower back, and says so', () => {
    expect(parseSites('my waist is pain, right side')).toEqual({ ok: true, value: { sites: [{ region: 'lower_back', side: 'right' }], excluded: [] }, note: 'your waist as the lower back' });
  });
  it('"no wait" and "wrist" are not the waist', () => {
    expect(parseSites('left no wait right wrist')).toEqual(sites([{ region: 'wrist_hand', side: 'right' }]));
  });
});

describe('grammar: batch t (2026-12-03)', () => {
  it.each<[string, NamedSite[]]>([
    // "just under the ribs" is where on the back, not the chest.
    ['lower back on the left, just under the ribs', [{ region: 'lower_back', side: 'left' }]],
    // "right down" is all the way down, not a side.
    ['it went right down to my knee', [{ region: 'knee' }]],
  ])('%j', (text, expected) => {
    expect(parseSites(text)).toEqual(sites(expected));
  });
});

describe('grammar: batch u (2026-12-03)', () => {
  it('"the bottom part" of the back is no buttock', () => {
    expect(parseSites('my back the bottom part, and my left hip')).toMatchObject({ ok: true, value: { sites: [{ region: 'lower_back' }, { region: 'hip', side: 'left' }] } });
  });
  it('"2 wks ish" at the main-area question picks no area', () => {
    expect(parsePrimary('2 wks ish', ['neck', 'shoulder']).ok).toBe(false);
    expect(parsePrimary('2', ['neck', 'shoulder'])).toEqual({ ok: true, value: 'shoulder' });
  });
});

describe('grammar: "all weekend" at the main-area question is a time, not all the areas (2026-12-03)', () => {
  it('is no answer about the areas, and "both equally" still is', () => {
    expect(parsePrimary('digging in the garden all weekend', ['elbow', 'forearm'])).toMatchObject({ ok: false, reason: 'not_understood' });
    expect(parsePrimary('both equally', ['elbow', 'forearm'])).toMatchObject({ ok: false, reason: 'ambiguous' });
  });
});
