// "Is that happening now?" and the safety follow-ups answered in words, not a plain yes or no.
import { describe, expect, it } from 'vitest';
import { parseSignAnswer } from '../../dialogs/understanding/index.js';
import type { FlagCode } from '../../dialogs/vocabulary.js';

describe('a yes/no about one warning sign, answered in the patient’s words', () => {
  it.each<[FlagCode, string, boolean]>([
    ['trauma_fracture', 'dunno, the finger looks a bit bent but its not that sore', true],
    ['trauma_fracture', 'my wrist looks a bit bent tbh', true],
    ['fever_unwell', 'had a temp last week but its gone now', false],
    ['fever_unwell', 'feel a bit off, sweaty at night, havent checked my temp', true],
    ['bladder_bowel_change', 'it did at the very start but thats stopped now', false],
    ['bladder_bowel_change', 'comes and goes, had some this morning', true],
    ['saddle_numbness', 'just one time, years back, after 6 hrs on a bike seat', false],
    ['unexplained_weight_loss', 'lost 6 kilos but ive been doing weight watchers', false],
    ['constant_night_pain', 'its worse at night but if i roll onto my other side it settles', false],
    ['cancer_history', 'breast cancer 8 years ago, all clear since', true],
    ['progressive_weakness', 'no not weaker, just tingly', false],
    ['progressive_weakness', 'yes', true],
    ['progressive_weakness', 'not weaker no, its just the tingly feeling', false],
    ['both_legs_symptoms', 'just the left leg actually, right ones fine', false],
    // Australian "I'm right" is fine; "right now" inside it is no "still".
    ['fever_unwell', 'had the sniffles last week but im right now', false],
    ['numbness_tingling', 'that was before my shoulder op, been good since', false],
    // Someone else's sign.
    ['cancer_history', 'dad had prostate cancer, not me', false],
    ['cancer_history', 'my brother had prostate cancer', false],
    // A history told as history counts.
    ['cancer_history', 'had it removed in 2015', true],
    // Both legs said side by side.
    ['both_legs_symptoms', 'the right mostly but the left too', true],
    ['both_legs_symptoms', 'no its not just the left, both', true],
    // What would rule it out, denied.
    ['unexplained_weight_loss', 'not on any diet', true],
    ['constant_night_pain', 'it doesnt settle no matter what', true],
    // A hot swollen joint with a fever is all three: swelling without heat or fever is a no.
    ['hot_swollen_joint_fever', 'bit puffy but its not hot and no temp', false],
  ])('%s: %j → %s', (code, text, yes) => {
    expect(parseSignAnswer(text, code)).toEqual({ ok: true, value: yes });
  });

  it.each<[FlagCode, string]>([
    ['trauma_fracture', 'how would i know if its broken'],
    ['fever_unwell', 'not sure'],
    // Not knowing is not a no, and neither is not understanding the question.
    ['osteoporosis', 'no idea, never been tested'],
    ['bladder_bowel_change', 'sorry i dont understand'],
  ])('%s: %j is asked again, not taken as a no', (code, text) => {
    expect(parseSignAnswer(text, code).ok).toBe(false);
  });
});

describe('a yes/no about one sign: a course finished, a sign that comes with a movement (2026-12-03)', () => {
  it.each<[FlagCode, string, boolean]>([
    ['immunosuppressed_steroids', 'had a course of prednisolone, finished it in august', false],
    ['immunosuppressed_steroids', 'came off the steroids a month ago', false],
    ['neck_neuro_signs', 'only when i look up, the room spins a bit', true],
    ['neck_neuro_signs', 'mostly when i turn over in bed i get dizzy', true],
  ])('%s: %j → %s', (code, text, yes) => {
    expect(parseSignAnswer(text, code)).toEqual({ ok: true, value: yes });
  });
});

describe('a yes/no about one sign: batch s (2026-12-03)', () => {
  it.each<[FlagCode, string, boolean]>([
    ['numbness_tingling', 'every morning, gone by lunch', true],
    ['immunosuppressed_steroids', 'only the one cortisone injection in my knee last year', false],
  ])('%s: %j → %s', (code, text, yes) => {
    expect(parseSignAnswer(text, code)).toEqual({ ok: true, value: yes });
  });
});

describe('a yes/no about one sign: batch v (2026-12-03)', () => {
  it.each<[FlagCode, string, boolean]>([
    // Hedged, but there now: a new lump where it was hurt.
    ['trauma_fracture', "not sure, there's a new lump on my ankle bone and it's puffy", true],
    ['fever_unwell', 'only when i had the flu in winter, not since', false],
    // "no problem with" the sign is a no, though "no problem" alone is a yes.
    ['bladder_bowel_change', 'no problems with the toilet', false],
  ])('%s: %j → %s', (code, text, yes) => {
    expect(parseSignAnswer(text, code)).toEqual({ ok: true, value: yes });
  });
});
