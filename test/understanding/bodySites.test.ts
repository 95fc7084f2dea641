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

  it('reads "back" alone as the lower back and says so', () => {
    expect(parseSites('back')).toEqual(sites([{ region: 'lower_back' }], [], 'back taken as lower back'));
    expect(parseSites('my back hurts')).toEqual(sites([{ region: 'lower_back' }], [], 'back taken as lower back'));
  });

  it('reads sciatica as the lower back and says so', () => {
    expect(parseSites('sciatica')).toEqual(sites([{ region: 'lower_back' }], [], 'sciatica taken as lower back'));
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
    ['down my left arm', [{ region: 'upper_arm', side: 'left' }], 'arm taken as upper arm'],
    ['into my bum and down my leg', [{ region: 'buttock' }, { region: 'thigh' }], 'leg taken as thigh'],
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
  ])('%j → %s', (text, side) => {
    expect(parseSide(text)).toEqual({ ok: true, value: side });
  });

  it.each([
    ['left or right?', 'ambiguous'],
    ['left... no wait, right', 'ambiguous'],
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
  ])('%j → %s', (text, reason) => {
    expect(parsePrimary(text, offered)).toEqual({ ok: false, reason });
  });
});
