// Answers to later questions typed at "where does it hurt?": taken only when plainly about the pain.
import { describe, expect, it } from 'vitest';
import { transition } from 'xstate';
import { freshContext, movementList } from '../../dialogs/intakeContext.js';
import { interpret } from '../../dialogs/interpret.js';
import { intakeMachine } from '../../dialogs/machine.js';

const AT = '2026-12-02T10:00:00.000Z';
function early(text: string): Record<string, unknown> | undefined {
  const ctx = freshContext({ intakeId: '00000000-0000-4000-8000-000000000000', conversationId: 'c', channelId: 'test', startedAt: AT });
  const read = interpret('location', ctx, { text }, AT);
  if (read.kind !== 'event') throw new Error(`not read: ${JSON.stringify(read)}`);
  return (read.event as { early?: Record<string, unknown> }).early;
}

describe('early answers at the location question', () => {
  it.each([
    'lower back and i cant feel my bum or between my legs properly since this morning',
    'neck. and ive been seeing double since yesterday, is that related??',
    'knee, had surgery on it 2 yrs ago but this is new',
    'right knee, broke my leg as a kid but that was 30 yrs ago',
    'back of my head and neck, headaches most days',
  ])('%j: the time belongs to something else, so no duration is taken', (text) => {
    expect(early(text)?.['duration']).toBeUndefined();
  });

  it('a plain duration is taken and said back as the value understood', () => {
    expect(early('lower back, about 3 weeks now')?.['duration']).toEqual({ weeks: 3, text: 'about 3 weeks' });
  });

  it('a score at night or at its worst is not the pain now', () => {
    expect(early('right shoulder, gets to about a 9 at night')?.['intensityNow']).toBeUndefined();
    expect(early('neck, maybe 6 out of 10')?.['intensityNow']).toBe(6);
  });
});

describe('an answer to another question, typed at this one', () => {
  const backCtx = (movementIndex: number) => {
    const ctx = freshContext({ intakeId: '00000000-0000-4000-8000-000000000000', conversationId: 'c', channelId: 'test', startedAt: AT });
    ctx.sites = [{ region: 'lower_back' }];
    ctx.primary = 'lower_back';
    ctx.movementIndex = movementIndex;
    return ctx;
  };

  it('asked about bending, "cant sit more than 20 min" is kept for sitting, still to come, and noted', () => {
    const ctx = backCtx(0);
    expect(movementList(ctx).slice(0, 2)).toEqual(['bending_forward', 'sitting']);
    const read = interpret('movement', ctx, { text: 'cant sit more than 20 min' }, AT);
    expect(read).toMatchObject({ kind: 'event', event: { type: 'DIFFICULTY', difficulty: 'a_lot', movement: 'sitting' }, note: 'sitting for a while, a lot of trouble' });
  });

  it('the machine keeps it for that movement, asks the one asked again, and skips the kept one later', () => {
    const [snap] = transition(intakeMachine, moveTo(backCtx(0)), { type: 'DIFFICULTY', difficulty: 'a_lot', movement: 'sitting' });
    expect(snap.value).toBe('movement');
    expect(snap.context.movementIndex).toBe(0);
    expect(snap.context.movementAnswers).toEqual({ sitting: 'a_lot' });
    const [after] = transition(intakeMachine, snap, { type: 'DIFFICULTY', difficulty: 'some' });
    expect(movementList(after.context)[after.context.movementIndex]).toBe('lifting');
    expect(after.context.movementAnswers).toEqual({ sitting: 'a_lot', bending_forward: 'some' });
  });

  it('asked about walking, "bending is the worst, cant even put my socks on" corrects bending, answered before, and says what it replaces', () => {
    const ctx = backCtx(3);
    expect(movementList(ctx)[0]).toBe('bending_forward');
    ctx.movementAnswers = { bending_forward: 'some', sitting: 'none', lifting: 'some' };
    const read = interpret('movement', ctx, { text: 'bending is the worst, cant even put my socks on' }, AT);
    expect(read).toMatchObject({ kind: 'event', event: { type: 'DIFFICULTY', movement: 'bending_forward' }, note: expect.stringMatching(/^bending forward, now .+ \(it was some trouble\)$/) });
  });

  it('"cant kneel at all", then "squatting is ok ish" at the next question: the other half of the movement, so a lot; "actually" corrects it', () => {
    const ctx = { ...backCtx(0), sites: [{ region: 'knee' as const, side: 'right' as const }], primary: 'knee' as const };
    const list = movementList(ctx);
    expect(list).toContain('kneeling_squatting');
    ctx.movementAnswers = { kneeling_squatting: 'unable' };
    ctx.movementIndex = list.indexOf('walking');
    expect(interpret('movement', ctx, { text: 'squatting is ok ish' }, AT)).toMatchObject({ kind: 'event', event: { movement: 'kneeling_squatting', difficulty: 'a_lot' } });
    expect(interpret('movement', ctx, { text: 'actually squatting is ok' }, AT)).toMatchObject({ kind: 'event', event: { movement: 'kneeling_squatting', difficulty: 'none' } });
  });

  it('the machine takes the correction for the movement answered before and asks the one asked again', () => {
    const ctx = { ...backCtx(3), movementAnswers: { bending_forward: 'some' as const, sitting: 'none' as const, lifting: 'some' as const } };
    const asked = movementList(ctx)[3];
    const [snap] = transition(intakeMachine, moveTo(ctx), { type: 'DIFFICULTY', difficulty: 'unable', movement: 'bending_forward', said: 'bending is the worst' });
    expect(snap.value).toBe('movement');
    expect(movementList(snap.context)[snap.context.movementIndex]).toBe(asked);
    expect(snap.context.movementAnswers).toMatchObject({ bending_forward: 'unable', sitting: 'none', lifting: 'some' });
    expect(snap.context.patientWords['movement']).toContain('bending is the worst');
  });

  it('a movement not on the patient\'s list is not recorded: the question is asked again, naming what it sounded like', () => {
    const ctx = backCtx(4);
    expect(interpret('movement', ctx, { text: 'cant turn my head' }, AT)).toMatchObject({ kind: 'miss', detail: 'other_movement:turning your head' });
  });

  it('at the pain score, more about the cause is added to it and noted; what makes it worse is not a cause', () => {
    const unsure = { ...backCtx(0), causes: ['unknown' as const] };
    expect(interpret('intensityNow', unsure, { text: 'think it was from digging out the old veggie patch' }, AT)).toMatchObject({
      kind: 'event',
      event: { type: 'CAUSES', causes: ['strain'] },
      note: 'muscle strain as what brought it on',
    });
    expect(interpret('intensityNow', unsure, { text: 'kills when i bend to load the dishwasher' }, AT)).toMatchObject({ kind: 'miss' });
    // Said as a fact after a known cause, with no "from" or "I think": not taken as a new one.
    expect(interpret('intensityNow', { ...backCtx(0), causes: ['stress' as const] }, { text: 'gardening' }, AT)).toMatchObject({ kind: 'miss' });
    expect(interpret('intensityNow', unsure, { text: 'about a 6 since the gardening' }, AT)).toMatchObject({ kind: 'event', event: { type: 'SCORE', value: 6 } });
    // Two scores, at rest and moving, are never read as a cause ("sitting", "typing"): said of right now, the one
    // "sitting here" is the score; otherwise both are asked about.
    expect(interpret('intensityNow', unsure, { text: 'sitting here typing its a 3, but moving its more like 6' }, AT)).toMatchObject({ kind: 'event', event: { type: 'SCORE', value: 3 } });
    expect(interpret('intensityNow', unsure, { text: 'typing its a 3, moving its more like 6' }, AT)).toMatchObject({ kind: 'miss', why: 'ambiguous' });
  });

  it('the machine adds it, drops "not sure", and asks the score again', () => {
    const ctx = { ...backCtx(0), causes: ['unknown' as const] };
    const [snap] = transition(intakeMachine, intakeMachine.resolveState({ value: 'intensityNow', context: ctx }), { type: 'CAUSES', causes: ['strain'], said: 'from digging' });
    expect(snap.value).toBe('intensityNow');
    expect(snap.context.causes).toEqual(['strain']);
    expect(snap.context.patientWords['cause']).toContain('from digging');
  });

  it('"lift" names lifting: asked about reaching overhead, "lift the pot is very pain" is about lifting', () => {
    const ctx = { ...backCtx(0), sites: [{ region: 'lower_back' as const }, { region: 'shoulder' as const, side: 'right' as const }] };
    ctx.movementIndex = movementList(ctx).indexOf('reaching_overhead');
    expect(ctx.movementIndex).toBeGreaterThanOrEqual(0);
    const read = interpret('movement', ctx, { text: 'lift the pot is very pain, i must ask my son' }, AT);
    expect(read).toMatchObject({ kind: 'event', event: { type: 'DIFFICULTY', difficulty: 'a_lot', movement: 'lifting' } });
  });

  it('stopping to sit down while walking is part of walking, not an answer about sitting', () => {
    const ctx = backCtx(0);
    ctx.movementIndex = movementList(ctx).indexOf('walking');
    expect(ctx.movementIndex).toBeGreaterThan(0);
    expect(interpret('movement', ctx, { text: 'maybe 300m then i gotta stop and sit down' }, AT)).toMatchObject({ kind: 'event', event: { type: 'DIFFICULTY', difficulty: 'a_lot' } });
  });

  it('an answer that starts with the scale answers the movement asked', () => {
    expect(interpret('movement', backCtx(2), { text: 'none really, its more sitting thats the problem' }, AT)).toMatchObject({ kind: 'event', event: { difficulty: 'none' } });
  });

  it('"2 weeks" at the spread question is kept for the duration question; "6" at the duration question asks its unit', () => {
    const ctx = backCtx(0);
    expect(interpret('spread', ctx, { text: '2 weeks' }, AT)).toMatchObject({ kind: 'miss', detail: 'kept_for_later', early: { duration: { weeks: 2 } } });
    expect(interpret('duration', ctx, { text: '6' }, AT)).toMatchObject({ kind: 'miss', detail: 'no_unit:6' });
  });

  it('at the side or main-area question, a duration or a cause is kept for its question, and this one asked again', () => {
    const ctx = { ...backCtx(0), sites: [{ region: 'knee' as const }, { region: 'hip' as const }] };
    expect(interpret('side', ctx, { text: 'had it about a month, since the bushwalk' }, AT)).toMatchObject({ kind: 'miss', detail: 'kept_for_later', early: { duration: { weeks: 4.3 } } });
    expect(interpret('primary', ctx, { text: 'prob from carrying the esky' }, AT)).toMatchObject({ kind: 'miss', detail: 'kept_for_later', early: { causes: ['strain'] } });
    expect(interpret('side', ctx, { text: 'left, for about a month' }, AT)).toMatchObject({ kind: 'event', event: { type: 'SIDE', side: 'left' } });
  });

  it('the machine keeps an early answer that came with a miss', () => {
    const ctx = { ...backCtx(0), sites: [{ region: 'knee' as const }, { region: 'hip' as const }] };
    const [snap] = transition(intakeMachine, intakeMachine.resolveState({ value: 'side', context: ctx }), { type: 'MISS', step: 'side', said: '6 wks', early: { duration: { weeks: 6, text: 'about 6 weeks' } } });
    expect(snap.value).toBe('side');
    expect(snap.context.early?.duration).toEqual({ weeks: 6, text: 'about 6 weeks' });
    expect(snap.context.misses).toBe(1);
  });

  it('a cause at the spread question is kept for the cause question; a spread that names a cause is still a spread', () => {
    const ctx = backCtx(0);
    expect(interpret('spread', ctx, { text: 'not the gym, its my desk setup, screens too low' }, AT)).toMatchObject({ kind: 'miss', detail: 'kept_for_later', early: { causes: ['posture'] } });
    expect(interpret('spread', ctx, { text: 'desk job, new monitor is too low i think' }, AT)).toMatchObject({ kind: 'miss', detail: 'kept_for_later', early: { causes: ['posture'] } });
    expect(interpret('spread', ctx, { text: 'down my leg since lifting' }, AT)).toMatchObject({ kind: 'event', event: { type: 'SPREAD' } });
    expect(interpret('spread', ctx, { text: 'dunno really' }, AT)).toMatchObject({ kind: 'miss' });
    expect(interpret('spread', ctx, { text: 'dunno really' }, AT)).not.toMatchObject({ detail: 'kept_for_later' });
    // A bare score is said to be asked for in a moment, not "did not catch that".
    expect(interpret('spread', ctx, { text: '5' }, AT)).toMatchObject({ kind: 'miss', detail: 'score' });
  });
});

/** A snapshot at the movement question with this context. */
function moveTo(context: ReturnType<typeof freshContext>) {
  return intakeMachine.resolveState({ value: 'movement', context });
}

describe('the duration question reads the pain\'s own time (batch t)', () => {
  it('another event\'s time in its own sentence is not the pain\'s', () => {
    const ctx = freshContext({ intakeId: '00000000-0000-4000-8000-000000000000', conversationId: 'c', channelId: 'test', startedAt: AT });
    const read = interpret('duration', ctx, { text: 'started in august. had my hip replaced a few years back' }, AT);
    expect(read).toMatchObject({ kind: 'event', event: { type: 'DURATION' } });
    const weeks = read.kind === 'event' && read.event.type === 'DURATION' ? read.event.duration.weeks : 0;
    // August to 2 December: about 17 weeks, not "a few years".
    expect(weeks).toBeGreaterThan(13);
    expect(weeks).toBeLessThan(19);
  });
});

describe('a movement answer typed at a pain score (found chatting, 2026-12-03)', () => {
  const ctx = () => ({ ...freshContext({ intakeId: '00000000-0000-4000-8000-000000000000', conversationId: 'c', channelId: 'test', startedAt: AT }), sites: [{ region: 'shoulder' as const, side: 'right' as const }], intensityNow: 5 });
  it('keeps one movement on the list, named with a level, for its question', () => {
    expect(interpret('intensityWorst', ctx(), { text: 'reaching up is really hard, cant hang the washing' }, AT)).toMatchObject({
      kind: 'miss',
      detail: 'kept_for_movements',
      early: { movements: { reaching_overhead: 'a_lot' } },
    });
  });
  it('says the movements come in a moment for one not on the list, or when which one is not plain', () => {
    expect(interpret('intensityNow', { ...ctx(), causes: ['strain' as const] }, { text: 'cant lift the shopping bags' }, AT)).toMatchObject({ kind: 'miss', detail: 'movement_later' });
    expect(interpret('intensityNow', ctx(), { text: 'cant reach up or sleep on it' }, AT)).toMatchObject({ kind: 'miss' });
    expect(interpret('intensityNow', ctx(), { text: 'cant reach up or lie on it' }, AT)).toMatchObject({ kind: 'miss', detail: 'movement_later' });
  });
  it('never replaces a movement already answered', () => {
    const answered = { ...ctx(), movementAnswers: { reaching_overhead: 'some' as const } };
    expect(interpret('intensityWorst', answered, { text: 'reaching up is really hard' }, AT)).toMatchObject({ kind: 'miss', detail: 'movement_later' });
  });
  it('a time of day is no movement, and a score is still a score', () => {
    expect(interpret('intensityWorst', ctx(), { text: 'worse at night' }, AT)).not.toMatchObject({ detail: 'movement_later' });
    expect(interpret('intensityWorst', ctx(), { text: '8 when i lift' }, AT)).toMatchObject({ kind: 'event', event: { type: 'SCORE', value: 8 } });
  });
});

describe('two movements on the list in one answer (found chatting, 2026-12-03)', () => {
  // A knee's list asks about walking and then running.
  const knee = () => ({ ...freshContext({ intakeId: '00000000-0000-4000-8000-000000000000', conversationId: 'c', channelId: 'test', startedAt: AT }), sites: [{ region: 'knee' as const, side: 'right' as const }], primary: 'knee' as const, movementIndex: movementList({ ...freshContext({ intakeId: '00000000-0000-4000-8000-000000000000', conversationId: 'c', channelId: 'test', startedAt: AT }), sites: [{ region: 'knee' as const }] }).indexOf('walking') });
  it('"cant run at all" at walking is kept for running, not recorded as walking unable', () => {
    expect(interpret('movement', knee(), { text: 'cant run at all, shes benched' }, AT)).toMatchObject({ kind: 'event', event: { type: 'DIFFICULTY', movement: 'running', difficulty: 'unable' } });
  });
  it('"walking ok, cant run" at walking reads the walking part', () => {
    expect(interpret('movement', knee(), { text: 'walking ok, cant run' }, AT)).toMatchObject({ kind: 'event', event: { type: 'DIFFICULTY', difficulty: 'none' } });
    expect(interpret('movement', knee(), { text: 'walking is a bit sore but running is impossible' }, AT)).toMatchObject({ event: { difficulty: 'some' } });
  });
});

describe('found chatting, 2026-12-03 (afternoon)', () => {
  const ctx = () => ({ ...freshContext({ intakeId: '00000000-0000-4000-8000-000000000000', conversationId: 'c', channelId: 'test', startedAt: AT }), sites: [{ region: 'neck' as const }, { region: 'shoulder' as const, side: 'right' as const }], primary: 'shoulder' as const });
  it('a precaution typed at the checklist is none of the list and kept for the precautions question', () => {
    expect(interpret('redFlags', ctx(), { text: 'im on warfarin for my heart' }, AT)).toMatchObject({
      kind: 'event',
      event: { type: 'FLAGS', codes: [], early: { precautions: ['blood_thinners'] } },
      note: expect.stringContaining('blood-thinning'),
    });
  });
  it('"cant lift my arm above my head" is reaching overhead, not lifting', () => {
    expect(interpret('intensityWorst', { ...ctx(), intensityNow: 5 }, { text: 'cant lift my arm above my head to hang washing' }, AT)).toMatchObject({ early: { movements: { reaching_overhead: 'a_lot' } } });
  });
  it('the summary\'s "Since:" keeps the words of the length, not the rest of the answer', () => {
    expect(interpret('duration', ctx(), { text: 'bout a month, came on after i started the new job' }, AT)).toMatchObject({ event: { duration: { text: 'bout a month' } } });
  });
});

describe('a bare yes at a list (found chatting, 2026-12-03)', () => {
  const ctx = () => ({ ...freshContext({ intakeId: '00000000-0000-4000-8000-000000000000', conversationId: 'c', channelId: 'test', startedAt: AT }), sites: [{ region: 'lower_back' as const }] });
  it.each<['precautions' | 'redFlags', string]>([['precautions', 'yep'], ['redFlags', 'yes']])('at %s, %j is asked which', (state, text) => {
    expect(interpret(state, ctx(), { text }, AT)).toMatchObject({ kind: 'miss', detail: 'which_items' });
  });
});

describe('stairs are not standing (found chatting, 2026-12-03)', () => {
  it('"stairs fine" at standing is about stairs, asked again', () => {
    const foot = { ...freshContext({ intakeId: '00000000-0000-4000-8000-000000000000', conversationId: 'c', channelId: 'test', startedAt: AT }), sites: [{ region: 'ankle_foot' as const, side: 'left' as const }], primary: 'ankle_foot' as const };
    const at = movementList(foot).indexOf('standing');
    expect(at).toBeGreaterThanOrEqual(0);
    expect(interpret('movement', { ...foot, movementIndex: at }, { text: 'stairs fine' }, AT)).toMatchObject({ kind: 'miss', detail: expect.stringMatching(/^other_movement:/) });
  });
});

describe('a story of the cause at a pain score is no movement answer (found chatting, 2026-12-03)', () => {
  it('"I lifted a lot of heavy boxes" keeps no movement level', () => {
    const ctx = { ...freshContext({ intakeId: '00000000-0000-4000-8000-000000000000', conversationId: 'c', channelId: 'test', startedAt: AT }), sites: [{ region: 'lower_back' as const }], causes: ['strain' as const] };
    expect(interpret('intensityNow', ctx, { text: 'I lifted a lot of heavy boxes.' }, AT)).not.toMatchObject({ early: { movements: expect.anything() } });
    expect(interpret('intensityNow', ctx, { text: 'lifting is really hard at the moment' }, AT)).toMatchObject({ early: { movements: { lifting: 'a_lot' } } });
  });
});

describe('the main-area question (found chatting, 2026-12-03)', () => {
  const ctx = () => ({ ...freshContext({ intakeId: '00000000-0000-4000-8000-000000000000', conversationId: 'c', channelId: 'test', startedAt: AT }), sites: [{ region: 'neck' as const }, { region: 'head' as const }] });
  it('"both" is asked again, saying either will do to start with', () => {
    expect(interpret('primary', ctx(), { text: 'both' }, AT)).toMatchObject({ kind: 'miss', why: 'ambiguous', detail: 'equally' });
  });
  it('"none" is no pain score typed early', () => {
    expect(interpret('primary', ctx(), { text: 'none' }, AT)).not.toMatchObject({ detail: 'score' });
  });
});
