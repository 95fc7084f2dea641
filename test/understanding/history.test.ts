// Since when, and why: parseDuration and parseCauses.
import { describe, expect, it } from 'vitest';
import { parseCauses, parseDuration } from '../../dialogs/understanding/index.js';
import type { Cause } from '../../dialogs/understanding/types.js';

describe('parseDuration', () => {
  it.each<[string, number]>([
    ['3 days', 0.4],
    ['three weeks', 3],
    ['3 weeks', 3],
    ['3wks', 3],
    ['been 3 wks', 3],
    ['lower bak, been 3 wks, about a 7', 3],
    ['a couple of weeks', 2],
    ['a few days', 0.4],
    ['a fortnight', 2],
    ['about 2 months', 8.7],
    ['6 mths', 26.1],
    ['a month', 4.3],
    ['since yesterday', 0.1],
    ['since last week', 1],
    ['today', 0],
    ['this morning', 0],
    ['a year', 52.2],
    ['half a year', 26.1],
    ['a year and a half', 78.3],
    ['1.5 years', 78.3],
    ['on and off for 5 years', 260.9],
    ['for the last few weeks', 3],
    ['2 wekks', 2],
    ['3/52', 3],
    ['several months', 13],
    ["I'm 45 years old and it started 2 weeks ago", 2],
    ['twenty five years', 1304.5],
    ['10 days ago', 1.4],
    ['about 6 weeks', 6],
    ['2 months ago', 8.7],
    ['over a year', 52.2],
    ['more than 3 months', 13],
    ['3 mnths', 13],
    ['its been 2yrs', 104.4],
    ['couple days', 0.3],
    ['past 2 weeks', 2],
    ['a month or so', 4.3],
    ['8 weeks, on and off', 8],
  ])('%j → %s weeks', (text, weeks) => {
    expect(parseDuration(text)).toEqual({ ok: true, value: { weeks, text } });
  });

  it.each<[string, number, string]>([
    ['years', 104.4, 'years as about 2 years'],
    ['for months', 8.7, 'months as about 2 months'],
    ['2-3 weeks', 2.5, 'the middle of that range'],
    ['a week or two', 1.5, 'the middle of that range'],
  ])('%j → %s weeks with a note', (text, weeks, note) => {
    expect(parseDuration(text)).toEqual({ ok: true, value: { weeks, text }, note });
  });

  it('keeps the patient words trimmed', () => {
    expect(parseDuration('   about 2 months  ')).toEqual({ ok: true, value: { weeks: 8.7, text: 'about 2 months' } });
  });

  it.each([
    ['-3 weeks', 'out_of_range'],
    ['100 years', 'out_of_range'],
    ['since March', 'not_understood'],
    ['since 2019', 'not_understood'],
    ['a wee bit', 'not_understood'],
    ['about a 7', 'not_understood'],
    ['', 'empty'],
  ])('%j → %s', (text, reason) => {
    expect(parseDuration(text)).toEqual({ ok: false, reason });
  });
});

describe('parseCauses', () => {
  it.each<[string, Cause[]]>([
    ['lifting', ['strain']],
    ['I lifted a box', ['strain']],
    ['at the gym', ['strain']],
    ['footy on Saturday', ['strain']],
    ['overdid it', ['strain']],
    ['pulled a muscle', ['strain']],
    ['running', ['strain']],
    ['workout', ['strain']],
    ['stress', ['stress']],
    ['stressed at work', ['stress']],
    ['anxiety', ['stress']],
    ['lots of tension', ['stress']],
    ['work pressure', ['stress']],
    ['desk work', ['repetitive_use']],
    ['typing all day', ['repetitive_use']],
    ['computer', ['repetitive_use']],
    ['using the mouse', ['repetitive_use']],
    ['tools at work', ['repetitive_use']],
    ['same movement over and over', ['repetitive_use']],
    ['training', ['repetitive_use']],
    ['I fell', ['injury']],
    ['had a fall', ['injury']],
    ['car crash', ['injury']],
    ['whiplash', ['injury']],
    ['got hit by a ball', ['injury']],
    ['bad posture', ['posture']],
    ['slept funny', ['posture']],
    ['slept wrong', ['posture']],
    ['awkward position', ['posture']],
    ['sitting all day', ['posture']],
    ['looking down at my phone', ['posture']],
    ['fell asleep on the couch', ['posture']],
    ['not sure', ['unknown']],
    ["don't know", ['unknown']],
    ['idk', ['unknown']],
    ['no idea', ['unknown']],
    ['it just started', ['unknown']],
    ['no reason', ['unknown']],
    ['stres and typng', ['stress', 'repetitive_use']],
    ['the gym and desk work', ['strain', 'repetitive_use']],
    ['gym, then more gym', ['strain']],
    ['not from lifting, I think stress', ['stress']],
    ['I was moving house and lifting boxes', ['strain']],
    ['picked up my toddler', ['strain']],
    ['I hurt it at footy', ['strain']],
    ['probably the way I sleep', ['posture']],
    // Waking with it names no position; the pillow or the couch does.
    ['woke up with it on monday', ['unknown']],
    ['slept on the lounge and woke up with it', ['posture']],
    ['long hours at my desk and stress', ['repetitive_use', 'stress']],
    ['it came on gradually', ['unknown']],
    ['car accident 2 years ago', ['injury']],
    ['not sure, maybe lifting', ['strain']],
    // Jobs around the house and yard, and a sudden effort.
    ['shovelling gravel', ['strain']],
    ['sneezing fit', ['strain']],
    // A sport is strain; done often it is overuse; where an injury is named it is only where it happened.
    ['squash on tuesday', ['strain']],
    ['tennis, three times a week', ['repetitive_use']],
    ['upped my kms for a marathon', ['repetitive_use']],
    ['rolled my ankle playing soccer', ['injury']],
    ['picking up boxes over and over', ['repetitive_use']],
    // A desk or laptop is the setting of a posture named with it; bedding is the load when it is lifted.
    ['hunched over my laptop', ['posture']],
    ['fell asleep at the computer', ['posture']],
    ['lifting the couch', ['strain']],
    ['the couch', ['posture']],
    // A task done all day, even one the lexicon does not name, is overuse.
    ['barista, steaming milk all day', ['repetitive_use']],
    ['i am a dental hygienist', ['repetitive_use']],
    // Life events are stress, unless they are the purpose of the activity.
    ['going through a divorce', ['stress']],
    ['practising piano for my exam', ['repetitive_use']],
    // Causes outside the categories.
    ['new shoes', ['other']],
    ['menopause', ['other']],
    ['building a cubby house', ['strain']],
    // Anything else the patient names is `other` (their words are kept beside it).
    ['new glasses', ['other']],
    // Someone else's fall, a fall that nearly happened, an injury long healed: not this cause.
    ['lifting my dad after he had a fall', ['strain']],
    ['painting the ceiling, nearly fell off the ladder', ['posture']],
    ['broke my wrist years ago but that has long healed, this is from gardening', ['strain']],
    // "woke up with it" gives way to "no idea"; a denied event leaves the cause unknown.
    ['no idea, woke up with it', ['unknown']],
    ['no injury, it just came on', ['unknown']],
    // "if that matters" is not a mattress; "paining" is not painting.
    ['lifting a box, been on steroids if that matters', ['strain']],
  ])('%j → %j', (text, causes) => {
    expect(parseCauses(text)).toEqual({ ok: true, value: causes });
  });

  it.each([
    ['it hurts', 'not_understood'],
    ['not lifting', 'not_understood'],
    ['work', 'not_understood'],
    ['', 'empty'],
    // Pointing at a cause without naming it, a person alone, or a question back: ask.
    ['a bit of everything', 'not_understood'],
    ['same as last time', 'not_understood'],
    ['my wife', 'not_understood'],
    ['my knee is paining', 'not_understood'],
  ])('%j → %s', (text, reason) => {
    expect(parseCauses(text)).toEqual({ ok: false, reason });
  });

  it('asks again when the answer is a question back', () => {
    expect(parseCauses('could it be my pillow?')).toEqual({ ok: false, reason: 'not_understood', detail: 'question' });
  });
});

describe('parseCauses: trades, footwear, treatment, things that broke', () => {
  it.each<[string, Cause[]]>([
    ['im a sparky, half my day is spent twisted up in ceiling cavities', ['posture']],
    ['played 36 holes on sunday, first time in about a year', ['strain']],
    ['nursing. lifting patients all shift and the hoist is always broken', ['strain']],
    ['shearing. 30 yrs in the sheds, bent over all day every day', ['repetitive_use', 'posture']],
    ['my teenager', ['stress']],
    ['horse threw me last weekend at pony club', ['injury']],
    ['havent got a clue mate', ['unknown']],
    ['sitting hunched on the couch watching the cricket all week lol', ['posture']],
    ['new steel caps for work, they sit funny on my foot', ['other']],
    ["everything's ached since my breast cancer treatment last year", ['other']],
    ['no idea, just came on, but ive been sweating at night and feel crook', ['unknown']],
  ])('%j → %j', (text, causes) => {
    const read = parseCauses(text);
    expect(read.ok && [...read.value].sort()).toEqual([...causes].sort());
  });
});

describe('parseDuration: dates said as when it came on', () => {
  it('"came on monday" is since monday (the turn on a Wednesday)', () => {
    const read = parseDuration('came on monday', '2026-12-02T10:00:00.000Z');
    expect(read.ok && Math.round(read.value.weeks * 7)).toBe(2);
  });
});

describe('parseCauses: work on the knees, things that died, corrections, a score said early', () => {
  it.each<[string, Cause[]]>([
    ['laying floor tiles all week on my knees', ['repetitive_use']],
    ['Tiling the bathroom floor on my knees', ['posture']],
    ['weeding on my knees all weekend', ['repetitive_use']],
    ['gardening all weekend', ['strain']],
    ['dunno. the fridge died that week too, worst week ever', ['unknown']],
    ['my marriage broke down and my mum died in march', ['stress']],
    ['carrying the esky down the beach.. no wait that was last year. no idea this time', ['unknown']],
    ['hubby left in june and ive been a mess', ['stress']],
    ['mate, you tell me', ['unknown']],
    ['saw the GP, she didnt say what caused it', ['unknown']],
    // Overhead work kept up a working week is overuse, as the corpus's labellers read it (batches w, ah); once is the position.
    ['welding overhead all week', ['repetitive_use']],
    ['welding overhead', ['posture']],
  ])('%j → %j', (text, causes) => {
    const read = parseCauses(text);
    expect(read.ok && [...read.value].sort()).toEqual([...causes].sort());
  });

  it.each(['6', 'its like an 8 most days', 'about a seven'])('%j is a pain score typed early: asked again, saying so', (text) => {
    expect(parseCauses(text)).toEqual({ ok: false, reason: 'not_understood', detail: 'score' });
  });
});

describe('parseCauses: where an injury happened, someone else, sports done weekly (batch k)', () => {
  it.each<[string, Cause[]]>([
    ['knelt on the tiles for a couple hours re-grouting the shower', ['posture']],
    ['fell off the ladder cleaning the gutters', ['injury']],
    ['got rear ended at the lights, other bloke was on his phone', ['injury']],
    ['bowling in the nets 3 nights a week plus games saturday', ['repetitive_use']],
    ['landed flat on my back doing a backflip off the pontoon', ['injury']],
    ['my dog took off after a cat and pulled me over, landed on my hip', ['injury']],
    ['isnt that your job to tell me haha', ['unknown']],
  ])('%j → %j', (text, causes) => {
    const read = parseCauses(text);
    expect(read.ok && [...read.value].sort()).toEqual([...causes].sort());
  });

  it('"two n a half months" is ten and a half weeks or so', () => {
    const read = parseDuration('two n a half months');
    expect(read.ok && Math.round(read.value.weeks)).toBe(11);
  });
});

describe('parseDuration: two answers across a band, a holiday weekend, the day of the month', () => {
  const NOW = '2026-12-02T10:00:00.000Z';
  it('"a month or two" straddles acute and subacute: asked, naming both', () => {
    expect(parseDuration('a month or two', NOW)).toMatchObject({ ok: false, reason: 'ambiguous' });
  });
  it('"2 to 3 months" is one span, read by its middle', () => {
    const read = parseDuration('2 to 3 months', NOW);
    expect(read.ok && Math.round(read.value.weeks)).toBe(11);
  });
  it('"since the long weekend" does not say which one', () => {
    expect(parseDuration('since the long weekend', NOW).ok).toBe(false);
  });
  it.each(['since the 14th of october', 'since oct 14th', 'since 14 october'])('%j counts from the 14th', (text) => {
    const read = parseDuration(text, NOW);
    expect(read.ok && Math.round(read.value.weeks)).toBe(7);
  });
});

describe('parseCauses and parseDuration: batch l classes (2026-12-03)', () => {
  const NOW = '2026-12-02T10:00:00.000Z';
  it.each<[string, Cause[]]>([
    // One long session of a sport is overdoing it; day after day is overuse.
    ['danced all night at the formal', ['strain']],
    ['swimming every day for the last month', ['repetitive_use']],
    // A task said to be repeated hundreds of times a shift is overuse, not a lift.
    ['packing boxes at the warehouse, lift the same tote a thousand times a shift', ['repetitive_use']],
    // A death said as "passed" is a bereavement.
    ['my dad passed last month and ive been a wreck', ['stress']],
    // Idioms and near-words that are no cause: "in one hit", "flights of stairs", "grout", "new place".
    ['drove to sydney in one hit, 10 hrs', ['posture']],
    ['carried the washing machine up two flights of stairs', ['strain']],
    ['kneeling on the bathroom floor for an hour fixing the grout', ['posture']],
    // Someone else's place or occasion, where the patient was doing it; "we" is the patient among others.
    ['at my sisters place lifting her new couch', ['strain']],
    ['his missus was bossing us around and we carried the fridge up the drive', ['strain']],
    // A posture that says what about the screen.
    ['new desk setup at home, monitor way too low', ['posture']],
  ])('%j → %j', (text, causes) => {
    expect(parseCauses(text)).toEqual({ ok: true, value: causes });
  });

  it.each([
    // The patient's own count after the date beats the count from a date whose year we guess.
    ['since easter, so about 6 weeks now', 6],
    ['since i started at the new place in march, thats 3 months', 13],
    // A child's age after "now" is still an age.
    ['since i had my daughter, shes 2 now', 104.4],
  ])('%j → %s weeks', (text, weeks) => {
    const read = parseDuration(text, NOW);
    expect(read.ok && read.value.weeks).toBeCloseTo(weeks, 0);
  });
});

describe('parseCauses and parseDuration: batch m classes (2026-12-03)', () => {
  const NOW = '2026-12-02T10:00:00.000Z';
  it.each<[string, string[]]>([
    // Idioms that borrow a cause word.
    ['losing my job broke my heart but the neck is from the new pillow', ['posture']],
    ['the neighbour is a pain in the neck but its my desk chair', ['posture']],
    // Someone else's accident, the patient's lift.
    ['my girl fell off the trampoline and i carried her to the car', ['strain']],
    // A take-back: "but thats not it".
    ['work is stressful but thats not it, moved house on the weekend', ['strain']],
    // An illness before it.
    ['started a week after the flu', ['other']],
    // A load handled day after day is overuse; a heavy day of it is strain.
    ['carrying crates at the markets every day', ['repetitive_use']],
    ['shifting mulch all day on saturday', ['strain']],
  ])('%j → %j', (text, causes) => {
    expect(parseCauses(text)).toEqual({ ok: true, value: causes });
  });

  it("a child's age is no pain score said early", () => {
    expect(parseCauses('my son is 3, i carry him')).not.toMatchObject({ detail: 'score' });
    expect(parseCauses('its about a 3')).toMatchObject({ ok: false, detail: 'score' });
  });

  it('a job alone is asked about: it says what they do, not what brought it on', () => {
    expect(parseCauses('im a teacher').ok).toBe(false);
    expect(parseCauses('i work as a courier').ok).toBe(false);
    expect(parseCauses('im a teacher, on my feet all day').ok).toBe(true);
  });

  it('a correction that gives only the number keeps the unit: "no wait more like 4"', () => {
    const read = parseDuration('2 months no wait more like 4', NOW);
    expect(read.ok && read.value.weeks).toBeCloseTo(17.4, 0);
  });

  it('"since summer" two days into summer is asked, naming both readings', () => {
    expect(parseDuration('its been sore since summer', NOW)).toEqual({ ok: false, reason: 'ambiguous', detail: '1 day or 12 months' });
    expect(parseDuration('since winter', NOW)).toMatchObject({ ok: true });
  });

  it('"for years" beside a recent flare is asked, naming years as the patient said it', () => {
    expect(parseDuration('bad for years on and off but this started monday', NOW)).toEqual({ ok: false, reason: 'ambiguous', detail: expect.stringMatching(/^years or \d+ days?$/) });
    expect(parseDuration('2 weeks but it feels like months', NOW).ok).toBe(true);
  });
});

describe('parseCauses and parseDuration: batch n classes (2026-12-03)', () => {
  const NOW = '2026-12-02T10:00:00.000Z';
  it.each<[string, string[]]>([
    // Someone else's idea of the cause gives way to the patient's own.
    ['the wife reckons its work stress, i reckon its the couch', ['posture']],
    // A long flight is posture, not a jammed finger; a finger jammed in a door is an injury, and so is a tackle.
    ['flew to perth and back in economy', ['posture']],
    ['jammed my finger in the car door', ['injury']],
    ['got smashed in a tackle', ['injury']],
    // Moving a person is a strain.
    ['helping dad in and out of the car since his stroke', ['strain']],
    // The posture a task was done in is the cause named, not the task as well, unless it goes on day after day.
    ['slumped on the couch texting for hours', ['posture']],
    ['doing nails 9 hours every day, always bent over all day', ['repetitive_use', 'posture']],
    // A condition is other; lack of sleep is no posture; a sport is where the injury happened, in any sentence.
    ['type 2 diabetic, gp reckons thats why', ['other']],
    ['work stress, barely sleeping', ['stress']],
    ['rugby. got tackled and landed on my shoulder', ['injury']],
    // What made it worse gives way to what started it.
    ['carried the kayak down to the beach. sitting at my desk all week made it worse', ['strain']],
  ])('%j → %j', (text, causes) => {
    expect(parseCauses(text)).toEqual({ ok: true, value: causes });
  });

  it.each([
    ['since the september hols', 9.6],
    ['since the footy season started', 37.5],
    // Festivals at their 2026 dates; a season just begun, said with "last", is the one before.
    ['since diwali', 3.5],
    ['since last summer', 52.4],
  ])('%j → about %s weeks (school holidays by season, the footy season from mid March)', (text, weeks) => {
    const read = parseDuration(text, NOW);
    expect(read.ok && read.value.weeks).toBeCloseTo(weeks, 0);
  });
});

describe('parseDuration and parseCauses: batches p and q (2026-12-03)', () => {
  const NOW = '2026-12-02T10:00:00.000Z';
  it.each<[string, number]>([
    // A weekday of last week; the day of this month, or of last month when it is still to come.
    ['since monday last week', 9],
    ['since the 23rd', 9],
    ['hurt it on the 28th, still sore', 4],
  ])('%j → about %i days', (text, days) => {
    const read = parseDuration(text, NOW);
    expect(read.ok && Math.abs(read.value.weeks * 7 - days)).toBeLessThan(1);
  });
  it.each<[string, Cause[]]>([
    // "sat" after a sport is Saturday; kneeling work Monday to Friday is overuse.
    ['got kneed in the hip at netball sat', ['injury']],
    ['grouting on my knees mon to fri', ['repetitive_use']],
    ['stress, and i sit like a prawn at my desk', ['stress', 'posture']],
    ['raking leaves all weekend', ['strain']],
    ['we move the fridge last month', ['strain']],
  ])('%j → %j', (text, causes) => {
    expect(parseCauses(text)).toEqual({ ok: true, value: causes });
  });
  it.each(['always worse first thing in the morning, then it loosens up', 'work. im a teacher'])('%j says no cause: asked again', (text) => {
    expect(parseCauses(text).ok).toBe(false);
  });
});

describe('parseDuration: batch s (2026-12-03)', () => {
  const NOW = '2026-12-02T10:00:00.000Z';
  it.each<[string, number]>([
    // A baby's age in months, said with "old", dates the pain from the birth.
    ['since the birth, my girl is 3 months old now', 13],
    // The weekday one week before this week's.
    ['since the wednesday before last', 2],
  ])('%j → about %i weeks', (text, weeks) => {
    const read = parseDuration(text, NOW);
    expect(read.ok && Math.round(read.value.weeks)).toBe(weeks);
  });
});

describe('parseCauses: batch r (2026-12-03)', () => {
  it.each<[string, Cause[]]>([
    // Hours at a console are sitting; a hedge that opens "could be" is no question back.
    ['too much gaming on the couch', ['posture']],
    ['could be the new office chair? not sure', ['posture']],
    // Trade tools and tasks; "knock off" is the end of the day, "cooked" is worn out, "temp" is a fever.
    ['impact driver all day at work, arm is cooked by knock off', ['repetitive_use']],
    ['i carry heavy boxes at the market', ['strain']],
    ['since they put me on new tablets for my blood pressure', ['other']],
  ])('%j → %j', (text, causes) => {
    expect(parseCauses(text)).toEqual({ ok: true, value: causes });
  });
  it('"I carry it all in my shoulders" is where stress sits, not a load', () => {
    expect(parseCauses('stressed at work, i carry it all in my neck')).toEqual({ ok: true, value: ['stress'] });
  });
  it('a fever is no tamping', () => {
    expect(parseCauses('knee went hot and ive had a temp since').ok && parseCauses('knee went hot and ive had a temp since')).not.toEqual({ ok: true, value: ['repetitive_use'] });
  });
});

describe('batch t: a Saturday, 24/7, and a date alone (2026-12-03)', () => {
  it.each<[string, Cause[]]>([
    // "sat" ending a clause after a noun is Saturday, not sitting.
    ['first game of the season sat, went in hard. overdid it', ['strain']],
    ['carrying the baby around 24/7', ['repetitive_use']],
  ])('%j → %j', (text, causes) => {
    expect(parseCauses(text)).toEqual({ ok: true, value: causes });
  });
  it('"sat just gone" is the last Saturday', () => {
    const read = parseDuration('sat just gone', '2026-12-02T10:00:00.000Z');
    expect(read.ok && Math.round(read.value.weeks * 7)).toBe(4);
  });
});

describe('batch u (2026-12-03)', () => {
  it.each<[string, Cause[]]>([
    ['housekeeping, about 14 rooms a shift making beds', ['repetitive_use']],
    ['standing on the concrete at work all day', ['posture']],
    ['lifted my nephew up and felt my back go', ['strain']],
    // "coach" is no couch; "paying" is no playing.
    ['coach says its a corky, got kneed in a tackle', ['injury']],
    ["you tell me, that's what i'm paying you for", ['unknown']],
  ])('%j → %j', (text, causes) => {
    expect(parseCauses(text)).toEqual({ ok: true, value: causes });
  });
  // (The corpus settles it: a long story and this flare are two answers, asked which is meant.)
  it.each(['on and off for years, this lot about 5 days', '5 years on and off, this flare 2 weeks'])('%j names two lengths: asked', (text) => {
    expect(parseDuration(text, '2026-12-02T10:00:00.000Z')).toMatchObject({ ok: false, reason: 'ambiguous' });
  });
  it('"last friday arvo" is a date', () => {
    const read = parseDuration('last friday arvo', '2026-12-02T10:00:00.000Z');
    expect(read.ok && Math.round(read.value.weeks * 7)).toBe(5);
  });
});

describe('parseCauses: batches w and x (2026-12-03)', () => {
  it.each<[string, Cause[]]>([
    ['on the tools 20 odd years, swinging a hammer every day', ['repetitive_use']],
    ['horse pinned me against the stable door on sunday', ['injury']],
    ['dunno, maybe the aircon at work blowing on me', ['other']],
    ['WFH, laptop on the couch, typing the whole day', ['posture', 'repetitive_use']],
    ['cleaning all day then the school run, its the job', ['repetitive_use']],
    ['moving boxes with my brothers, i carried most of them', ['strain']],
    ['toddler refuses the pram, shes on my hip all day every day', ['repetitive_use']],
    // Someone at home's idea is not the patient's; a GP's is what they were told.
    ['my nonna says is the cold, i think is from lifting the grandkids', ['strain']],
    ['GP said its from the mouse, i do data entry 8 hrs a day', ['repetitive_use']],
  ])('%j → %j', (text, causes) => {
    expect(parseCauses(text)).toEqual({ ok: true, value: causes });
  });
  it.each(['the usual', 'pulled my hamstring sprinting for the bus'])('%j invents no overuse', (text) => {
    const read = parseCauses(text);
    expect(read.ok && read.value).not.toEqual(expect.arrayContaining(['repetitive_use']));
  });
});

describe('parseCauses: batch y (2026-12-03)', () => {
  it.each<[string, Cause[]]>([
    ['rolled a patient on my own on night shift, felt it twinge', ['strain']],
    ['barrowing soil all sunday, about 4 cubic metres', ['strain']],
    ['me and two other blokes moved a pool table', ['strain']],
    ['first futsal game back, went for a sprint and felt it', ['strain']],
    ['the kelpie bolted after a cat with the lead wrapped round my wrist', ['injury']],
    ['nah seriously, the couch, i lie on it all twisted', ['posture']],
    ['reckon its the new bike, the reach is too long', ['posture']],
  ])('%j → %j', (text, causes) => {
    expect(parseCauses(text)).toEqual({ ok: true, value: causes });
  });
  it.each(['the lead up to christmas was stressful'])('%j is no injury', (text) => {
    const read = parseCauses(text);
    expect(read.ok && read.value).not.toContain('injury');
  });
});
