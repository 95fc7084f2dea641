// Sentences a review of the 2026-12-03 afternoon's changes found misread (each confirmed by running it).
import { describe, expect, it } from 'vitest';
import { parseCauses, parseDifficulty, parseFlagChecklist, parsePainScore, parsePrecautions, parseSites, parseWorstScore } from '../../dialogs/understanding/index.js';
import { findSigns, isAffirmed } from '../../dialogs/understanding/signs.js';
import { interpret } from '../../dialogs/interpret.js';
import { freshContext } from '../../dialogs/intakeContext.js';
import { screenFor } from '../../dialogs/redFlags.js';
import { takeTurn, type TurnEnv } from '../../dialogs/engine.js';
import { EXAMPLE_CLINIC } from '../../dialogs/clinicProfile.js';

const AT = '2026-12-03T10:00:00.000Z';
const LOWER_BACK = screenFor(['lower_back']);
const NECK = screenFor(['neck']);
const affirmed = (text: string) => findSigns(text, 'anywhere').filter(isAffirmed).map((m) => m.code);
const ctx = () => ({ ...freshContext({ intakeId: '00000000-0000-4000-8000-000000000000', conversationId: 'c', channelId: 'test', startedAt: AT }), sites: [{ region: 'lower_back' as const }] });

describe('warning signs are not lost', () => {
  it.each(['numbness in the saddle', 'no feeling in the saddle'])('%j is saddle numbness', (text) => {
    expect(parseFlagChecklist(text, LOWER_BACK)).toEqual({ ok: true, value: ['saddle_numbness'] });
  });
  it.each(['numbness in my groin but its better now', 'both legs went numb but its gone now', 'wet myself on the weekend but im fine now'])(
    'an emergency sign said to be better or gone is still ticked, to be asked about: %j',
    (text) => {
      expect(parseFlagChecklist(text, LOWER_BACK)).toMatchObject({ ok: true, value: [expect.any(String)] });
    },
  );
  it('a fever over, said in the "but" after it, is not ticked; one going down is', () => {
    expect(parseFlagChecklist('had a temp a couple weeks back but thats cleared up', LOWER_BACK)).toEqual({ ok: true, value: [] });
    expect(parseFlagChecklist('fever but its gone down a bit', LOWER_BACK)).toEqual({ ok: true, value: ['fever_unwell'] });
  });
  it.each(['been dropping weight', 'dropped 3 kilos without trying'])('%j is weight loss, not clumsy hands', (text) => {
    expect(parseFlagChecklist(text, NECK)).toEqual({ ok: true, value: ['unexplained_weight_loss'] });
  });
  it('"dropped 2 mugs" ticks no item 2', () => {
    expect(parseFlagChecklist('dropped 2 mugs this week', LOWER_BACK)).not.toMatchObject({ ok: true, value: ['saddle_numbness'] });
  });
  it.each(['feel fuzzy after a night shift', 'my vision has gone a bit fuzzy', 'was half cut and slipped over'])('%j raises no numbness or clumsy hands', (text) => {
    expect(affirmed(text)).not.toEqual(expect.arrayContaining(['numbness_tingling']));
    expect(affirmed(text)).not.toEqual(expect.arrayContaining(['clumsy_hands_unsteady_walk']));
  });
});

describe('precautions', () => {
  it('an item asked back and then answered yes is ticked', () => {
    expect(parsePrecautions('no. blood thinners? yes im on them', ['blood_thinners'])).toEqual({ ok: true, value: ['blood_thinners'] });
    expect(parsePrecautions('none. pregnant?? im 79 love haha', ['pregnancy'])).toEqual({ ok: true, value: [] });
  });
  it('a brace or crutches "for my knee reconstruction" is a recent operation', () => {
    expect(parsePrecautions('on crutches for my knee reconstruction', ['recent_surgery'])).toEqual({ ok: true, value: ['recent_surgery'] });
  });
  it('a precaution said beside a checklist item is kept too; weeks at the checklist are no pregnancy', () => {
    expect(interpret('redFlags', ctx(), { text: 'pins and needles in my left leg, and im on warfarin' }, AT)).toMatchObject({
      event: { codes: ['numbness_tingling'], early: { precautions: ['blood_thinners'] } },
    });
    expect(interpret('redFlags', ctx(), { text: 'number 4, been 3 weeks now' }, AT)).not.toMatchObject({ event: { early: expect.anything() } });
  });
});

describe('a count is no score', () => {
  it('"had 2 babies" is no pain of 2', () => {
    expect(parsePainScore('had 2 babies')).toMatchObject({ ok: false });
    expect(parsePainScore('7 tops')).toEqual({ ok: true, value: 7 });
  });
});

describe('the closed form bounces an answer to another question once, then keeps the words', () => {
  it('never repeats the closed cause question for ever', () => {
    let n = 0;
    const env: TurnEnv = { clinic: EXAMPLE_CLINIC, now: AT, newId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`, conversationId: 'c', channelId: 'test' };
    let stored: unknown = null;
    const steps: string[] = [];
    for (const text of ['hi', 'yes', 'lower back', 'no', '3 weeks', 'huh', 'hmm', '5', '5', '5']) {
      const r = takeTurn(stored, { text }, env);
      stored = r.persisted;
      steps.push(r.outputs.flatMap((o) => ('step' in o && o.step ? [o.step] : [])).at(-1) ?? '');
    }
    // Two misses, the closed form, one bounce of the score, then the words are kept and the score is asked.
    expect(steps.slice(5)).toEqual(['cause', 'cause', 'cause', 'intensity_now', 'intensity_worst']);
  });
});

describe('pain scores of two times or conditions', () => {
  it.each<[string, number | null]>([
    ['when i sit still 3, moving around 6', null],
    ['if im honest its a 6 but 8 when i walk', 6],
    ['6-7, more like 9 when i move', null],
  ])('pain now: %j → %s', (text, score) => {
    const read = parsePainScore(text);
    if (score === null) expect(read).toMatchObject({ ok: false });
    else expect(read).toEqual({ ok: true, value: score });
  });
  it('"much worse than right now" is not the score for now', () => {
    expect(parseWorstScore('much worse than right now, couldnt move on monday', 5)).not.toMatchObject({ ok: true, value: 5 });
  });
  it('"4 if i sit still, otherwise 7" at the worst is not 4', () => {
    expect(parseWorstScore('4 if i sit still, otherwise 7', 3)).not.toMatchObject({ ok: true, value: 4 });
  });
});

describe('movements and causes', () => {
  const knee = () => ({ ...ctx(), sites: [{ region: 'knee' as const }], primary: 'knee' as const, movementIndex: 2 });
  it('"ok to walk but not far, running is out" at walking keeps the "not far"', () => {
    expect(interpret('movement', knee(), { text: 'ok to walk but not far, running is out' }, AT)).toMatchObject({ event: { difficulty: 'some' } });
  });
  it('"cant even walk around the block" at sitting is about walking', () => {
    expect(interpret('movement', { ...ctx(), movementIndex: 1 }, { text: 'cant even walk around the block' }, AT)).toMatchObject({ event: { movement: 'walking' } });
  });
  it('"up my back" is reaching behind the back', () => {
    const shoulder = { ...ctx(), sites: [{ region: 'shoulder' as const, side: 'right' as const }], primary: 'shoulder' as const, movementIndex: 1 };
    expect(interpret('movement', shoulder, { text: 'cant get my arm up my back at all' }, AT)).toMatchObject({ event: { type: 'DIFFICULTY', difficulty: 'unable' } });
    expect(interpret('movement', shoulder, { text: 'cant get my arm up my back at all' }, AT)).not.toMatchObject({ event: { movement: expect.anything() } });
  });
  it.each(['stood on my feet all day for 20 years', 'the pain really took off after i started the new job', 'walk the dog on the lead every morning'])('%j is no injury', (text) => {
    const read = parseCauses(text);
    expect(read.ok && read.value).not.toContain('injury');
  });
  it.each<[string, string]>([
    ['its a 2 minute job, no dramas', 'none'],
    ['no ache at all', 'none'],
    ['really hard, what do you think?', 'a_lot'],
    ["can't bend that much", 'a_lot'],
  ])('%j → %s', (text, level) => {
    expect(parseDifficulty(text)).toEqual({ ok: true, value: level });
  });
  it('a body part fallen on that hurts too is a pain area', () => {
    expect(parseSites('lower back, and i fell on my wrist which is killing me too')).toMatchObject({ ok: true, value: { sites: [{ region: 'lower_back' }, { region: 'wrist_hand' }] } });
  });
});

describe('careful spelling and answers typed early (found chatting, 2026-12-03)', () => {
  it('"It does not spread." is no spread, as "doesnt spread" is', () => {
    expect(interpret('spread', ctx(), { text: 'It does not spread.' }, AT)).toMatchObject({ kind: 'event', event: { type: 'SPREAD', sites: [] } });
  });
  it('"will not let me lift my arm" names no lifting as a cause', () => {
    expect(parseCauses('my shoulder will not let me lift my arm')).not.toMatchObject({ ok: true, value: ['strain'] });
  });
  it('"is not an issue" is none', () => {
    expect(parseDifficulty('sitting at my desk is not an issue')).toEqual({ ok: true, value: 'none' });
  });
  it('precautions and movements said at a pain score are kept for their questions', () => {
    const shoulder = { ...ctx(), sites: [{ region: 'shoulder' as const, side: 'right' as const }], intensityNow: 4 };
    expect(interpret('intensityWorst', shoulder, { text: 'I take warfarin, and I have osteoporosis.' }, AT)).toMatchObject({ detail: 'kept_for_later', early: { precautions: ['blood_thinners', 'osteoporosis'] } });
    expect(interpret('intensityWorst', shoulder, { text: 'Lying on that side wakes me several times.' }, AT)).toMatchObject({ early: { movements: { lying_on_side: 'a_lot' } } });
    expect(interpret('intensityWorst', shoulder, { text: 'I cannot lift it above my shoulder.' }, AT)).toMatchObject({ early: { movements: { reaching_overhead: 'unable' } } });
  });
});
