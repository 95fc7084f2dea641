import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EXAMPLE_CLINIC, ClinicProfile } from '../../dialogs/clinicProfile.js';
import { movementsFor, MAX_MOVEMENT_QUESTIONS } from '../../dialogs/movements.js';
import { screenFor } from '../../dialogs/redFlags.js';
import { durationCategory, flagsFrom, recommend, triageOf } from '../../dialogs/triage.js';
import { EMERGENCY_FLAGS, FLAG_CODES, REGIONS, REVIEW_FLAGS, SEE_DOCTOR_FLAGS, levelOf } from '../../dialogs/vocabulary.js';

describe('triage rules', () => {
  it.each([
    [[], 'routine'],
    [['pregnancy'], 'therapist_review'],
    [['numbness_tingling', 'fear_of_movement'], 'therapist_review'],
    [['cancer_history'], 'see_doctor_first'],
    [['pregnancy', 'constant_night_pain'], 'see_doctor_first'],
    [['saddle_numbness'], 'emergency'],
    [['pregnancy', 'cancer_history', 'chest_pain_breathless'], 'emergency'],
  ] as const)('%j → %s', (codes, triage) => {
    expect(triageOf(flagsFrom(codes))).toBe(triage);
  });

  it('the most serious level always wins, whatever the mix', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...FLAG_CODES)), (codes) => {
        const t = triageOf(flagsFrom(codes));
        const levels = codes.map(levelOf);
        if (levels.includes('emergency')) return t === 'emergency';
        if (levels.includes('see_doctor')) return t === 'see_doctor_first';
        if (levels.includes('review')) return t === 'therapist_review';
        return t === 'routine';
      }),
    );
  });

  it('levels follow the contract lists', () => {
    for (const c of EMERGENCY_FLAGS) expect(levelOf(c)).toBe('emergency');
    for (const c of SEE_DOCTOR_FLAGS) expect(levelOf(c)).toBe('see_doctor');
    for (const c of REVIEW_FLAGS) expect(levelOf(c)).toBe('review');
  });

  it.each([
    [0, 'acute'],
    [5.9, 'acute'],
    [6, 'subacute'],
    [12, 'subacute'],
    [12.1, 'chronic'],
    [520, 'chronic'],
  ] as const)('%s weeks is %s', (weeks, category) => {
    expect(durationCategory(weeks)).toBe(category);
  });
});

describe('appointment recommendation', () => {
  it('offers no booking in an emergency', () => {
    expect(recommend(EXAMPLE_CLINIC, { triage: 'emergency', category: 'acute', regionCount: 1 })).toBeNull();
  });
  it('takes the first type whose criteria hold', () => {
    expect(recommend(EXAMPLE_CLINIC, { triage: 'routine', category: 'acute', regionCount: 1 })?.durationMinutes).toBe(60);
    expect(recommend(EXAMPLE_CLINIC, { triage: 'routine', category: 'chronic', regionCount: 1 })?.durationMinutes).toBe(90);
    expect(recommend(EXAMPLE_CLINIC, { triage: 'see_doctor_first', category: 'acute', regionCount: 3 })?.durationMinutes).toBe(90);
  });
  it('uses a type-specific booking URL when given', () => {
    const clinic = ClinicProfile.parse({
      ...EXAMPLE_CLINIC,
      appointmentTypes: [{ name: 'Review', durationMinutes: 30, bookingUrl: 'https://b.example.com/review', when: { triage: ['therapist_review'] } }, { name: 'Standard', durationMinutes: 60 }],
    });
    expect(recommend(clinic, { triage: 'therapist_review', category: 'acute', regionCount: 1 })?.bookingUrl).toBe('https://b.example.com/review');
  });
  it('rejects a profile whose last type has criteria, naming the problem', () => {
    const r = ClinicProfile.safeParse({ ...EXAMPLE_CLINIC, appointmentTypes: [{ name: 'X', durationMinutes: 30, when: { minRegions: 2 } }] });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(/last appointment type/);
  });
});

describe('movements and the safety screen by region', () => {
  it('asks neck movements for a neck and lower-back movements for a lower back', () => {
    expect(movementsFor(['neck'])).toEqual(['turning_head', 'looking_up_down', 'sleeping']);
    expect(movementsFor(['lower_back'])).toEqual(['bending_forward', 'sitting', 'lifting', 'sit_to_stand', 'walking']);
  });
  it('never repeats a movement and stays within the cap, primary region first', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom(...REGIONS), { minLength: 1, maxLength: 6 }), (regions) => {
        const list = movementsFor(regions);
        expect(new Set(list).size).toBe(list.length);
        expect(list.length).toBeLessThanOrEqual(MAX_MOVEMENT_QUESTIONS);
        expect(list.length).toBeGreaterThan(0);
        expect(list[0]).toBe(movementsFor([regions[0]!])[0]);
      }),
    );
  });
  it('screens cauda equina signs for a lower back but not for a wrist', () => {
    expect(screenFor(['lower_back'])).toContain('saddle_numbness');
    expect(screenFor(['wrist_hand'])).not.toContain('saddle_numbness');
    expect(screenFor(['neck'])).toContain('neck_neuro_signs');
    expect(screenFor(['wrist_hand'])).toContain('trauma_fracture');
  });
});

describe('what besides the flags raises triage', () => {
  it('a warning sign typed and not confirmed makes an intake at least therapist_review, never routine', () => {
    expect(triageOf([], { mentioned: 1 })).toBe('therapist_review');
    expect(triageOf(flagsFrom(['cancer_history']), { mentioned: 1 })).toBe('see_doctor_first');
  });
  it('osteoporosis with a fall or knock means a GP first; without one it is for the therapist to review', () => {
    expect(triageOf(flagsFrom(['osteoporosis']), { fallOrKnock: true })).toBe('see_doctor_first');
    expect(triageOf(flagsFrom(['osteoporosis']), { fallOrKnock: false })).toBe('therapist_review');
  });
});
