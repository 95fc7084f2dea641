// How a pain area is said back to the patient and to the clinic.
import { describe, expect, it } from 'vitest';
import { describeSite } from '../../dialogs/painAreas.js';

describe('describeSite', () => {
  it.each([
    ['shoulder', 'left', 'left shoulder'],
    ['knee', 'both', 'knee (both sides)'],
    ['lower_back', 'centre', 'lower back'],
    ['lower_back', undefined, 'lower back'],
    // A midline area with a side says it after, not "left neck".
    ['neck', 'left', 'neck (left side)'],
    ['upper_back', 'right', 'upper back (right side)'],
  ] as const)('%s, %s → %j', (region, side, said) => {
    expect(describeSite(region, side)).toBe(said);
  });
});
