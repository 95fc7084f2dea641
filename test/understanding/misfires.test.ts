// Sentences a review of the 2026-12-03 changes found misread: each rule added that day must leave these alone.
import { describe, expect, it } from 'vitest';
import { nameSaid, parseContact } from '../../dialogs/understanding/contact.js';
import { parseCauses, parseDifficulty, parseDuration, parseFlagChecklist, parsePrecautions, parseSignAnswer, parseSites } from '../../dialogs/understanding/index.js';
import { findSigns, isAffirmed } from '../../dialogs/understanding/signs.js';
import { interpret } from '../../dialogs/interpret.js';
import { freshContext } from '../../dialogs/intakeContext.js';

const AT = '2026-12-02T10:00:00.000Z';
const affirmed = (text: string) => findSigns(text, 'anywhere').filter(isAffirmed).map((m) => m.code);

describe('warning signs stay warnings', () => {
  it('night pain is not ruled out by "roll over" said of what makes it worse', () => {
    expect(affirmed('constant pain all night, worse when i roll over')).toContain('constant_night_pain');
  });
  it('legs gone weak in both legs are the sign, marathon or not', () => {
    expect(affirmed('both legs went weak during the marathon')).toContain('both_legs_symptoms');
  });
  it('"came off the bike" and "just the one side" do not say a sign is over', () => {
    expect(parseSignAnswer('yes, came off the bike', 'trauma_fracture')).toEqual({ ok: true, value: true });
    expect(parseSignAnswer('yes just the one side of my bum', 'saddle_numbness')).toEqual({ ok: true, value: true });
    expect(parseSignAnswer('one shot of cortisone but i take prednisone daily', 'immunosuppressed_steroids')).toEqual({ ok: true, value: true });
  });
  it('a childhood event in another clause leaves recent surgery recent', () => {
    expect(parsePrecautions('surgery 2 weeks ago, when i was little i broke my arm', ['recent_surgery'])).toEqual({ ok: true, value: ['recent_surgery'] });
  });
  it('"walking\'s fine" at the checklist is about walking, not the list', () => {
    expect(parseFlagChecklist("walking's fine", ['bladder_bowel_change', 'numbness_tingling']).ok).toBe(false);
  });
});

describe('answers kept for later questions are plainly answers', () => {
  const ctx = () => ({ ...freshContext({ intakeId: '00000000-0000-4000-8000-000000000000', conversationId: 'c', channelId: 'test', startedAt: AT }), sites: [{ region: 'knee' as const }] });
  it.each(['worse when sitting', 'the one that hurts when i run'])('%j at the side question keeps no cause', (text) => {
    expect(interpret('side', ctx(), { text }, AT)).not.toMatchObject({ early: { causes: expect.anything() } });
  });
  it('a decimal survives the pain\'s own time at the duration question', () => {
    expect(interpret('duration', ctx(), { text: 'about 2.5 weeks' }, AT)).toMatchObject({ kind: 'event', event: { duration: { weeks: 2.5 } } });
  });
});

describe('movement levels', () => {
  it.each<[string, string]>([
    ["havent run, cant even jog to the letterbox", 'unable'],
    ['in the middle of the night it wakes me, cant get back to sleep', 'unable'],
    ['depends how far, 10 mins then i have to stop', 'a_lot'],
    ['hard to say, cant do it at all', 'unable'],
    ['cooked dinner last night, no problem', 'none'],
  ])('%j → %s', (text, level) => {
    expect(parseDifficulty(text)).toEqual({ ok: true, value: level });
  });
});

describe('dates, contact and words that look like causes', () => {
  it('"since the 31st" in a short month goes back to a month that has one', () => {
    const read = parseDuration('since the 31st', '2026-03-05T10:00:00.000Z');
    expect(read.ok && Math.round(read.value.weeks)).toBe(5);
  });
  it('"me" is never the name before the @', () => {
    expect(parseContact('email me at tom dot smith at gmail dot com')).toMatchObject({ ok: true, value: { email: 'tom.smith@gmail.com' } });
  });
  it('a number that is no Australian mobile is not held to 10 digits', () => {
    expect(parseContact('614 555 1234')).toMatchObject({ ok: true, value: { phone: '614 555 1234' } });
  });
  it('no name is kept from an answer that gave no contact at all', () => {
    expect(nameSaid('not right now', parseContact('not right now'))).toBeUndefined();
    expect(nameSaid('hmm', parseContact('hmm'))).toBeUndefined();
  });
  it.each<[string, string[]]>([
    ['had to carry it up the stairs', ['strain']],
    ['played footy sat then it got worse', ['strain']],
    ['slipped and fell on the concrete', ['injury']],
    ['picked up the box at a weird angle', ['strain']],
  ])('%j → %j', (text, causes) => {
    expect(parseCauses(text)).toEqual({ ok: true, value: causes });
  });
  it.each(['on my tablet all night scrolling', 'got stung by a wasp', 'been busy in the garden'])('%j reads no medicine, load or stress', (text) => {
    const read = parseCauses(text);
    expect(read.ok && read.value.some((c) => c === 'strain' || c === 'stress')).toBe(false);
  });
  it('"on the right around my shoulder blade" keeps its side', () => {
    expect(parseSites('pain on the right around my shoulder blade')).toMatchObject({ ok: true, value: { sites: [{ region: 'upper_back', side: 'right' }] } });
  });
});

describe('batch v (2026-12-03)', () => {
  it('"what\'s the saddle area" is a question back, never a yes', async () => {
    const { parseQuestionBack } = await import('../../dialogs/understanding/questionsBack.js');
    expect(parseQuestionBack("what's the saddle area sorry")).toBe('meaning');
  });
  it('giddy is dizzy', () => {
    expect(findSigns('i get giddy when i look up', 'checklist').map((m) => m.code)).toContain('neck_neuro_signs');
  });
  it('an operation that "was 2015" is not recent', () => {
    expect(parsePrecautions('had my shoulder done but that was 2015', ['recent_surgery'], AT)).toEqual({ ok: true, value: [] });
  });
  it('"right behind my eye" is directly behind, no side', () => {
    expect(parseSites('right behind my eye')).not.toMatchObject({ value: { sites: [{ side: 'right' }] } });
  });
});

describe('batch x: a time or a thing is no movement and no injury', () => {
  it('"last night" at the gripping question names no other movement', () => {
    const ctx = { ...freshContext({ intakeId: '00000000-0000-4000-8000-000000000000', conversationId: 'c', channelId: 'test', startedAt: AT }), sites: [{ region: 'wrist_hand' as const, side: 'left' as const }], primary: 'wrist_hand' as const };
    expect(interpret('movement', ctx, { text: 'spilt my tea last night when it twinged, cant hold a full mug properly' }, AT)).toMatchObject({ kind: 'event', event: { type: 'DIFFICULTY', difficulty: 'a_lot' } });
  });
  it('a seat "thats broken" is no fracture', () => {
    expect(affirmed('12 hour shifts on a forklift seat thats broken')).toEqual([]);
  });
  it('a cup dropped is asked about only where clumsy hands are asked', () => {
    expect(affirmed('keep dropping my coffee cup, cant grip it')).toEqual([]);
    expect(parseSignAnswer('kind of? dropped 2 glasses this week', 'clumsy_hands_unsteady_walk')).toEqual({ ok: true, value: true });
  });
  it('fuzzy fingers are numbness; a fuzzy head is not', () => {
    expect(parseSignAnswer('maybe? fingers feel a bit fuzzy first thing', 'numbness_tingling')).toEqual({ ok: true, value: true });
    expect(affirmed('head feels a bit fuzzy from the painkillers')).toEqual([]);
  });
});

describe('batch z, whole intakes (2026-12-03)', () => {
  const ctx = (region: 'lower_back' | 'neck') => ({ ...freshContext({ intakeId: '00000000-0000-4000-8000-000000000000', conversationId: 'c', channelId: 'test', startedAt: AT }), sites: [{ region }], primary: region });
  it('"after 30 min i have to get up" at sitting is about sitting, not standing up (it looped)', () => {
    expect(interpret('movement', { ...ctx('lower_back'), movementIndex: 1 }, { text: 'after 30 min i have to get up' }, AT)).toMatchObject({ kind: 'event', event: { type: 'DIFFICULTY', difficulty: 'a_lot' } });
    expect(interpret('movement', { ...ctx('lower_back'), movementIndex: 1 }, { text: 'an hour at the desk then i get up and walk round' }, AT)).not.toMatchObject({ event: { movement: 'walking' } });
  });
  it('"been the same for weeks" at the spread question is no pain duration', () => {
    expect(interpret('spread', ctx('neck'), { text: 'down my right arm, pins and needles in the thumb, been the same for weeks' }, AT)).not.toMatchObject({ event: { early: { duration: expect.anything() } } });
  });
  it('"nearly 2 weeks" is close to 2 weeks', () => {
    const read = parseDuration('nearly 2 weeks', AT);
    expect(read.ok && read.value.weeks).toBeGreaterThan(1.7);
  });
  it('a bike saddle is no saddle numbness; numbness in the saddle area still is', () => {
    expect(affirmed('long hours in the saddle training for a century ride')).toEqual([]);
    expect(affirmed('numb in the saddle area since yesterday')).toContain('saddle_numbness');
  });
  it('sitting down hard in a slip is the fall', () => {
    expect(parseCauses('slipped on the wet tiles and sat down hard')).toEqual({ ok: true, value: ['injury'] });
  });
  it.each<[string, string]>([
    ['turning left is bad', 'a_lot'],
    ["can't bend much", 'a_lot'],
    ["can't bend, too much pain", 'unable'],
  ])('%j → %s', (text, level) => {
    expect(parseDifficulty(text)).toEqual({ ok: true, value: level });
  });
});

describe('precautions and a piano (2026-12-03, afternoon)', () => {
  it('an item asked back after a no is not ticked', () => {
    expect(parsePrecautions('nah. pregnant?? im 68 mate', ['pregnancy'])).toEqual({ ok: true, value: [] });
  });
  it('what a medicine is for names no recent operation; a dated one still is', () => {
    expect(parsePrecautions('on clopidogrel for my stent', ['blood_thinners', 'recent_surgery'])).toEqual({ ok: true, value: ['blood_thinners'] });
    expect(parsePrecautions('had a stent put in 3 weeks ago', ['recent_surgery'])).toEqual({ ok: true, value: ['recent_surgery'] });
  });
  it('a piano carried is a load, a piano played is overuse', () => {
    expect(parseCauses('helped carry a piano up the stairs')).toEqual({ ok: true, value: ['strain'] });
    expect(parseCauses('playing the piano 4 hours a day for my exam')).toEqual({ ok: true, value: ['repetitive_use'] });
  });
});

describe('"lets go" is no legs (2026-12-03)', () => {
  it('a hand that lets go is no both-legs sign, and is a lot at gripping', () => {
    expect(affirmed('keep dropping my mug, my hand just lets go')).not.toContain('both_legs_symptoms');
    expect(parseDifficulty('my hand just lets go of things')).toEqual({ ok: true, value: 'a_lot' });
  });
});
